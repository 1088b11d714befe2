package io.dpf.provisioning.dpu.install;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.dpf.provisioning.redfish.RedfishClient;
import io.dpf.provisioning.redfish.RedfishException;
import io.dpf.provisioning.redfish.RedfishTask;

/**
 * Install through the DPU's BMC: SimpleUpdate with the manager's image URL (BFB + bf.cfg), then the
 * Task is followed until the transfer ends, then BootProgress until the new OS runs. The Task's URI
 * is kept in {@code status.redfishTaskId}: a restarted manager polls it instead of pushing again.
 */
public final class RedfishInstaller implements OsInstaller {

  static final String OS_RUNNING = "OsIsRunning";
  static final String TRANSFER_PROTOCOL = "HTTP";

  @Override
  public boolean install(PhaseContext context, InstallImage image) throws PhaseFailure {
    RedfishClient bmc = BmcAccess.client(context);
    try {
      String task = knownTask(context);
      if (task == null) {
        return push(context, bmc, image);
      }
      RedfishTask state = bmc.task(task);
      if (!state.finished()) {
        context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "BMC task " + state.id() + " "
            + state.state() + ": " + state.lastMessage());
        return false;
      }
      if (!state.succeeded()) {
        // A failed task is done with: the retry pushes anew.
        context.status().setRedfishTaskId(null);
        throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "BMC task " + state.id() + " ended "
            + state.state() + "/" + state.status() + ": " + state.lastMessage());
      }
      String boot = bmc.bootProgress();
      if (!OS_RUNNING.equals(boot)) {
        context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "image transferred; DPU boot progress " + boot);
        return false;
      }
      return true;
    } catch (RedfishException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, e.getMessage(), e);
    }
  }

  private boolean push(PhaseContext context, RedfishClient bmc, InstallImage image) throws RedfishException {
    try {
      String task = bmc.simpleUpdate(image.url(), TRANSFER_PROTOCOL);
      context.status().setRedfishTaskId(task);
      context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "BMC accepted " + image.bfbFile() + " + "
          + image.cfgFile() + " as task " + task);
    } catch (RedfishException e) {
      if (!e.busy()) {
        throw e;
      }
      context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "BMC busy with another update; will ask again");
    }
    return false;
  }

  /**
   * The task being followed. The cached DPU may predate our last status write, so before pushing
   * (which must not happen twice) the DPU is read fresh from the API server.
   */
  private static String knownTask(PhaseContext context) {
    if (context.status().getRedfishTaskId() != null) {
      return context.status().getRedfishTaskId();
    }
    DPU fresh = context.client().resources(DPU.class).inNamespace(context.namespace()).withName(context.name()).get();
    String task = fresh == null || fresh.getStatus() == null ? null : fresh.getStatus().getRedfishTaskId();
    context.status().setRedfishTaskId(task);
    return task;
  }

  @Override
  public void reboot(PhaseContext context) throws PhaseFailure {
    try {
      BmcAccess.client(context).reset("GracefulRestart");
    } catch (RedfishException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "reset through the BMC failed: " + e.getMessage(), e);
    }
  }
}
