package io.dpf.provisioning.agent;

import io.dpf.provisioning.dpu.install.HostAgentPod;
import io.dpf.runtime.manager.ManagerCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * What the agent is told by its pod: the flags of {@link HostAgentCommand}, and its pod's UID
 * ({@code POD_UID} from the downward API), which marks its reports as its own, and for an HTTPS
 * endpoint its certificate ({@code IMAGE_ENDPOINT_CERTIFICATE}, PEM), the only one the agent then trusts.
 */
public record HostAgentArgs(String dpuNamespace, String dpuName, String imageUrl, Path rshimRoot, String podUid,
    Duration progressInterval, Duration pollInterval, Duration resumeWindow, String imageCertificatePem) {

  static final String IMAGE_CERTIFICATE_ENV = HostAgentPod.IMAGE_CERTIFICATE_ENV;

  /** Parses {@code [agent] --dpu=... --image-url=... ...} as the pod passes it. */
  public static HostAgentArgs parse(String[] args, Map<String, String> env) {
    String[] flags = args.length > 0 && args[0].equals("agent") ? Arrays.copyOfRange(args, 1, args.length) : args;
    HostAgentCommand command = new HostAgentCommand();
    CommandLine commandLine = ManagerCommand.commandLine(command);
    try {
      commandLine.parseArgs(flags);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage() + "\n" + commandLine.getUsageMessage(), e);
    }
    return command.args(env);
  }

  static HostAgentArgs of(String dpu, String imageUrl, Path rshimRoot, Duration progress, Duration poll,
      Duration resume, Map<String, String> env) {
    if (!dpu.matches("[^/]+/[^/]+")) {
      throw new IllegalArgumentException("--dpu must be <namespace>/<name>, not " + dpu);
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
    return new HostAgentArgs(parts[0], parts[1], imageUrl, rshimRoot, podUid, progress, poll, resume, certificate);
  }
}
