package io.dpf.provisioning.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;

/**
 * {@code provisioning-manager agent ...}: the rshim host agent (see {@link HostAgent}). Exits 0 once
 * the outcome is reported (the pod's restartPolicy OnFailure then leaves it Succeeded), 2 on bad
 * arguments, 1 on anything unexpected so the kubelet restarts it and it resumes from its report.
 */
public final class HostAgentMain {

  private HostAgentMain() {}

  public static void main(String[] args) {
    HostAgentArgs parsed;
    try {
      parsed = HostAgentArgs.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      HostAgent.Outcome outcome = new HostAgent(client, parsed, Clock.systemUTC()).run();
      System.out.println("host agent for DPU " + parsed.dpuNamespace() + "/" + parsed.dpuName() + ": " + outcome);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(1);
    } catch (RuntimeException e) {
      System.err.println("host agent failed: " + e);
      System.exit(1);
    }
  }
}
