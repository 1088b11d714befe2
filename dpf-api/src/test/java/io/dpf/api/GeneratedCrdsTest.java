package io.dpf.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CRDs generated at build time carry DPF's CRD conventions. */
class GeneratedCrdsTest {
  static List<Class<? extends CustomResource<?, ?>>> dpfKinds() {
    return ApiTypes.DPF_KINDS;
  }

  static List<Class<? extends CustomResource<?, ?>>> allKinds() {
    return ApiTypes.all();
  }

  @ParameterizedTest
  @MethodSource("allKinds")
  void crdIsOnTheClasspathNamespacedAndServed(Class<? extends CustomResource<?, ?>> kind) {
    CustomResourceDefinition crd = ApiTypes.crd(kind);

    assertThat(crd.getMetadata().getName()).isEqualTo(ApiTypes.crdName(kind));
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getShortNames()).isNullOrEmpty();
    assertThat(version(crd).getName()).isEqualTo("v1alpha1");
    assertThat(version(crd).getServed()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("dpfKinds")
  void dpfCrdsSurviveHelmUninstallAndHaveStatusAndAge(Class<? extends CustomResource<?, ?>> kind) {
    CustomResourceDefinition crd = ApiTypes.crd(kind);

    assertThat(crd.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
    if (kind.getSimpleName().equals("DPUFlavor")) {
      assertThat(version(crd).getSubresources()).isNull();
    } else {
      assertThat(version(crd).getSubresources().getStatus()).isNotNull();
    }
  }

  @ParameterizedTest
  @MethodSource("dpfKinds")
  void readyAndPhaseColumnsFollowDpf(Class<? extends CustomResource<?, ?>> kind) {
    List<CustomResourceColumnDefinition> columns = version(ApiTypes.crd(kind)).getAdditionalPrinterColumns();
    if (columns == null || columns.isEmpty()) {
      return; // kinds without status columns show Name and Age by default
    }
    assertThat(columns).anySatisfy(c -> assertThat(c.getName()).isEqualTo("Age"));
    columns.stream().filter(c -> c.getName().equals("Phase")).findFirst().ifPresent(phase -> {
      boolean ownPhase = List.of("DPU", "DPUCluster", "BFB").contains(kind.getSimpleName());
      assertThat(phase.getJsonPath()).isEqualTo(ownPhase ? ".status.phase" : PrinterColumns.READY_REASON);
    });
  }

  private static CustomResourceDefinitionVersion version(CustomResourceDefinition crd) {
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    return crd.getSpec().getVersions().get(0);
  }
}
