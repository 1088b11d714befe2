package io.dpf.api;

/** Annotation keys, exactly as DPF v25.1 spells them. */
public final class AnnotationKeys {
  /** On a DPUServiceInterface: the DPUService that uses it. */
  public static final String CONSUMED_BY = "dpu.nvidia.com/consumed-by";
  /** On an Application of a paused DPUService (value "true"). */
  public static final String ARGOCD_SKIP_RECONCILE = "argocd.argoproj.io/skip-reconcile";
  /** On a DPU: power-cycle the host instead of a warm reboot (value "true"). */
  public static final String HOST_POWER_CYCLE_REQUIRED = "provisioning.dpu.nvidia.com/host-power-cycle-required";
  /** On a host Node: cycle, reset or skip. */
  public static final String POWERCYCLE_COMMAND = "provisioning.dpu.nvidia.com/powercycle-command";
  /** On a host Node: the bf-slr command, default reset. */
  public static final String REBOOT_COMMAND = "provisioning.dpu.nvidia.com/reboot-command";
  public static final String APPLYSET_TOOLING = "applyset.kubernetes.io/tooling";
  public static final String APPLYSET_TOOLING_VALUE = "dpf-operator/v0";
  public static final String APPLYSET_INVENTORY = "applyset.kubernetes.io/inventory";
  /** Multus network selection on pods. */
  public static final String MULTUS_NETWORKS = "k8s.v1.cni.cncf.io/networks";
  public static final String HELM_RESOURCE_POLICY = "helm.sh/resource-policy";

  private AnnotationKeys() {
  }
}
