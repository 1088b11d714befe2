package io.dpf.api;

import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPU;

/** Finalizers DPF controllers put on objects, exactly as DPF v25.1 spells them. */
public final class Finalizers {
  public static final String DPF_OPERATOR_CONFIG = "dpu.nvidia.com/dpfoperatorconfig";
  public static final String DPU_SERVICE = "dpu.nvidia.com/dpuservice";
  public static final String DPU_SERVICE_CHAIN = "svc.dpu.nvidia.com/dpuservicechain";
  public static final String DPU_SERVICE_INTERFACE = "svc.dpu.nvidia.com/dpuserviceinterface";
  public static final String DPU_SERVICE_IPAM = "svc.dpu.nvidia.com/dpuserviceipam";
  public static final String DPU_SERVICE_CREDENTIAL_REQUEST = "dpu.nvidia.com/dpuservicecredentialrequest";
  public static final String DPU_DEPLOYMENT = "dpu.nvidia.com/dpudeployment";
  public static final String SERVICE_CHAIN_SET = "dpu.nvidia.com/servicechainset";
  public static final String SERVICE_INTERFACE_SET = "dpu.nvidia.com/serviceinterfaceset";
  /** Put on ServiceInterfaces by the per-node sfc-controller. */
  public static final String SERVICE_INTERFACE = "svc.dpu.nvidia.com/ServiceInterface-finalizer";
  /**
   * Additive, spelled like the ServiceInterface one: put on ServiceChains by the per-node
   * sfc-controller so a deleted chain's flows leave br-sfc before the object goes.
   */
  public static final String SERVICE_CHAIN = "svc.dpu.nvidia.com/ServiceChain-finalizer";
  public static final String BFB = "provisioning.dpu.nvidia.com/bfb-protection";
  public static final String DPU_SET = "provisioning.dpu.nvidia.com/dpuset-protection";
  public static final String DPU = "provisioning.dpu.nvidia.com/dpu-protection";
  /** Owned by the cluster manager of the DPUCluster's type. */
  public static final String DPU_CLUSTER_MANAGER = "provisioning.dpu.nvidia.com/cluster-manager-clean-up";
  /** Owned by the provisioning controller. */
  public static final String DPU_CLUSTER_INTERNAL = "provisioning.dpu.nvidia.com/cluster-manager-internal-clean-up";
  /** ArgoCD deletes an Application's resources before the Application when this is set. */
  public static final String ARGOCD_RESOURCES = "resources-finalizer.argocd.argoproj.io";

  private Finalizers() {
  }
}
