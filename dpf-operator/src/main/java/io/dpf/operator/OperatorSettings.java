package io.dpf.operator;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.OperatorNames;

/**
 * Which DPFOperatorConfig is the singleton ({@code --config-namespace}, {@code --config-name}), the
 * chart its system DPUServices use unless a component names its own
 * ({@code --dpu-networking-helm-chart}; null: the release's, as DPF's build-time default), and
 * whether the operator deploys Argo CD or the user runs it ({@code --no-argocd}, DPF's way since v25.7).
 */
public record OperatorSettings(String namespace, String name, String dpuNetworkingHelmChart, boolean deployArgoCd) {

  public OperatorSettings(String namespace, String name) {
    this(namespace, name, null, true);
  }

  public static OperatorSettings defaults() {
    return new OperatorSettings(OperatorNames.CONFIG_NAMESPACE, OperatorNames.CONFIG_NAME);
  }

  /** The same, with the system DPUServices' chart at {@code chartRef} ({@code <repo>/<chart>:<version>}). */
  public OperatorSettings withDpuNetworkingHelmChart(String chartRef) {
    return new OperatorSettings(namespace, name, chartRef, deployArgoCd);
  }

  /** The same, with Argo CD left to the user (a prerequisite watching this namespace). */
  public OperatorSettings withoutArgoCd() {
    return new OperatorSettings(namespace, name, dpuNetworkingHelmChart, false);
  }

  boolean isSingleton(DPFOperatorConfig config) {
    return namespace.equals(config.getMetadata().getNamespace()) && name.equals(config.getMetadata().getName());
  }
}
