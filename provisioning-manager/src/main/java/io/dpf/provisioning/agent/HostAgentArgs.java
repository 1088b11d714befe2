package io.dpf.provisioning.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the agent is told by its pod: {@code agent --dpu=<namespace>/<name> --image-url=<url>
 * [--rshim-root=/dev] [--progress-seconds=5] [--poll-seconds=2] [--resume-seconds=600]}, and its pod's UID ({@code POD_UID}
 * from the downward API), which marks its reports as its own, and for an HTTPS endpoint its
 * certificate ({@code IMAGE_ENDPOINT_CERTIFICATE}, PEM), the only one the agent then trusts.
 */
public record HostAgentArgs(String dpuNamespace, String dpuName, String imageUrl, Path rshimRoot, String podUid,
    Duration progressInterval, Duration pollInterval, Duration resumeWindow, String imageCertificatePem) {

  static final String IMAGE_CERTIFICATE_ENV = io.dpf.provisioning.dpu.install.HostAgentPod.IMAGE_CERTIFICATE_ENV;
  static final String USAGE = "usage: provisioning-manager agent --dpu=<namespace>/<name> --image-url=<url>"
      + " [--rshim-root=/dev] [--progress-seconds=5] [--poll-seconds=2] [--resume-seconds=600]  (env POD_UID)";

  public static HostAgentArgs parse(String[] args, Map<String, String> env) {
    String dpu = null;
    String imageUrl = null;
    Path root = Path.of("/dev");
    Duration progress = Duration.ofSeconds(5);
    Duration poll = Duration.ofSeconds(2);
    // How long boot is held open while the image endpoint (the manager's pod) is away: a restart
    // with a new pod scheduled and an image pulled fits; a DPU left waiting longer is better reset.
    Duration resume = Duration.ofMinutes(10);
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      if (arg.startsWith("--dpu=")) {
        dpu = value;
      } else if (arg.startsWith("--image-url=")) {
        imageUrl = value;
      } else if (arg.startsWith("--rshim-root=")) {
        root = Path.of(value);
      } else if (arg.startsWith("--progress-seconds=")) {
        progress = Duration.ofSeconds(Long.parseLong(value));
      } else if (arg.startsWith("--poll-seconds=")) {
        poll = Duration.ofSeconds(Long.parseLong(value));
      } else if (arg.startsWith("--resume-seconds=")) {
        resume = Duration.ofSeconds(Long.parseLong(value));
      } else if (!arg.equals("agent")) {
        throw new IllegalArgumentException("unknown argument " + arg + "; " + USAGE);
      }
    }
    if (dpu == null || !dpu.matches("[^/]+/[^/]+") || imageUrl == null) {
      throw new IllegalArgumentException(USAGE);
    }
    String podUid = env.get("POD_UID");
    if (podUid == null || podUid.isBlank()) {
      throw new IllegalArgumentException("POD_UID is not set (the pod passes metadata.uid through the downward API)");
    }
    String[] parts = dpu.split("/");
    String certificate = env.get(IMAGE_CERTIFICATE_ENV);
    if (imageUrl.startsWith("https://") && (certificate == null || certificate.isBlank())) {
      throw new IllegalArgumentException("--image-url is HTTPS but " + IMAGE_CERTIFICATE_ENV
          + " (the endpoint's certificate, which the agent trusts alone) is not set");
    }
    return new HostAgentArgs(parts[0], parts[1], imageUrl, root, podUid, progress, poll, resume, certificate);
  }
}
