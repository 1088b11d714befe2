package io.dpf.provisioning.dpu.install;

import io.dpf.provisioning.redfish.UpdateServiceInfo;
import java.net.URI;
import java.util.Locale;

/**
 * How the image gets to the BMC. PULL: SimpleUpdate, the BMC fetches the manager's image URL (what
 * NVIDIA documents for BFBs and what DPF does). PUSH: the manager POSTs the image to the
 * UpdateService's HttpPushUri, for BMCs that cannot reach the manager's image endpoint. A DPU asks
 * for push with the annotation below; a BMC that offers no SimpleUpdate but an HttpPushUri is pushed
 * to even unasked, since pulling cannot work there.
 */
public enum ImageTransfer {
  PULL,
  PUSH;

  /** {@code pull} (the default) or {@code push}; copied from a DPUSet's dpuTemplate annotations. */
  public static final String ANNOTATION = "provisioning.dpu.nvidia.com/bmc-image-transfer";

  /**
   * The transfer for a DPU that asked for {@code requested} (the annotation's value, or null) from a
   * BMC offering {@code service}, the image being served at {@code imageUrl}.
   *
   * @throws IllegalArgumentException naming why no transfer fits
   */
  public static ImageTransfer choose(String requested, UpdateServiceInfo service, String imageUrl) {
    String asked = requested == null ? "pull" : requested.trim().toLowerCase(Locale.ROOT);
    if (asked.equals("push")) {
      if (service.httpPushUri() == null) {
        throw new IllegalArgumentException("the DPU asks for " + ANNOTATION + ": push but the BMC's UpdateService"
            + " advertises no HttpPushUri");
      }
      return PUSH;
    }
    if (!asked.equals("pull")) {
      throw new IllegalArgumentException(ANNOTATION + " must be pull or push, not \"" + requested + "\"");
    }
    if (!service.simpleUpdate()) {
      if (service.httpPushUri() != null) {
        return PUSH;
      }
      throw new IllegalArgumentException("the BMC's UpdateService offers neither SimpleUpdate nor HttpPushUri");
    }
    String protocol = transferProtocol(imageUrl);
    if (!service.allows(protocol)) {
      throw new IllegalArgumentException("the BMC's SimpleUpdate does not take TransferProtocol " + protocol
          + " (it allows " + service.transferProtocols() + "); serve images over "
          + (protocol.equals("HTTPS") ? "HTTP" : "HTTPS") + " or push them");
    }
    return PULL;
  }

  /** SimpleUpdate's TransferProtocol for the image URL: HTTPS when the manager serves images over TLS. */
  public static String transferProtocol(String imageUrl) {
    return "https".equalsIgnoreCase(URI.create(imageUrl).getScheme()) ? "HTTPS" : "HTTP";
  }
}
