package io.dpf.provisioning.dpu.install;

import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;

/**
 * One way of putting an OS on a DPU (an install interface: the BMC over Redfish, the host's rshim).
 * Calls are short: each advances the install as far as it can without blocking, keeping what it must
 * remember in the DPU's status, so a restarted manager carries on instead of pushing again.
 */
public interface OsInstaller {

  /** Drives the install; true once the new OS runs. Reports progress with {@code context.waiting}. */
  boolean install(PhaseContext context, InstallImage image) throws PhaseFailure;

  /** Restarts the DPU so it boots what was installed. */
  void reboot(PhaseContext context) throws PhaseFailure;

  /**
   * Lets go of what an install holds outside the DPU's status (an agent pod), when an attempt is
   * abandoned or the DPU is deleted. Idempotent.
   */
  default void release(PhaseContext context) {
  }

  /**
   * The files to install: the BFB and the DPU's bf.cfg, by name in the BFB volume, the URL serving
   * both, and that endpoint's certificate when it serves HTTPS (null for HTTP).
   */
  record InstallImage(String bfbFile, String cfgFile, String url, String endpointCertificatePem) {

    public InstallImage(String bfbFile, String cfgFile, String url) {
      this(bfbFile, cfgFile, url, null);
    }
  }
}
