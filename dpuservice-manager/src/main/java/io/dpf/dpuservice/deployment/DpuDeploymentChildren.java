package io.dpf.dpuservice.deployment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.api.provisioning.v1alpha1.BFBReference;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetSpec;
import io.dpf.api.provisioning.v1alpha1.DPUTemplate;
import io.dpf.api.provisioning.v1alpha1.DPUTemplateCluster;
import io.dpf.api.provisioning.v1alpha1.DPUTemplateSpec;
import io.dpf.api.svc.v1alpha1.DPUDeploymentPort;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceChainSpec;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceSpec;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.dpf.api.svc.v1alpha1.DPUSetOption;
import io.dpf.api.svc.v1alpha1.HelmChart;
import io.dpf.api.svc.v1alpha1.ServiceDaemonSetValues;
import io.dpf.api.svc.v1alpha1.ServiceIfc;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceTemplate;
import io.dpf.dpuservice.dpuservice.HelmValues;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DPUDeployment's children (no I/O): per service a DPUService and its DPUServiceInterfaces, one
 * DPUServiceChain, and a DPUSet per {@code dpuSets} entry. Each service and the chain carry a
 * version (a digest of what defines them); DPU nodes get the versions as labels through the DPUSet
 * template, and workloads select nodes by them, so a change reaches DPUs as their set rolls, not
 * every DPU at once (DPF issue #20).
 */
public final class DpuDeploymentChildren {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  private DpuDeploymentChildren() {}

  public static List<HasMetadata> render(DpuDeploymentInputs in) {
    List<HasMetadata> children = new ArrayList<>();
    for (String service : new TreeMap<>(in.deployment().getSpec().getServices()).keySet()) {
      children.addAll(interfaces(in, service));
      children.add(service(in, service));
    }
    children.add(chain(in));
    children.addAll(dpuSets(in));
    return children;
  }

  static List<DPUServiceInterface> interfaces(DpuDeploymentInputs in, String service) {
    List<DPUServiceInterface> interfaces = new ArrayList<>();
    for (ServiceInterfaceTemplate iface : interfacesOf(in.configurations().get(service))) {
      DPUServiceInterface object = JSON.unmarshal("""
          apiVersion: svc.dpu.nvidia.com/v1alpha1
          kind: DPUServiceInterface
          spec:
            template:
              spec:
                template:
                  metadata: {labels: {%s: "%s", %s: "%s"}}
                  spec:
                    interfaceType: service
                    service: {serviceID: "%s", network: "%s", interfaceName: "%s"}
          """.formatted(LabelKeys.INTERFACE, iface.getName(), LabelKeys.SERVICE_ID,
          Names.dpuDeploymentServiceId(in.name(), service), Names.dpuDeploymentServiceId(in.name(), service),
          iface.getNetwork(), iface.getName()), DPUServiceInterface.class);
      object.setMetadata(owned(in, Names.dpuDeploymentInterface(in.name(), service, iface.getName())));
      interfaces.add(object);
    }
    return interfaces;
  }

  static DPUService service(DpuDeploymentInputs in, String service) {
    DPUServiceTemplate template = in.templates().get(service);
    DPUServiceConfiguration configuration = in.configurations().get(service);
    HelmChart chart = JSON.clone(template.getSpec().getHelmChart());
    ObjectNode values = chart.getValues() instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
    var serviceConfiguration = configuration.getSpec().getServiceConfiguration();
    if (serviceConfiguration != null && serviceConfiguration.getHelmChart() != null
        && serviceConfiguration.getHelmChart().getValues() instanceof ObjectNode overrides) {
      HelmValues.merge(values, overrides); // the configuration wins
    }
    chart.setValues(values.isEmpty() ? null : values);
    ServiceDaemonSetValues daemonSet = new ServiceDaemonSetValues();
    if (serviceConfiguration != null && serviceConfiguration.getServiceDaemonSet() != null) {
      daemonSet.setLabels(serviceConfiguration.getServiceDaemonSet().getLabels());
      daemonSet.setAnnotations(serviceConfiguration.getServiceDaemonSet().getAnnotations());
    }
    // Pods go only to DPU nodes already provisioned with this version of the service.
    daemonSet.setNodeSelector(new NodeSelectorBuilder().addNewNodeSelectorTerm().addNewMatchExpression()
        .withKey(LabelKeys.dpuServiceVersion(service)).withOperator("In").withValues(serviceVersion(in, service))
        .endMatchExpression().endNodeSelectorTerm().build());
    DPUService object = new DPUService();
    object.setMetadata(owned(in, Names.dpuDeploymentChild(in.name(), service)));
    object.setSpec(new DPUServiceSpec());
    object.getSpec().setHelmChart(chart);
    object.getSpec().setServiceID(Names.dpuDeploymentServiceId(in.name(), service));
    object.getSpec().setServiceDaemonSet(daemonSet);
    object.getSpec().setDeployInCluster(serviceConfiguration == null ? null : serviceConfiguration.getDeployInCluster());
    List<String> interfaceNames = interfacesOf(configuration).stream()
        .map(iface -> Names.dpuDeploymentInterface(in.name(), service, iface.getName())).toList();
    object.getSpec().setInterfaces(interfaceNames.isEmpty() ? null : interfaceNames);
    return object;
  }

  static DPUServiceChain chain(DpuDeploymentInputs in) {
    List<Map<String, Object>> switches = new ArrayList<>();
    for (var deploymentSwitch : in.deployment().getSpec().getServiceChains()) {
      List<Object> ports = new ArrayList<>();
      for (DPUDeploymentPort port : deploymentSwitch.getPorts()) {
        ServiceIfc selector = port.getServiceInterface();
        if (port.getService() != null) {
          selector = new ServiceIfc();
          // The labels the service's generated interface carries (see interfaces()).
          selector.setMatchLabels(new TreeMap<>(Map.of(LabelKeys.INTERFACE, port.getService().getIface(),
              LabelKeys.SERVICE_ID, Names.dpuDeploymentServiceId(in.name(), port.getService().getName()))));
          selector.setIpam(port.getService().getIpam());
        }
        ports.add(Map.of("serviceInterface", selector));
      }
      switches.add(Map.of("ports", ports));
    }
    Map<String, Object> spec = Map.of(
        "nodeSelector", Map.of("matchLabels", Map.of(LabelKeys.DPU_SERVICE_CHAIN_VERSION, chainVersion(in))),
        "template", Map.of("spec", Map.of("switches", switches)));
    DPUServiceChain chain = new DPUServiceChain();
    chain.setMetadata(owned(in, in.name()));
    chain.setSpec(JSON.convertValue(Map.of("template", Map.of("spec", spec)),
        DPUServiceChainSpec.class));
    return chain;
  }

  static List<DPUSet> dpuSets(DpuDeploymentInputs in) {
    Map<String, String> versions = new TreeMap<>();
    in.deployment().getSpec().getServices().keySet()
        .forEach(service -> versions.put(LabelKeys.dpuServiceVersion(service), serviceVersion(in, service)));
    versions.put(LabelKeys.DPU_SERVICE_CHAIN_VERSION, chainVersion(in));
    List<DPUSet> sets = new ArrayList<>();
    for (DPUSetOption option : in.deployment().getSpec().getDpus().getDpuSets()) {
      BFBReference bfb = new BFBReference();
      bfb.setName(in.deployment().getSpec().getDpus().getBfb());
      DPUTemplateCluster cluster = new DPUTemplateCluster();
      cluster.setNodeLabels(versions);
      DPUTemplateSpec templateSpec = new DPUTemplateSpec();
      templateSpec.setBfb(bfb);
      templateSpec.setDpuFlavor(in.deployment().getSpec().getDpus().getFlavor());
      templateSpec.setCluster(cluster);
      DPUTemplate template = new DPUTemplate();
      template.setAnnotations(option.getDpuAnnotations());
      template.setSpec(templateSpec);
      DPUSetSpec spec = new DPUSetSpec();
      spec.setNodeSelector(option.getNodeSelector());
      spec.setDpuSelector(option.getDpuSelector());
      spec.setDpuTemplate(template);
      DPUSet set = new DPUSet();
      set.setMetadata(owned(in, Names.dpuDeploymentChild(in.name(), option.getNameSuffix())));
      set.setSpec(spec);
      sets.add(set);
    }
    return sets;
  }

  /** A digest of what defines a service: its template and configuration specs. */
  static String serviceVersion(DpuDeploymentInputs in, String service) {
    return digest(JSON.asJson(List.of(in.templates().get(service).getSpec(), in.configurations().get(service).getSpec())));
  }

  static String chainVersion(DpuDeploymentInputs in) {
    return digest(JSON.asJson(in.deployment().getSpec().getServiceChains()));
  }

  private static List<ServiceInterfaceTemplate> interfacesOf(DPUServiceConfiguration configuration) {
    return configuration.getSpec().getInterfaces() == null ? List.of() : configuration.getSpec().getInterfaces();
  }

  private static ObjectMeta owned(DpuDeploymentInputs in, String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(LabelKeys.OWNED_BY_DPU_DEPLOYMENT, Names.ownedByDpuDeployment(in.namespace(), in.name()));
    return new ObjectMetaBuilder().withName(name).withNamespace(in.namespace()).withLabels(labels)
        .addToOwnerReferences(new OwnerReferenceBuilder().withApiVersion(in.deployment().getApiVersion())
            .withKind(in.deployment().getKind()).withName(in.name())
            .withUid(in.deployment().getMetadata().getUid()).withController(true).build())
        .build();
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }
}
