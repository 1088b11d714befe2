package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * One schema for both shapes users have: the [early] fields the seed's manifests use
 * ({@code provisioningConfiguration}, {@code overrides.disableOVNKubernetesReconcile},
 * {@code hostNetworkConfiguration}) and the v25.1 fields, all optional and additive. The rule below
 * keeps the one thing v25.1 requires: a BFB PVC name, from either shape.
 */
@ValidationRule(value = "has(self.provisioningController)"
    + " || (has(self.provisioningConfiguration) && has(self.provisioningConfiguration.bfbPVCName))",
    message = "spec.provisioningController.bfbPVCName (or the early spec.provisioningConfiguration.bfbPVCName) is required",
    fieldPath = ".provisioningController")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPFOperatorConfigSpec {
  /** [early] Provisioning settings; superseded by provisioningController. */
  @JsonProperty("provisioningConfiguration")
  private ProvisioningConfiguration provisioningConfiguration;
  /** Options the user is advised against. */
  @JsonProperty("overrides")
  private Overrides overrides;
  /** [early] Host and DPU addressing for the OVN-Kubernetes offload configuration. */
  @JsonProperty("hostNetworkConfiguration")
  private HostNetworkConfiguration hostNetworkConfiguration;
  /** Secrets in the config's namespace, labelled for mirroring into every DPU cluster. */
  @JsonProperty("imagePullSecrets")
  private List<String> imagePullSecrets;
  @JsonProperty("networking")
  private Networking networking;
  @JsonProperty("provisioningController")
  private ProvisioningControllerConfiguration provisioningController;
  @JsonProperty("dpuServiceController")
  private ImageComponentConfiguration dpuServiceController;
  @JsonProperty("serviceSetController")
  private HelmComponentConfiguration serviceSetController;
  @JsonProperty("dpuDetector")
  private DPUDetectorConfiguration dpuDetector;
  @JsonProperty("multus")
  private HelmComponentConfiguration multus;
  @JsonProperty("sriovDevicePlugin")
  private HelmComponentConfiguration sriovDevicePlugin;
  @JsonProperty("nvipam")
  private HelmComponentConfiguration nvipam;
  @JsonProperty("ovsCNI")
  private HelmComponentConfiguration ovsCNI;
  @JsonProperty("sfcController")
  private HelmComponentConfiguration sfcController;
  @JsonProperty("ovsHelper")
  private HelmComponentConfiguration ovsHelper;
  @JsonProperty("flannel")
  private FlannelConfiguration flannel;
  @JsonProperty("kamajiClusterManager")
  private ImageComponentConfiguration kamajiClusterManager;
  @JsonProperty("staticClusterManager")
  private ImageComponentConfiguration staticClusterManager;

  public ProvisioningConfiguration getProvisioningConfiguration() {
    return provisioningConfiguration;
  }

  public void setProvisioningConfiguration(ProvisioningConfiguration provisioningConfiguration) {
    this.provisioningConfiguration = provisioningConfiguration;
  }

  public Overrides getOverrides() {
    return overrides;
  }

  public void setOverrides(Overrides overrides) {
    this.overrides = overrides;
  }

  public HostNetworkConfiguration getHostNetworkConfiguration() {
    return hostNetworkConfiguration;
  }

  public void setHostNetworkConfiguration(HostNetworkConfiguration hostNetworkConfiguration) {
    this.hostNetworkConfiguration = hostNetworkConfiguration;
  }

  public List<String> getImagePullSecrets() {
    return imagePullSecrets;
  }

  public void setImagePullSecrets(List<String> imagePullSecrets) {
    this.imagePullSecrets = imagePullSecrets;
  }

  public Networking getNetworking() {
    return networking;
  }

  public void setNetworking(Networking networking) {
    this.networking = networking;
  }

  public ProvisioningControllerConfiguration getProvisioningController() {
    return provisioningController;
  }

  public void setProvisioningController(ProvisioningControllerConfiguration provisioningController) {
    this.provisioningController = provisioningController;
  }

  public ImageComponentConfiguration getDpuServiceController() {
    return dpuServiceController;
  }

  public void setDpuServiceController(ImageComponentConfiguration dpuServiceController) {
    this.dpuServiceController = dpuServiceController;
  }

  public HelmComponentConfiguration getServiceSetController() {
    return serviceSetController;
  }

  public void setServiceSetController(HelmComponentConfiguration serviceSetController) {
    this.serviceSetController = serviceSetController;
  }

  public DPUDetectorConfiguration getDpuDetector() {
    return dpuDetector;
  }

  public void setDpuDetector(DPUDetectorConfiguration dpuDetector) {
    this.dpuDetector = dpuDetector;
  }

  public HelmComponentConfiguration getMultus() {
    return multus;
  }

  public void setMultus(HelmComponentConfiguration multus) {
    this.multus = multus;
  }

  public HelmComponentConfiguration getSriovDevicePlugin() {
    return sriovDevicePlugin;
  }

  public void setSriovDevicePlugin(HelmComponentConfiguration sriovDevicePlugin) {
    this.sriovDevicePlugin = sriovDevicePlugin;
  }

  public HelmComponentConfiguration getNvipam() {
    return nvipam;
  }

  public void setNvipam(HelmComponentConfiguration nvipam) {
    this.nvipam = nvipam;
  }

  public HelmComponentConfiguration getOvsCNI() {
    return ovsCNI;
  }

  public void setOvsCNI(HelmComponentConfiguration ovsCNI) {
    this.ovsCNI = ovsCNI;
  }

  public HelmComponentConfiguration getSfcController() {
    return sfcController;
  }

  public void setSfcController(HelmComponentConfiguration sfcController) {
    this.sfcController = sfcController;
  }

  public HelmComponentConfiguration getOvsHelper() {
    return ovsHelper;
  }

  public void setOvsHelper(HelmComponentConfiguration ovsHelper) {
    this.ovsHelper = ovsHelper;
  }

  public FlannelConfiguration getFlannel() {
    return flannel;
  }

  public void setFlannel(FlannelConfiguration flannel) {
    this.flannel = flannel;
  }

  public ImageComponentConfiguration getKamajiClusterManager() {
    return kamajiClusterManager;
  }

  public void setKamajiClusterManager(ImageComponentConfiguration kamajiClusterManager) {
    this.kamajiClusterManager = kamajiClusterManager;
  }

  public ImageComponentConfiguration getStaticClusterManager() {
    return staticClusterManager;
  }

  public void setStaticClusterManager(ImageComponentConfiguration staticClusterManager) {
    this.staticClusterManager = staticClusterManager;
  }
}
