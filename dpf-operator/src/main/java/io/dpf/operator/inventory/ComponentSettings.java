package io.dpf.operator.inventory;

/**
 * What the DPFOperatorConfig says about one component: whether it runs, and the image and chart
 * it runs with (null for the release defaults).
 */
public record ComponentSettings(String name, boolean enabled, String image, String helmChart) {

  static ComponentSettings defaults(String name) {
    return new ComponentSettings(name, true, null, null);
  }
}
