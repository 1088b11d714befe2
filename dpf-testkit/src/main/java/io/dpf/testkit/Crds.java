package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Loads CustomResourceDefinitions from YAML and installs them, waiting until each is Established. */
public final class Crds {

  private Crds() {}

  /** Every CRD in a YAML file, or in every *.yaml/*.yml file of a directory (sorted). */
  public static List<CustomResourceDefinition> load(Path fileOrDirectory) {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    try {
      List<Path> files;
      if (Files.isDirectory(fileOrDirectory)) {
        try (Stream<Path> list = Files.list(fileOrDirectory)) {
          files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
      } else {
        files = List.of(fileOrDirectory);
      }
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          crds.addAll(parse(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRDs from " + fileOrDirectory, e);
    }
    return crds;
  }

  public static List<CustomResourceDefinition> parse(InputStream yaml) {
    Object parsed = Serialization.unmarshal(yaml);
    List<CustomResourceDefinition> crds = new ArrayList<>();
    List<?> items = parsed instanceof List<?> list ? list : List.of(parsed);
    for (Object item : items) {
      if (item instanceof CustomResourceDefinition crd) {
        crds.add(crd);
      } else if (item != null) {
        throw new IllegalArgumentException("not a v1 CustomResourceDefinition: " + describe(item));
      }
    }
    return crds;
  }

  public static void install(KubernetesClient client, Collection<CustomResourceDefinition> crds) {
    for (CustomResourceDefinition crd : crds) {
      crd.getMetadata().setResourceVersion(null);
      client.apiextensions().v1().customResourceDefinitions().resource(crd).forceConflicts().serverSideApply();
    }
    for (CustomResourceDefinition crd : crds) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(Crds::established, 60, TimeUnit.SECONDS);
    }
  }

  static boolean established(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String describe(Object item) {
    return item instanceof HasMetadata h ? h.getKind() + " " + h.getMetadata().getName() : item.getClass().getName();
  }
}
