package io.dpf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample reads into its Java type and writes back without losing or changing a field. */
class SamplesRoundTripTest {
  private final KubernetesSerialization serialization = new KubernetesSerialization();

  static List<Path> samples() {
    return Samples.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void roundTripKeepsEveryField(Path sample) throws Exception {
    JsonNode original = Samples.tree(sample);
    CustomResource<?, ?> object = serialization.unmarshal(Files.readString(sample), Samples.typeOf(original));

    // Through text, as the API server sees it (a Long field would otherwise compare unequal to an int).
    JsonNode written = Samples.YAML.readTree(serialization.asJson(object));

    assertThat(object.getClass()).isEqualTo(Samples.typeOf(original));
    assertThat(written).isEqualTo(original);
  }

  @Test
  void everyKindHasASample() {
    Set<Class<?>> sampled = Samples.all().stream().map(p -> Samples.typeOf(Samples.tree(p))).collect(Collectors.toSet());

    assertThat(sampled).containsAll(ApiTypes.all());
  }

  /** The seed lives in shared/, beside the repository (tests run in the module directory). */
  @Test
  void seedManifestsAreTheSeedsTextVerbatim() throws Exception {
    Path seedFile = Path.of("../../shared/seeds/000_d664e7763ea2bcdb.txt");
    assumeTrue(Files.exists(seedFile), "shared/ is not beside the repository");
    String seed = Files.readString(seedFile);

    assertThat(seed).contains(Samples.text("dpfoperatorconfig-seed-1.yaml"));
    assertThat(seed).contains(Samples.text("dpfoperatorconfig-seed-2.yaml").stripTrailing());
  }
}
