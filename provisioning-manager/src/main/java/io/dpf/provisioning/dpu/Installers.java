package io.dpf.provisioning.dpu;

import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.InstallInterface;
import io.dpf.provisioning.dpu.install.OsInstaller;
import java.util.Map;

/** The install interfaces this manager has, chosen per DPU by {@code spec.installInterface}. */
public final class Installers {

  private final Map<InstallInterface, OsInstaller> installers;

  public Installers(Map<InstallInterface, OsInstaller> installers) {
    this.installers = Map.copyOf(installers);
  }

  /** A DPU without installInterface uses redfish when it names a BMC (gNOI/DMS is not built here). */
  public static InstallInterface interfaceOf(DPU dpu) {
    if (dpu.getSpec().getInstallInterface() != null) {
      return dpu.getSpec().getInstallInterface();
    }
    return dpu.getSpec().getBmcIp() != null ? InstallInterface.REDFISH : InstallInterface.GNOI;
  }

  public OsInstaller forDpu(DPU dpu) throws PhaseFailure {
    InstallInterface chosen = interfaceOf(dpu);
    OsInstaller installer = installers.get(chosen);
    if (installer == null) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "install interface " + chosen.value()
          + " is not available in this provisioning manager (available: " + installers.keySet() + ")");
    }
    return installer;
  }

  /** Every installer lets go of what it holds for this DPU (a DPU being deleted). */
  public void release(PhaseContext context) {
    installers.values().forEach(installer -> installer.release(context));
  }
}
