package io.dpf.dpuservice.dpuservice;

import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProject;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProjectSpec;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationDestination;
import io.dpf.api.thirdparty.argocd.v1alpha1.GroupKind;
import io.dpf.dpuservice.clusters.DpuCluster;
import io.dpf.dpuservice.clusters.KubeconfigCredentials;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ArgoCD objects every DPUService needs (no I/O): a cluster Secret per DPU cluster and the two
 * AppProjects, all in the ArgoCD namespace and owned by the DPFOperatorConfig so they go with it.
 */
public final class ArgoCdObjects {

  public static final String COMPONENT = "dpuservice-manager";

  private ArgoCdObjects() {}

  /** ArgoCD's cluster Secret {@code <ns>-<name>} of a DPU cluster. */
  public static Secret clusterSecret(DpuCluster cluster, DPFOperatorConfig owner) {
    KubeconfigCredentials credentials = cluster.credentials();
    Map<String, Object> tls = new LinkedHashMap<>();
    putIfSet(tls, "caData", credentials.caData());
    putIfSet(tls, "certData", credentials.certData());
    putIfSet(tls, "keyData", credentials.keyData());
    Map<String, Object> config = new LinkedHashMap<>();
    putIfSet(config, "bearerToken", credentials.bearerToken());
    config.put("tlsClientConfig", tls);
    return new SecretBuilder()
        .withMetadata(owned(Names.clusterNamespaceName(cluster.namespace(), cluster.name()), owner))
        .editMetadata()
            .addToLabels(LabelKeys.ARGOCD_SECRET_TYPE, LabelKeys.ARGOCD_SECRET_TYPE_CLUSTER)
            .addToLabels(LabelKeys.CLUSTER, cluster.name())
        .endMetadata()
        .withType("Opaque")
        // Fix 9ea50af8 of DPF: the name is the DPUCluster's, which Applications use as destination.
        // data, not stringData: the server keeps only data, and the no-write check compares with it.
        .addToData("name", base64(cluster.name()))
        .addToData("server", base64(credentials.server()))
        .addToData("config", base64(Json.write(config)))
        .build();
  }

  /** {@code doca-platform-project-dpu}: may deploy anything into any namespace of every DPU cluster. */
  public static AppProject dpuProject(List<String> clusterNames, DPFOperatorConfig owner) {
    return project(Names.APP_PROJECT_DPU, "Installing DPU Services", clusterNames.stream().sorted().toList(), owner);
  }

  /** {@code doca-platform-project-host}: for DPUServices with deployInCluster. */
  public static AppProject hostProject(DPFOperatorConfig owner) {
    return project(Names.APP_PROJECT_HOST, "Installing DPU Services in the host cluster",
        List.of(Names.ARGOCD_IN_CLUSTER), owner);
  }

  private static AppProject project(String name, String description, List<String> clusterNames,
      DPFOperatorConfig owner) {
    AppProject project = new AppProject();
    project.setMetadata(owned(name, owner));
    AppProjectSpec spec = new AppProjectSpec();
    spec.setDescription(description);
    spec.setSourceRepos(List.of("*"));
    spec.setDestinations(clusterNames.stream().map(cluster -> {
      ApplicationDestination destination = new ApplicationDestination();
      destination.setName(cluster);
      destination.setNamespace("*");
      return destination;
    }).toList());
    spec.setClusterResourceWhitelist(List.of(new GroupKind("*", "*")));
    project.setSpec(spec);
    return project;
  }

  private static ObjectMeta owned(String name, DPFOperatorConfig owner) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(owner.getMetadata().getNamespace())
        .addToLabels(LabelKeys.COMPONENT, COMPONENT)
        .addToOwnerReferences(new OwnerReferenceBuilder()
            .withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
            .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
            .withController(true).build())
        .build();
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static void putIfSet(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }
}
