package io.dpf.operator.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** The images and chart of this release (resource {@code release-defaults.yaml}), overridable per component. */
public record ReleaseDefaults(Map<String, String> images, String dpuNetworkingHelmChart) {

  public static ReleaseDefaults load() {
    try (InputStream in = ReleaseDefaults.class.getResourceAsStream("/release-defaults.yaml")) {
      if (in == null) {
        throw new IllegalStateException("release-defaults.yaml is missing from the operator jar");
      }
      JsonNode root = new KubernetesSerialization().unmarshal(in, JsonNode.class);
      Map<String, String> images = new TreeMap<>();
      root.path("images").fields().forEachRemaining(e -> images.put(e.getKey(), e.getValue().asText()));
      return new ReleaseDefaults(Map.copyOf(images), root.path("dpuNetworkingHelmChart").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same defaults with another chart for the system DPUServices; null keeps the release's. */
  public ReleaseDefaults withDpuNetworkingHelmChart(String chartRef) {
    return chartRef == null || chartRef.isBlank() ? this : new ReleaseDefaults(images, chartRef);
  }

  /** The default image of a component; null for components whose chart carries its own images. */
  public String image(String component) {
    return images.get(component);
  }
}
