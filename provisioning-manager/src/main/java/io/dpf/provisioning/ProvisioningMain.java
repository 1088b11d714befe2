package io.dpf.provisioning;

import io.dpf.provisioning.agent.HostAgentCommand;
import io.dpf.provisioning.dpu.install.HostAgentSettings;
import io.dpf.runtime.manager.LeaderElectionSettings;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code provisioning-manager [flags]}, or {@code provisioning-manager agent [flags]} for the rshim
 * host agent ({@link HostAgentCommand}). The flags are declared here and in {@link ManagerOptions};
 * see {@code --help}.
 */
@Command(name = "provisioning-manager", mixinStandardHelpOptions = true, sortOptions = false,
    subcommands = HostAgentCommand.class,
    description = "The provisioning controller-manager: BFB, DPUFlavor, DPUSet, DPU and DPUCluster controllers, "
        + "the image endpoint BMCs and host agents pull from.")
public final class ProvisioningMain implements Callable<Integer> {

  static final String NAME = "dpf-provisioning-controller-manager";

  @Option(names = "--bfb-pvc", paramLabel = "NAME",
      description = "The BFB volume's PVC. Only the chart uses it (it mounts the PVC at --bfb-dir); "
          + "accepted so DPF's flags carry over.")
  String bfbPvc;

  @Option(names = "--bfb-dir", paramLabel = "DIR", defaultValue = "/bfb",
      description = "Where the BFB volume is mounted: downloaded BFBs and rendered bf.cfg files.")
  Path bfbDir;

  @Option(names = "--image-server-port", paramLabel = "PORT",
      defaultValue = "" + ProvisioningSettings.DEFAULT_IMAGE_SERVER_PORT,
      description = "Port of the image endpoint that BMCs and host agents pull BFB + bf.cfg from; 0 picks one.")
  int imageServerPort;

  @Option(names = "--image-base-url", paramLabel = "URL",
      description = "How BMCs reach the image endpoint (a Service, an ingress); its scheme must be the one served. "
          + "Default: http(s)://$POD_IP:<port>.")
  String imageBaseUrl;

  @Option(names = "--image-server-https",
      description = "Serve the image endpoint over HTTPS with a certificate issued at start by a CA made then "
          + "(new on every restart: for demos).")
  boolean imageServerHttps;

  @Option(names = "--image-server-tls-dir", paramLabel = "DIR",
      description = "Serve the image endpoint over HTTPS with tls.crt and tls.key from this directory "
          + "(a mounted kubernetes.io/tls Secret); wins over --image-server-https.")
  Path imageServerTlsDir;

  @Option(names = "--rshim-root", paramLabel = "DIR",
      description = "Where this process sees the hosts' rshim devices (/dev on a host): installInterface "
          + "hostAgent runs in-process. Unset: host agent pods (--host-agent-image) or not offered.")
  Path rshimRoot;

  @Option(names = "--host-agent-image", paramLabel = "IMAGE",
      description = "The image of rshim host agent pods (this manager's own image, run as `agent`). "
          + "Unset and no --rshim-root: installInterface hostAgent is not offered.")
  String hostAgentImage;

  @Option(names = "--host-agent-service-account", paramLabel = "NAME",
      defaultValue = HostAgentSettings.DEFAULT_SERVICE_ACCOUNT,
      description = "Service account of host agent pods (they write their DPU's status.hostAgent).")
  String hostAgentServiceAccount;

  @Option(names = "--image-pull-secret", paramLabel = "NAME",
      description = "A pull secret for host agent pods; repeat for several.")
  List<String> imagePullSecrets = new ArrayList<>();

  @Option(names = "--install-timeout-minutes", paramLabel = "MINUTES", defaultValue = "120",
      description = "How long OS Installing may take before the attempt fails and is retried "
          + "(real installs take 15 to 90 minutes).")
  long installTimeoutMinutes;

  @Mixin
  ManagerOptions manager;

  public static void main(String[] args) {
    ManagerCommand.run(new ProvisioningMain(), args);
  }

  @Override
  public Integer call() throws InterruptedException {
    manager.logFormat().install();
    ProvisioningSettings provisioning = settings(System.getenv("POD_IP"));
    HostAgentSettings hostAgent = hostAgentImage == null ? null : new HostAgentSettings(hostAgentImage,
        LeaderElectionSettings.podNamespace(), hostAgentServiceAccount, List.copyOf(imagePullSecrets));
    Manager.run(new ManagerModule(manager.settings(NAME)), new ProvisioningModule(provisioning, hostAgent));
    return 0;
  }

  /** The settings these flags say; refuses an image URL whose scheme is not what the endpoint serves. */
  ProvisioningSettings settings(String podIp) {
    ProvisioningSettings.ImageTls tls = imageServerTlsDir != null
        ? ProvisioningSettings.ImageTls.fromSecret(imageServerTlsDir)
        : imageServerHttps ? ProvisioningSettings.ImageTls.generated() : ProvisioningSettings.ImageTls.OFF;
    if (imageBaseUrl != null && !imageBaseUrl.startsWith(tls.scheme() + "://")) {
      // SimpleUpdate's TransferProtocol follows the URL's scheme: it must be what the endpoint serves.
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--image-base-url must start with " + tls.scheme() + ":// when the image server serves "
              + tls.scheme().toUpperCase(Locale.ROOT));
    }
    // BMCs pull images from the pod's address unless told another (a Service, an ingress).
    String baseUrl = imageBaseUrl == null && podIp != null ? tls.scheme() + "://" + podIp + ":" + imageServerPort
        : imageBaseUrl;
    return ProvisioningSettings.defaults().withBfbDir(bfbDir).withImageServer(imageServerPort, baseUrl)
        .withImageTls(tls).withRshimRoot(rshimRoot).withInstallTimeout(Duration.ofMinutes(installTimeoutMinutes));
  }
}
