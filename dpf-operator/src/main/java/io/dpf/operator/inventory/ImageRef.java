package io.dpf.operator.inventory;

/**
 * An image split into repository and tag for Helm values. The tag is what follows the last ':' after
 * the last '/', so a registry port ({@code registry:5000/x}) stays in the repository; DPF split at
 * the first ':' and broke such images.
 */
public record ImageRef(String repository, String tag) {

  public static ImageRef parse(String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (image.contains("@") || colon <= slash) {
      return new ImageRef(image, null);
    }
    return new ImageRef(image.substring(0, colon), image.substring(colon + 1));
  }
}
