package io.dpf.operator.bundle;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step ({@code mvn package}): writes the OLM bundle into {@code <out>/manifests},
 * {@code <out>/metadata} and {@code <out>/bundle.Dockerfile}.
 *
 * <p>Arguments: version, rendered operator chart (YAML), folder of the packaged chart's CRDs,
 * example DPFOperatorConfig (YAML), output folder.
 */
public final class BundleWriter {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private BundleWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException("usage: BundleWriter <version> <operator-chart.yaml> <crd-dir> <example.yaml> <out>");
    }
    String version = args[0].replace("-SNAPSHOT", "");
    List<HasMetadata> chart = parseAll(Files.readString(Path.of(args[1])));
    List<CustomResourceDefinition> crds = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(args[2]))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          crds.add(YAML.unmarshal(in, CustomResourceDefinition.class));
        }
      }
    }
    Object example = YAML.unmarshal(Files.readString(Path.of(args[3])), Object.class);
    Path out = Path.of(args[4]);
    Path manifests = Files.createDirectories(out.resolve("manifests"));
    Path metadata = Files.createDirectories(out.resolve("metadata"));
    var deployment = chart.stream().filter(o -> o.getKind().equals("Deployment")).findFirst().orElseThrow();
    String image = ((Deployment) deployment).getSpec().getTemplate().getSpec()
        .getContainers().get(0).getImage();
    Files.writeString(manifests.resolve(OlmBundle.PACKAGE + ".clusterserviceversion.yaml"),
        YAML.asYaml(OlmBundle.clusterServiceVersion(version, chart, crds, YAML.asJson(example), image)));
    for (CustomResourceDefinition crd : crds) {
      Files.writeString(manifests.resolve(crd.getMetadata().getName() + ".yaml"), YAML.asYaml(crd));
    }
    Files.writeString(metadata.resolve("annotations.yaml"), YAML.asYaml(OlmBundle.annotations()));
    Files.writeString(out.resolve("bundle.Dockerfile"), OlmBundle.dockerfile());
    System.out.println("[bundle] wrote " + crds.size() + " CRDs and the ClusterServiceVersion into " + out);
  }

  static List<HasMetadata> parseAll(String yaml) {
    Object parsed = YAML.unmarshal(yaml);
    List<HasMetadata> objects = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      list.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).forEach(objects::add);
    } else if (parsed instanceof HasMetadata one) {
      objects.add(one);
    }
    return objects;
  }
}
