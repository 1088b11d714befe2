package io.dpf.provisioning.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code provisioning-manager agent [flags]}: the rshim host agent (see {@link HostAgent}). Exits 0
 * once the outcome is reported (the pod's restartPolicy OnFailure then leaves it Succeeded), 2 on bad
 * arguments, 1 on anything unexpected so the kubelet restarts it and it resumes from its report.
 */
@Command(name = "agent", mixinStandardHelpOptions = true, sortOptions = false,
    description = "The rshim host agent: pushes one DPU's image from the image endpoint into its host's rshim "
        + "boot device and reports in the DPU's status.hostAgent. Env: POD_UID (downward API, required), "
        + HostAgentArgs.IMAGE_CERTIFICATE_ENV + " (PEM, required for an HTTPS --image-url: the only certificate trusted).")
public final class HostAgentCommand implements Callable<Integer> {

  @Option(names = "--dpu", paramLabel = "NAMESPACE/NAME", required = true,
      description = "The DPU whose image this agent pushes and whose status it reports to.")
  String dpu;

  @Option(names = "--image-url", paramLabel = "URL", required = true,
      description = "The DPU's image (BFB + bf.cfg) on the manager's image endpoint.")
  String imageUrl;

  @Option(names = "--rshim-root", paramLabel = "DIR", defaultValue = "/dev",
      description = "Where the host's rshim devices are (rshim<N>/boot, misc).")
  Path rshimRoot;

  @Option(names = "--progress-seconds", paramLabel = "SECONDS", defaultValue = "5",
      description = "How often push progress is reported.")
  long progressSeconds;

  @Option(names = "--poll-seconds", paramLabel = "SECONDS", defaultValue = "2",
      description = "How often the rshim device's install log is read.")
  long pollSeconds;

  // How long boot is held open while the image endpoint (the manager's pod) is away: a restart
  // with a new pod scheduled and an image pulled fits; a DPU left waiting longer is better reset.
  @Option(names = "--resume-seconds", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long a cut image stream is resumed (HTTP Range) while boot is held open.")
  long resumeSeconds;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    HostAgentArgs parsed;
    try {
      parsed = args(System.getenv());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      HostAgent.Outcome outcome = new HostAgent(client, parsed, Clock.systemUTC()).run();
      System.out.println("host agent for DPU " + parsed.dpuNamespace() + "/" + parsed.dpuName() + ": " + outcome);
      return 0;
    } catch (RuntimeException e) {
      System.err.println("host agent failed: " + e);
      return 1;
    }
  }

  /** The parsed flags with the pod's environment, checked. */
  HostAgentArgs args(Map<String, String> env) {
    return HostAgentArgs.of(dpu, imageUrl, rshimRoot, Duration.ofSeconds(progressSeconds),
        Duration.ofSeconds(pollSeconds), Duration.ofSeconds(resumeSeconds), env);
  }
}
