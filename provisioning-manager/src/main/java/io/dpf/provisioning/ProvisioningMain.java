package io.dpf.provisioning;

import io.dpf.runtime.manager.LeaderElectionSettings;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.provisioning.agent.HostAgentMain;
import io.dpf.provisioning.dpu.install.HostAgentSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code provisioning-manager [--bfb-pvc=name] [--bfb-dir=/bfb] [--image-server-port=8090]
 * [--image-base-url=url] [--image-server-https] [--image-server-tls-dir=dir] [--rshim-root=/dev]
 * [--host-agent-image=image] [--host-agent-service-account=name] [--image-pull-secret=name]...
 * [--install-timeout-minutes=120] [--http-port=8081] [--leader-elect]}, or
 * {@code provisioning-manager agent ...} for the rshim host agent. The PVC named by {@code --bfb-pvc}
 * is mounted by the chart at {@code --bfb-dir}. Without {@code --host-agent-image} and
 * {@code --rshim-root}, installInterface hostAgent is not offered.
 */
public final class ProvisioningMain {

  static final String NAME = "dpf-provisioning-controller-manager";
  static final String USAGE =
      "usage: provisioning-manager [--bfb-pvc=name] [--bfb-dir=/bfb] [--image-server-port=8090]"
          + " [--image-base-url=http://<pod-ip>:8090] [--image-server-https] [--image-server-tls-dir=dir]"
          + " [--rshim-root=/dev] [--host-agent-image=image] [--host-agent-service-account=name]"
          + " [--image-pull-secret=name]... [--install-timeout-minutes=120]"
          + " [--http-port=8081] [--leader-elect]";

  private ProvisioningMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && args[0].equals("agent")) {
      // The same image runs as the rshim host agent on a DPU's host (pods made by HostAgentInstaller).
      HostAgentMain.main(args);
      return;
    }
    ProvisioningSettings provisioning = ProvisioningSettings.defaults();
    ManagerSettings manager = ManagerSettings.inCluster(NAME).withoutLeaderElection();
    String agentImage = null;
    String agentServiceAccount = HostAgentSettings.DEFAULT_SERVICE_ACCOUNT;
    List<String> pullSecrets = new ArrayList<>();
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      if (arg.startsWith("--bfb-pvc=")) {
        // Only the chart needs the PVC's name (it mounts it); accepted so DPF's flags carry over.
        continue;
      } else if (arg.startsWith("--bfb-dir=")) {
        provisioning = provisioning.withBfbDir(Path.of(value));
      } else if (arg.startsWith("--image-server-port=")) {
        provisioning = provisioning.withImageServer(Integer.parseInt(value), provisioning.imageBaseUrl());
      } else if (arg.startsWith("--image-base-url=")) {
        provisioning = provisioning.withImageServer(provisioning.imageServerPort(), value);
      } else if (arg.equals("--image-server-https")) {
        if (!provisioning.imageTls().https()) {
          provisioning = provisioning.withImageTls(ProvisioningSettings.ImageTls.generated());
        }
      } else if (arg.startsWith("--image-server-tls-dir=")) {
        provisioning = provisioning.withImageTls(ProvisioningSettings.ImageTls.fromSecret(Path.of(value)));
      } else if (arg.startsWith("--rshim-root=")) {
        provisioning = provisioning.withRshimRoot(Path.of(value));
      } else if (arg.startsWith("--install-timeout-minutes=")) {
        provisioning = provisioning.withInstallTimeout(java.time.Duration.ofMinutes(Long.parseLong(value)));
      } else if (arg.startsWith("--host-agent-image=")) {
        agentImage = value;
      } else if (arg.startsWith("--host-agent-service-account=")) {
        agentServiceAccount = value;
      } else if (arg.startsWith("--image-pull-secret=")) {
        pullSecrets.add(value);
      } else if (arg.startsWith("--http-port=")) {
        manager = manager.withHttpPort(Integer.parseInt(value));
      } else if (arg.equals("--leader-elect")) {
        manager = manager.withLeaderElection(
            LeaderElectionSettings.of(LeaderElectionSettings.podNamespace(), NAME + "-leader"));
      } else {
        System.err.println("unknown argument " + arg + "; " + USAGE);
        System.exit(2);
      }
    }
    if (provisioning.imageBaseUrl() != null
        && !provisioning.imageBaseUrl().startsWith(provisioning.imageTls().scheme() + "://")) {
      // SimpleUpdate's TransferProtocol follows the URL's scheme: it must be what the endpoint serves.
      System.err.println("--image-base-url must start with " + provisioning.imageTls().scheme()
          + ":// when the image server serves " + provisioning.imageTls().scheme().toUpperCase(java.util.Locale.ROOT));
      System.exit(2);
    }
    String podIp = System.getenv("POD_IP");
    if (podIp != null && provisioning.imageBaseUrl() == null) {
      // BMCs pull images from the pod's address unless told another (a Service, an ingress).
      provisioning = provisioning.withImageServer(provisioning.imageServerPort(),
          provisioning.imageTls().scheme() + "://" + podIp + ":" + provisioning.imageServerPort());
    }
    HostAgentSettings hostAgent = agentImage == null ? null
        : new HostAgentSettings(agentImage, LeaderElectionSettings.podNamespace(), agentServiceAccount, pullSecrets);
    Manager.run(new ManagerModule(manager), new ProvisioningModule(provisioning, hostAgent));
  }
}
