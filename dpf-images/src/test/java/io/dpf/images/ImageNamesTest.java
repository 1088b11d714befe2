package io.dpf.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The charts' defaults and the operator's release defaults name exactly the images the build
 * makes: ghcr.io/dpf-java/&lt;module&gt;:&lt;release&gt; for a module whose pom builds an image, so
 * that {@code helm install} with the defaults runs what {@code mvn verify} produced.
 */
class ImageNamesTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Set<String> BUILT =
      Set.of("dpf-operator", "dpuservice-manager", "provisioning-manager", "servicechainset-controller", "sfc-controller");
  /** OVN-Kubernetes for OpenShift with DPUs: named by the release defaults, not built by this project (yet). */
  private static final Set<String> NOT_BUILT_HERE = Set.of("cni-provisioner", "ovn-kubernetes", "ovn-kubernetes-dpu");
  /**
   * Argo CD's cache (charts/argocd): the envtest miniredis, tagged with its own version; the testkit
   * writes it (ArgoCdImages) because only the envtest cache holds the binary.
   */
  private static final Set<String> BUILT_BY_THE_TESTKIT = Set.of("argocd-redis");
  private static final Pattern INLINE = Pattern.compile("ghcr\\.io/dpf-java/([a-z0-9-]+):([^\\s\"']+)");
  private static final Pattern REPOSITORY =
      Pattern.compile("repository:\\s*ghcr\\.io/dpf-java/([a-z0-9-]+)\\s*\\n\\s*tag:\\s*\"?([^\"\\s]+)\"?");

  @Test
  void everyModuleThatBuildsAnImageIsListed() throws IOException {
    for (String module : BUILT) {
      assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml"))).as(module + "/pom.xml")
          .contains("<artifactId>jib-maven-plugin</artifactId>");
    }
  }

  @Test
  void chartsAndReleaseDefaultsNameTheBuiltImagesAtTheRelease() throws IOException {
    String release = releaseOf(Files.readString(ROOT.resolve("pom.xml")));
    List<Path> files = new ArrayList<>();
    try (Stream<Path> charts = Files.walk(ROOT.resolve("charts"))) {
      charts.filter(p -> p.getFileName().toString().equals("values.yaml")).forEach(files::add);
    }
    files.add(ROOT.resolve("dpf-operator/src/main/resources/release-defaults.yaml"));
    List<String> named = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      for (Pattern p : List.of(INLINE, REPOSITORY)) {
        Matcher m = p.matcher(text);
        while (m.find()) {
          if (NOT_BUILT_HERE.contains(m.group(1)) || BUILT_BY_THE_TESTKIT.contains(m.group(1))) {
            continue;
          }
          named.add(m.group(1));
          assertThat(BUILT).as("image %s named in %s", m.group(1), ROOT.relativize(file)).contains(m.group(1));
          assertThat(m.group(2)).as("tag of %s in %s", m.group(1), ROOT.relativize(file)).isEqualTo(release);
        }
      }
    }
    assertThat(named).as("the charts and release defaults name every built image").containsAll(BUILT);
  }

  /** The release a version names: 0.1.0 for 0.1.0-SNAPSHOT (the root pom's dpf.image.tag). */
  private static String releaseOf(String rootPom) {
    Matcher m = Pattern.compile("<artifactId>dpf-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(rootPom);
    assertThat(m.find()).as("the root pom's version").isTrue();
    return m.group(1).replaceFirst("-SNAPSHOT$", "");
  }
}
