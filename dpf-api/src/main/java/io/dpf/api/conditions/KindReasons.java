package io.dpf.api.conditions;

/** Reasons specific to one kind, as DPF v25.1 spells them. The shared ones are in {@link Reasons}. */
public final class KindReasons {
  private KindReasons() {
  }

  /** Additive (not in DPF): DPF logs and skips a second config, and names no missing prerequisite; here the object says so. */
  public static final class DPFOperatorConfig {
    /** Ready=False on a DPFOperatorConfig that is not the one the operator reconciles. */
    public static final String IGNORED = "Ignored";
    /**
     * SystemComponentsReconciled=False when all that is wrong is something the user must provide
     * first (the BFB PersistentVolumeClaim; Argo CD with {@code --no-argocd}); the message names it.
     */
    public static final String PREREQUISITE_MISSING = "PrerequisiteMissing";

    private DPFOperatorConfig() {
    }
  }

  public static final class DPU {
    public static final String OOB_BRIDGE_NOT_CONFIGURED = "DPUOOBBridgeNotConfigured";
    public static final String DPU_CLUSTER_NOT_READY = "DPUClusterNotReady";
    public static final String BFB_IS_NOT_READY = "BFBIsNotReady";
    public static final String GET_BFB_FAILED = "GetBFBFailed";
    public static final String DMS_POD_TIMED_OUT = "DMSPodTimedout";
    public static final String EXISTING_RSHIM_INSTALL_DETECTED = "ExistingRshimInstallDetected";
    public static final String INSTALLATION_FAILED = "InstallationFailed";
    public static final String INITIALIZATION_FAILED = "InitializationFailed";
    public static final String WAITING_FOR_MANUAL_POWER_CYCLE_OR_REBOOT = "WaitingForManualPowerCycleOrReboot";
    public static final String DPU_NODE_NOT_READY = "DPUNodeNotReady";

    private DPU() {
    }
  }

  public static final class DPUCluster {
    public static final String HEALTH_CHECK_PASSED = "HealthCheckPassed";
    public static final String HEALTH_CHECK_FAILED = "HealthCheckFailed";
    public static final String EMPTY_KUBECONFIG = "EmptyKubeconfig";

    private DPUCluster() {
    }
  }
}
