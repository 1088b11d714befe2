package io.dpf.api.conditions;

import java.util.List;

/** Condition types per kind, exactly as DPF v25.1 names them. {@code ALL} lists what a reconcile ensures. */
public final class ConditionTypes {
  /** The summary condition every kind with conditions carries. */
  public static final String READY = "Ready";

  private ConditionTypes() {
  }

  public static final class DPFOperatorConfig {
    public static final String IMAGE_PULL_SECRETS_RECONCILED = "ImagePullSecretsReconciled";
    public static final String SYSTEM_COMPONENTS_RECONCILED = "SystemComponentsReconciled";
    public static final String SYSTEM_COMPONENTS_READY = "SystemComponentsReady";
    public static final List<String> ALL = List.of(READY, IMAGE_PULL_SECRETS_RECONCILED, SYSTEM_COMPONENTS_RECONCILED,
        SYSTEM_COMPONENTS_READY);

    private DPFOperatorConfig() {
    }
  }

  public static final class DPUService {
    public static final String APPLICATION_PREREQS_RECONCILED = "ApplicationPrereqsReconciled";
    public static final String APPLICATIONS_RECONCILED = "ApplicationsReconciled";
    public static final String APPLICATIONS_READY = "ApplicationsReady";
    public static final String DPU_SERVICE_INTERFACE_RECONCILED = "DPUServiceInterfaceReconciled";
    public static final List<String> ALL = List.of(READY, APPLICATION_PREREQS_RECONCILED, APPLICATIONS_RECONCILED,
        APPLICATIONS_READY, DPU_SERVICE_INTERFACE_RECONCILED);

    private DPUService() {
    }
  }

  public static final class DPUServiceChain {
    public static final String SERVICE_CHAIN_SET_RECONCILED = "ServiceChainSetReconciled";
    public static final String SERVICE_CHAIN_SET_READY = "ServiceChainSetReady";
    public static final List<String> ALL = List.of(READY, SERVICE_CHAIN_SET_RECONCILED, SERVICE_CHAIN_SET_READY);

    private DPUServiceChain() {
    }
  }

  public static final class DPUServiceInterface {
    public static final String SERVICE_INTERFACE_SET_RECONCILED = "ServiceInterfaceSetReconciled";
    public static final String SERVICE_INTERFACE_SET_READY = "ServiceInterfaceSetReady";
    public static final List<String> ALL = List.of(READY, SERVICE_INTERFACE_SET_RECONCILED, SERVICE_INTERFACE_SET_READY);

    private DPUServiceInterface() {
    }
  }

  public static final class DPUServiceIPAM {
    public static final String DPU_IPAM_OBJECT_RECONCILED = "DPUIPAMObjectReconciled";
    public static final String DPU_IPAM_OBJECT_READY = "DPUIPAMObjectReady";
    public static final List<String> ALL = List.of(READY, DPU_IPAM_OBJECT_RECONCILED, DPU_IPAM_OBJECT_READY);

    private DPUServiceIPAM() {
    }
  }

  public static final class ServiceChainSet {
    public static final String SERVICE_CHAINS_RECONCILED = "ServiceChainsReconciled";
    public static final String SERVICE_CHAINS_READY = "ServiceChainsReady";
    public static final List<String> ALL = List.of(READY, SERVICE_CHAINS_RECONCILED, SERVICE_CHAINS_READY);

    private ServiceChainSet() {
    }
  }

  public static final class ServiceInterfaceSet {
    public static final String SERVICE_INTERFACES_RECONCILED = "ServiceInterfacesReconciled";
    public static final String SERVICE_INTERFACES_READY = "ServiceInterfacesReady";
    public static final List<String> ALL = List.of(READY, SERVICE_INTERFACES_RECONCILED, SERVICE_INTERFACES_READY);

    private ServiceInterfaceSet() {
    }
  }

  /** Additive (newer DPF): written by the sfc-controller on the chain's node. */
  public static final class ServiceChain {
    public static final String SERVICE_CHAIN_RECONCILED = "ServiceChainReconciled";
    public static final List<String> ALL = List.of(READY, SERVICE_CHAIN_RECONCILED);

    private ServiceChain() {
    }
  }

  /** Additive (newer DPF): written by the sfc-controller on the interface's node. */
  public static final class ServiceInterface {
    public static final String SERVICE_INTERFACE_RECONCILED = "ServiceInterfaceReconciled";
    public static final List<String> ALL = List.of(READY, SERVICE_INTERFACE_RECONCILED);

    private ServiceInterface() {
    }
  }

  public static final class DPUDeployment {
    public static final String PREREQUISITES_READY = "PrerequisitesReady";
    public static final String RESOURCE_FITTING_READY = "ResourceFittingReady";
    public static final String DPU_SETS_RECONCILED = "DPUSetsReconciled";
    public static final String DPU_SETS_READY = "DPUSetsReady";
    public static final String DPU_SERVICES_RECONCILED = "DPUServicesReconciled";
    public static final String DPU_SERVICES_READY = "DPUServicesReady";
    public static final String DPU_SERVICE_CHAINS_RECONCILED = "DPUServiceChainsReconciled";
    public static final String DPU_SERVICE_CHAINS_READY = "DPUServiceChainsReady";
    public static final String DPU_SERVICE_INTERFACES_RECONCILED = "DPUServiceInterfacesReconciled";
    public static final String DPU_SERVICE_INTERFACES_READY = "DPUServiceInterfacesReady";
    public static final List<String> ALL = List.of(READY, PREREQUISITES_READY, RESOURCE_FITTING_READY,
        DPU_SETS_RECONCILED, DPU_SETS_READY, DPU_SERVICES_RECONCILED, DPU_SERVICES_READY,
        DPU_SERVICE_CHAINS_RECONCILED, DPU_SERVICE_CHAINS_READY, DPU_SERVICE_INTERFACES_RECONCILED,
        DPU_SERVICE_INTERFACES_READY);

    private DPUDeployment() {
    }
  }

  public static final class DPUServiceCredentialRequest {
    public static final String SERVICE_ACCOUNT_RECONCILED = "ServiceAccountReconciled";
    public static final String SECRET_RECONCILED = "SecretReconciled";
    public static final List<String> ALL = List.of(READY, SERVICE_ACCOUNT_RECONCILED, SECRET_RECONCILED);

    private DPUServiceCredentialRequest() {
    }
  }

  /** DPU conditions record the phase machine's steps; Ready is the last step, not a summary. */
  public static final class DPU {
    public static final String INITIALIZED = "Initialized";
    public static final String BFB_READY = "BFBReady";
    public static final String NODE_EFFECT_READY = "NodeEffectReady";
    public static final String DMS_RUNNING = "DMSRunning";
    public static final String OS_INSTALLED = "OSInstalled";
    public static final String REBOOTED = "Rebooted";
    public static final String HOST_NETWORK_READY = "HostNetworkReady";
    public static final List<String> ALL = List.of(INITIALIZED, BFB_READY, NODE_EFFECT_READY, DMS_RUNNING,
        OS_INSTALLED, REBOOTED, HOST_NETWORK_READY, READY);

    private DPU() {
    }
  }

  public static final class DPUCluster {
    public static final String CREATED = "Created";
    public static final String KEEPALIVED_READY = "KeepalivedReady";
    public static final List<String> ALL = List.of(CREATED, READY);

    private DPUCluster() {
    }
  }
}
