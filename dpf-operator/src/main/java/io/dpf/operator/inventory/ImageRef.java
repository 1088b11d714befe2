package io.dpf.operator.inventory;

/**
 * An image split into repository and tag for Helm values. The tag is what follows the last ':' after
 * the last '/', so a registry port ({@code registry:5000/x}) stays in the repository; DPF split at
 * the first ':' and broke such images. A digest stays with the tag ({@code v1@sha256:...}); an image
 * pinned by digest alone keeps it in the repository, with an empty tag.
 */
public record ImageRef(String repository, String tag) {

  public static ImageRef parse(String image) {
    int at = image.indexOf('@');
    String name = at < 0 ? image : image.substring(0, at);
    String digest = at < 0 ? "" : image.substring(at);
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    if (colon <= slash) {
      return digest.isEmpty() ? new ImageRef(name, null) : new ImageRef(image, "");
    }
    return new ImageRef(name.substring(0, colon), name.substring(colon + 1) + digest);
  }
}
