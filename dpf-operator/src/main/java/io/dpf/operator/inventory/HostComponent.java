package io.dpf.operator.inventory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A component deployed on the host cluster from the manifests its chart in {@code charts/} renders at
 * build time ({@code manifests/<name>.yaml} in the jar), edited for the config.
 */
class HostComponent implements Component {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private final String name;
  private final String manifests;

  HostComponent(String name) {
    this.name = name;
    this.manifests = load("/manifests/" + name + ".yaml");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<HasMetadata> render(RenderInputs inputs) throws InvalidConfigException {
    List<HasMetadata> objects = parse(manifests);
    HostEdits.apply(objects, inputs);
    return objects;
  }

  /** A fresh copy on every call: rendering edits the objects. */
  static List<HasMetadata> parse(String yaml) {
    Object parsed = YAML.unmarshal(yaml);
    List<HasMetadata> objects = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      list.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).forEach(objects::add);
    } else if (parsed instanceof HasMetadata single) {
      objects.add(single);
    }
    return objects;
  }

  static String load(String resource) {
    try (InputStream in = HostComponent.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the operator jar (rendered by hack/render-charts.sh)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
