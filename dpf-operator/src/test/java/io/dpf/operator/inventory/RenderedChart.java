package io.dpf.operator.inventory;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.operator.applyset.ApplySet;
import io.dpf.testkit.EnvtestBinaries;
import io.dpf.testkit.Helm;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What a DPU cluster receives for one DPU-side component: the operator renders the component's
 * DPUService from a DPFOperatorConfig, and the real helm CLI renders the repository's
 * {@code dpu-networking} chart with that DPUService's values, as Argo CD does per DPU cluster.
 */
record RenderedChart(String component, DPUService service, String yaml) {

  static final String NAMESPACE = "dpf-operator-system";
  static final Path CHART = EnvtestBinaries.repositoryRoot().resolve("charts/dpu-networking");
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  static RenderedChart of(DPFOperatorConfig config, String component) throws InvalidConfigException {
    Inventory inventory = new Inventory(ReleaseDefaults.load());
    Component c = inventory.components().stream().filter(x -> x.name().equals(component)).findFirst().orElseThrow();
    ComponentSettings settings = inventory.settings(config.getSpec()).get(component);
    DPUService service = (DPUService) c.render(new RenderInputs(config, settings, inventory.defaults(),
        ApplySet.id(component, config.getMetadata().getNamespace()))).get(0);
    String values = service.getSpec().getHelmChart().getValues().toString();
    return new RenderedChart(component, service, Helm.template(CHART, component, NAMESPACE, values));
  }

  /** The rendered objects, as fabric8's typed models (kinds it does not know stay generic). */
  List<HasMetadata> objects() {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : documents()) {
      objects.add(JSON.unmarshal(document, HasMetadata.class));
    }
    return objects;
  }

  /** The rendered objects exactly as helm wrote them, for sending to an API server untouched. */
  List<GenericKubernetesResource> generic() {
    return documents().stream().map(d -> JSON.unmarshal(d, GenericKubernetesResource.class)).toList();
  }

  <T extends HasMetadata> T get(Class<T> type, String name) {
    return objects().stream().filter(type::isInstance).map(type::cast)
        .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
        .orElseThrow(() -> new NoSuchElementException(component + " renders no " + type.getSimpleName() + " " + name
            + "; it renders " + objects().stream().map(o -> o.getKind() + " " + o.getMetadata().getName()).toList()));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects().stream().filter(type::isInstance).map(type::cast).toList();
  }

  private List<String> documents() {
    List<String> documents = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
        documents.add(document);
      }
    }
    return documents;
  }
}
