package io.dpf.provisioning.dpu.install;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.provisioning.v1alpha1.HostAgentReport;
import io.dpf.api.provisioning.v1alpha1.HostAgentState;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * Install through the host's rshim by an agent pod on the DPU's host node (install interface
 * hostAgent). The agent streams BFB + bf.cfg from the manager's image endpoint into
 * {@code /dev/rshim<N>/boot} and reports in the DPU's {@code status.hostAgent}; this side creates
 * the pod, reads the report of that pod (by UID) and removes the pod once it has the outcome.
 * Everything lives in the API: a restarted manager finds the pod and its report and carries on; the
 * agent keeps pushing while the manager is away.
 */
public final class HostAgentInstaller implements OsInstaller {

  private final HostAgentSettings settings;

  public HostAgentInstaller(HostAgentSettings settings) {
    this.settings = settings;
  }

  @Override
  public boolean install(PhaseContext context, InstallImage image) throws PhaseFailure {
    String podName = HostAgentPod.name(context.dpu());
    String node = context.dpu().getSpec().getNodeName();
    Pod pod = context.client().pods().inNamespace(settings.namespace()).withName(podName).get();
    if (pod == null) {
      HostAgentReport last = context.dpu().getStatus() == null ? null : context.dpu().getStatus().getHostAgent();
      if (last != null && last.getState() == HostAgentState.SUCCEEDED) {
        // Pods are removed once their outcome is read: a Succeeded report without a pod is this
        // install, finished. (A retry follows a Failed or unfinished report, never a Succeeded one.)
        return true;
      }
      context.client().resource(HostAgentPod.render(context.dpu(), settings, image)).create();
      context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "host agent pod " + settings.namespace() + "/"
          + podName + " created on node " + node);
      return false;
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "waiting for the previous host agent pod "
          + podName + " to go");
      return false;
    }
    Optional<HostAgentReport> report = Optional.ofNullable(context.dpu().getStatus())
        .map(status -> status.getHostAgent())
        .filter(r -> pod.getMetadata().getUid().equals(r.getPodUid()) && r.getState() != null);
    if (report.isEmpty()) {
      if ("Failed".equals(pod.getStatus() == null ? null : pod.getStatus().getPhase())) {
        release(context);
        throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "host agent pod " + podName + " on node " + node
            + " failed before reporting: " + describe(pod));
      }
      context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "host agent pod " + podName + " on node " + node
          + ": " + describe(pod));
      return false;
    }
    HostAgentReport r = report.get();
    String where = "host agent on " + node + (r.getDevice() == null ? "" : " (" + r.getDevice() + ")");
    switch (r.getState()) {
      case PUSHING -> context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, where + ": streaming into boot, "
          + r.getBytesWritten() + " of " + r.getBytesTotal() + " bytes"
          + (r.getPushes() != null && r.getPushes() > 1 ? " (push " + r.getPushes() + ": a cut push starts over)" : ""));
      case INSTALLING -> context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, where + ": installing: "
          + r.getMessage());
      case SUCCEEDED -> {
        release(context);
        return true;
      }
      case FAILED -> {
        release(context);
        throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, where + ": " + r.getMessage());
      }
      default -> {
        // Every state is named above; one added later is waited on without a new message.
      }
    }
    return false;
  }

  /** The DPU boots what it was sent by itself ("Rebooting..." in its install log): nothing to do. */
  @Override
  public void reboot(PhaseContext context) {
  }

  @Override
  public void release(PhaseContext context) {
    context.client().pods().inNamespace(settings.namespace())
        .withLabel(HostAgentPod.DPU_UID_LABEL, context.dpu().getMetadata().getUid()).delete();
  }

  /** What a person would ask of a pod that has not reported yet: scheduled? pulling? crashing? */
  static String describe(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getPhase() == null) {
      return "not started yet";
    }
    String phase = pod.getStatus().getPhase();
    if (pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
        if (container.getState() != null && container.getState().getWaiting() != null) {
          var waiting = container.getState().getWaiting();
          return phase + ", container waiting: " + waiting.getReason()
              + (waiting.getMessage() == null ? "" : " (" + waiting.getMessage() + ")");
        }
        if (container.getState() != null && container.getState().getTerminated() != null) {
          var ended = container.getState().getTerminated();
          return phase + ", container exited " + ended.getExitCode() + " (" + ended.getReason() + ")";
        }
      }
    }
    return phase + ", no report yet";
  }
}
