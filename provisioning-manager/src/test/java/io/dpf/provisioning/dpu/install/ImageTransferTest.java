package io.dpf.provisioning.dpu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dpf.provisioning.redfish.UpdateServiceInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which way the image goes to the BMC: what the DPU asks for against what the BMC's UpdateService offers. */
class ImageTransferTest {

  static final String PUSH_URI = "/redfish/v1/UpdateService/update";
  static final UpdateServiceInfo BOTH = new UpdateServiceInfo(true, List.of("HTTP", "HTTPS", "SCP"), PUSH_URI);
  static final UpdateServiceInfo PULL_ONLY = new UpdateServiceInfo(true, List.of("HTTP", "HTTPS"), null);
  static final UpdateServiceInfo PUSH_ONLY = new UpdateServiceInfo(false, List.of(), PUSH_URI);
  static final String HTTP_IMAGE = "http://10.0.0.5:8090/images/a.bfb/dpu.cfg";
  static final String HTTPS_IMAGE = "https://10.0.0.5:8090/images/a.bfb/dpu.cfg";

  @Test
  void unaskedTheBmcPullsWhenItCan() {
    assertThat(ImageTransfer.choose(null, BOTH, HTTP_IMAGE)).isEqualTo(ImageTransfer.PULL);
    assertThat(ImageTransfer.choose("pull", BOTH, HTTPS_IMAGE)).isEqualTo(ImageTransfer.PULL);
  }

  @Test
  void aDpuThatAsksForPushIsPushedWhereTheBmcTakesIt() {
    assertThat(ImageTransfer.choose("push", BOTH, HTTP_IMAGE)).isEqualTo(ImageTransfer.PUSH);
    assertThat(ImageTransfer.choose(" Push ", BOTH, HTTP_IMAGE)).isEqualTo(ImageTransfer.PUSH);
    assertThatThrownBy(() -> ImageTransfer.choose("push", PULL_ONLY, HTTP_IMAGE))
        .hasMessageContaining("advertises no HttpPushUri");
  }

  @Test
  void aBmcWithoutSimpleUpdateIsPushedToUnasked() {
    assertThat(ImageTransfer.choose(null, PUSH_ONLY, HTTP_IMAGE)).isEqualTo(ImageTransfer.PUSH);
    assertThatThrownBy(() -> ImageTransfer.choose(null, new UpdateServiceInfo(false, List.of(), null), HTTP_IMAGE))
        .hasMessageContaining("neither SimpleUpdate nor HttpPushUri");
  }

  @Test
  void theTransferProtocolFollowsTheImageUrlAndMustBeAllowed() {
    assertThat(ImageTransfer.transferProtocol(HTTP_IMAGE)).isEqualTo("HTTP");
    assertThat(ImageTransfer.transferProtocol(HTTPS_IMAGE)).isEqualTo("HTTPS");
    UpdateServiceInfo httpOnly = new UpdateServiceInfo(true, List.of("HTTP", "SCP"), null);
    assertThatThrownBy(() -> ImageTransfer.choose(null, httpOnly, HTTPS_IMAGE))
        .hasMessageContaining("does not take TransferProtocol HTTPS").hasMessageContaining("[HTTP, SCP]");
  }

  @Test
  void anUnknownRequestIsNamed() {
    assertThatThrownBy(() -> ImageTransfer.choose("scp", BOTH, HTTP_IMAGE))
        .hasMessageContaining(ImageTransfer.ANNOTATION).hasMessageContaining("\"scp\"");
  }
}
