package io.dpf.operator.inventory;

/**
 * A chart reference of the form {@code <repo>/<chart>:<version>}, e.g.
 * {@code oci://ghcr.io/dpf-java/charts/dpu-networking:0.1.0}: the version follows the last ':', the
 * chart name the last '/' before it.
 */
public record HelmChartRef(String repoURL, String chart, String version) {

  public static HelmChartRef parse(String ref) throws InvalidConfigException {
    if (ref == null || !(ref.startsWith("oci://") || ref.startsWith("https://"))) {
      throw new InvalidConfigException("helm chart \"" + ref + "\" must start with oci:// or https://");
    }
    int colon = ref.lastIndexOf(':');
    int slash = ref.lastIndexOf('/');
    if (colon <= slash || colon == ref.length() - 1 || slash <= ref.indexOf("//") + 1) {
      throw new InvalidConfigException(
          "helm chart \"" + ref + "\" must have the form <repo>/<chart>:<version>");
    }
    return new HelmChartRef(ref.substring(0, slash), ref.substring(slash + 1, colon), ref.substring(colon + 1));
  }
}
