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
import io.dpf.provisioning.redfish.UpdateServiceInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Install through the DPU's BMC: the image (BFB + bf.cfg) reaches the BMC by SimpleUpdate with the
 * manager's image URL, or by a push to HttpPushUri ({@link ImageTransfer}); then the Task is followed
 * until the transfer ends, then BootProgress until the new OS runs. The Task's URI is kept in
 * {@code status.redfishTaskId}: a restarted manager polls it instead of pushing again.
 */
public final class RedfishInstaller implements OsInstaller, AutoCloseable {

  static final String OS_RUNNING = "OsIsRunning";

  private final BmcAccess bmcs = new BmcAccess();
  private final ImagePushes pushes = new ImagePushes();

  @Override
  public boolean install(PhaseContext context, InstallImage image) throws PhaseFailure {
    RedfishClient bmc = bmcs.client(context);
    try {
      String task = knownTask(context);
      if (task == null) {
        ImagePushes.Push push = pushes.get(pushKey(context));
        if (push == null) {
          return start(context, bmc, image);
        }
        if (!push.done()) {
          context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "pushing " + image.bfbFile() + " + "
              + image.cfgFile() + " to the BMC: " + push.progress());
          return false;
        }
        pushes.remove(pushKey(context));
        task = accepted(context, image, push::taskPath);
        if (task == null) {
          return false;
        }
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
      // Installed. A manual reboot may follow, with no call to the BMC: end the session now.
      bmcs.release(context);
      return true;
    } catch (RedfishException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, e.getMessage(), e);
    }
  }

  /** Hands the image to the BMC the way the DPU and the BMC's UpdateService agree on. */
  private boolean start(PhaseContext context, RedfishClient bmc, InstallImage image) throws RedfishException, PhaseFailure {
    UpdateServiceInfo service = bmc.updateService();
    Map<String, String> annotations = context.dpu().getMetadata().getAnnotations();
    ImageTransfer transfer;
    try {
      transfer = ImageTransfer.choose(annotations == null ? null : annotations.get(ImageTransfer.ANNOTATION), service,
          image.url());
    } catch (IllegalArgumentException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, e.getMessage());
    }
    if (transfer == ImageTransfer.PUSH) {
      List<Path> files = List.of(context.settings().bfbDir().resolve(image.bfbFile()),
          context.settings().bfbDir().resolve(image.cfgFile()));
      long total = size(files);
      // The upload may take as long as the install may: the BMC answers only once it has every byte.
      pushes.start(pushKey(context), total,
          sent -> bmc.pushImage(service.httpPushUri(), files, sent, context.settings().installTimeout()));
      context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "pushing " + image.bfbFile() + " + "
          + image.cfgFile() + " (" + total + " bytes) to the BMC's HttpPushUri");
      return false;
    }
    accepted(context, image, () -> bmc.simpleUpdate(image.url(), ImageTransfer.transferProtocol(image.url())));
    return false;
  }

  private interface TaskSource {
    String task() throws RedfishException;
  }

  /** Records the Task the BMC named for the image; null (and a waiting message) when the BMC was busy. */
  private static String accepted(PhaseContext context, InstallImage image, TaskSource source) throws RedfishException {
    try {
      String task = source.task();
      context.status().setRedfishTaskId(task);
      context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "BMC accepted " + image.bfbFile() + " + "
          + image.cfgFile() + " as task " + task);
      return task;
    } catch (RedfishException e) {
      if (!e.busy()) {
        throw e;
      }
      context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "BMC busy with another update; will ask again");
      return null;
    }
  }

  private static long size(List<Path> files) throws PhaseFailure {
    long total = 0;
    for (Path file : files) {
      try {
        total += Files.size(file);
      } catch (IOException e) {
        throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "cannot read " + file + " to push it: " + e, e);
      }
    }
    return total;
  }

  /** A DPU deleted and made again under its name must not pick up the old one's push. */
  private static String pushKey(PhaseContext context) {
    return context.namespace() + "/" + context.name() + "/" + context.dpu().getMetadata().getUid();
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
      bmcs.client(context).reset("GracefulRestart");
    } catch (RedfishException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "reset through the BMC failed: " + e.getMessage(), e);
    }
    // The install is over: its BMC session, if any, is ended rather than left to time out.
    bmcs.release(context);
  }

  /** Ends the BMC sessions still open and stops pushes in flight. */
  @Override
  public void close() {
    pushes.close();
    bmcs.close();
  }
}
