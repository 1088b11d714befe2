package io.dpf.provisioning.dpu.phases;

import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.provisioning.bfb.BfbReconciler;
import io.dpf.provisioning.dpu.DpuClusterAccess;
import io.dpf.provisioning.dpu.ImageServer;
import io.dpf.provisioning.dpu.Installers;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.provisioning.dpu.RetryRecord;
import io.dpf.provisioning.dpu.install.OsInstaller;
import io.dpf.provisioning.dpucluster.join.JoinCredentials;
import io.dpf.provisioning.flavor.BfCfgInput;
import io.dpf.provisioning.flavor.BfCfgRenderer;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * OS Installing: renders the DPU's bf.cfg (with the join command for its DPU cluster) into the BFB
 * volume, then drives its install interface.
 */
public final class OsInstalling implements PhaseHandler {

  private final Installers installers;
  private final ImageServer images;
  private final DpuClusterAccess clusters;
  private final JoinCredentials joinCredentials;
  private final KindCache<BFB> bfbs;
  private final KindCache<DPUFlavor> flavors;

  public OsInstalling(Installers installers, ImageServer images, DpuClusterAccess clusters, JoinCredentials joinCredentials,
      KindCache<BFB> bfbs, KindCache<DPUFlavor> flavors) {
    this.bfbs = bfbs;
    this.flavors = flavors;
    this.installers = installers;
    this.images = images;
    this.clusters = clusters;
    this.joinCredentials = joinCredentials;
  }

  @Override
  public DPUPhase phase() {
    return DPUPhase.OS_INSTALLING;
  }

  @Override
  public Result handle(PhaseContext context) throws PhaseFailure {
    OsInstaller installer = installers.forDpu(context.dpu());
    BFB bfb = bfbs.get(context.namespace(), context.dpu().getSpec().getBfb());
    DPUFlavor flavor = context.dpu().getSpec().getDpuFlavor() == null ? null
        : flavors.get(context.namespace(), context.dpu().getSpec().getDpuFlavor());
    if (bfb == null || flavor == null) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "BFB " + context.dpu().getSpec().getBfb()
          + " or DPUFlavor " + context.dpu().getSpec().getDpuFlavor() + " disappeared during the install");
    }
    String cfgFile = Names.bfCfgFile(context.name());
    if (!renderedThisAttempt(context, cfgFile)) {
      writeBfCfg(context, flavor, cfgFile, joinCommand(context));
    }
    String bfbFile = BfbReconciler.fileName(bfb);
    OsInstaller.InstallImage image = new OsInstaller.InstallImage(bfbFile, cfgFile, images.urlFor(bfbFile, cfgFile),
        images.certificatePem());
    if (!installer.install(context, image)) {
      Instant started = phaseStart(context);
      Duration timeout = context.settings().installTimeout();
      if (Duration.between(started, context.clock().instant()).compareTo(timeout) > 0) {
        // rshim's bfb-install has no overall timeout and a BMC task can hang; ours gives up and retries.
        context.status().setRedfishTaskId(null);
        installer.release(context);
        throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "install not finished "
            + timeout.toMinutes() + " min after it started at " + started);
      }
      return Result.requeueAfter(context.settings().progressInterval());
    }
    context.advance(ConditionTypes.DPU.OS_INSTALLED, DPUPhase.REBOOTING);
    return Result.done();
  }

  /**
   * When this attempt at the phase began: when Pending finished (BFBReady turned True), or when the
   * last failure was recorded if a retry came later. Both live in the API, so restarts keep the clock.
   */
  static Instant phaseStart(PhaseContext context) {
    Instant bfbReady = context.conditions().find(ConditionTypes.DPU.BFB_READY)
        .map(c -> Instant.parse(c.getLastTransitionTime())).orElse(context.clock().instant());
    Instant retried = RetryRecord.of(context.dpu()).map(RetryRecord::failedAt).orElse(Instant.MIN);
    return retried.isAfter(bfbReady) ? retried : bfbReady;
  }

  /**
   * bf.cfg is rendered once per attempt at the phase: the install interface takes it when the install
   * begins, so rendering it on every progress poll would only repeat the join credentials' reads (the
   * DPU cluster's kubeconfig and its bootstrap tokens). The file's time says whether this attempt
   * wrote it; a retry, or a new DPU of the same name, renders it again.
   */
  private static boolean renderedThisAttempt(PhaseContext context, String cfgFile) {
    Path target = context.settings().bfbDir().resolve(cfgFile);
    try {
      return Files.exists(target) && !Files.getLastModifiedTime(target).toInstant().isBefore(phaseStart(context));
    } catch (IOException e) {
      return false;
    }
  }

  private String joinCommand(PhaseContext context) throws PhaseFailure {
    try {
      return joinCredentials.joinCommand(clusters.clientFor(context.client(), context.dpu()));
    } catch (RuntimeException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "cannot make the join credentials of the DPU cluster: "
          + e.getMessage(), e);
    }
  }

  /**
   * Written only when it differs, through a temporary file, so a pull in progress never reads half of
   * it; its time is the clock's phases use, so renderedThisAttempt compares like with like.
   */
  private static void writeBfCfg(PhaseContext context, DPUFlavor flavor, String cfgFile, String joinCommand)
      throws PhaseFailure {
    String rendered;
    try {
      rendered = BfCfgRenderer.render(new BfCfgInput(context.name(), flavor.getMetadata().getName(), flavor.getSpec(),
          Optional.of(joinCommand)));
    } catch (IllegalArgumentException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, e.getMessage());
    }
    Path target = context.settings().bfbDir().resolve(cfgFile);
    try {
      if (Files.exists(target) && Files.readString(target, StandardCharsets.UTF_8).equals(rendered)) {
        // Unchanged, but now this attempt's (see renderedThisAttempt).
        Files.setLastModifiedTime(target, FileTime.from(context.clock().instant()));
        return;
      }
      Path temporary = context.settings().bfbDir().resolve("." + cfgFile + ".tmp");
      Files.writeString(temporary, rendered, StandardCharsets.UTF_8);
      Files.setLastModifiedTime(temporary, FileTime.from(context.clock().instant()));
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
