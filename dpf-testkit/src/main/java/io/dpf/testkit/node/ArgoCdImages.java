package io.dpf.testkit.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.images.DeterministicTar;
import io.dpf.images.ImageArchive;
import io.dpf.images.ImageConfig;
import io.dpf.testkit.EnvtestBinaries;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The images the operator's Argo CD chart ({@code charts/argocd}) names, built from the envtest
 * binaries under exactly those names, so a real node runs the Argo CD the operator deploys with
 * nothing pulled. The Argo CD image has upstream's layout as far as the chart uses it: the
 * multi-call {@code /usr/local/bin/argocd} with its role names as symbolic links, {@code helm}
 * beside it (the repo-server runs it from PATH), the CA bundle, user {@code argocd} (999). The
 * envtest build holds only the controller and repo-server commands, so this is a stand-in for the
 * parts DPF runs, not upstream's image. The Redis image holds the envtest {@code miniredis}.
 *
 * <p>They live here, not in a module's build, because the binaries exist only in the envtest cache.
 * Archives are cached beside the binaries and rebuilt when a binary is newer.
 */
public final class ArgoCdImages {

  /** The images written: what the chart's values name, and where the archive is. */
  public record Image(String reference, Path archive) {}

  static final int ARGOCD_UID = 999;
  /** Bump when the layout changes, so cached archives are not reused. */
  private static final String LAYOUT = "1";
  private static final Path CA_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

  private ArgoCdImages() {}

  /** Both images, written on first use (about 10 s for the Argo CD one; cached afterwards). */
  public static synchronized List<Image> build() {
    Map<String, String> values = chartImages();
    Path argocdBin = EnvtestBinaries.component("argocd");
    Path helm = EnvtestBinaries.binary("helm");
    Image argocd = cached(argocdBin, values.get("image"), List.of(argocdBin.resolve("argocd"), helm, CA_BUNDLE),
        archive -> writeArgoCd(archive, values.get("image"), argocdBin.resolve("argocd"), helm));
    Image redis = cached(argocdBin, values.get("redisImage"), List.of(argocdBin.resolve("miniredis")),
        archive -> writeRedis(archive, values.get("redisImage"), argocdBin.resolve("miniredis")));
    return List.of(argocd, redis);
  }

  /** {@code image} and {@code redisImage} of {@code charts/argocd/values.yaml}: the names the operator deploys. */
  static Map<String, String> chartImages() {
    Path values = EnvtestBinaries.repositoryRoot().resolve("charts/argocd/values.yaml");
    try {
      JsonNode root = new KubernetesSerialization().unmarshal(Files.readString(values), JsonNode.class);
      return Map.of("image", root.path("image").asText(), "redisImage", root.path("redisImage").asText());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + values, e);
    }
  }

  static ImageArchive.Written writeArgoCd(Path archive, String reference, Path argocd, Path helm) {
    DeterministicTar layer = new DeterministicTar()
        .file("usr/local/bin/argocd", 0755, argocd)
        .symlink("usr/local/bin/argocd-application-controller", "argocd")
        .symlink("usr/local/bin/argocd-repo-server", "argocd")
        .file("usr/local/bin/helm", 0755, helm)
        .file("etc/ssl/certs/ca-certificates.crt", 0644, CA_BUNDLE)
        .directory("home/argocd", 0755)
        .directory("app/config", 0755);
    users(layer, "argocd");
    ImageConfig config = new ImageConfig(List.of(), List.of("/usr/local/bin/argocd"),
        List.of("PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/home/argocd", "USER=argocd"),
        ARGOCD_UID + ":" + ARGOCD_UID, "/home/argocd",
        Map.of("org.opencontainers.image.description",
            "Argo CD application-controller and repo-server (envtest build) with helm, for DPF's tests"));
    return ImageArchive.writeLayers(archive, reference, config, List.of(layer));
  }

  static ImageArchive.Written writeRedis(Path archive, String reference, Path miniredis) {
    DeterministicTar layer = new DeterministicTar().file("usr/local/bin/miniredis", 0755, miniredis);
    users(layer, "redis");
    ImageConfig config = new ImageConfig(List.of("/usr/local/bin/miniredis"), List.of("0.0.0.0:6379"),
        List.of("PATH=/usr/local/bin:/usr/bin:/bin"), ARGOCD_UID + ":" + ARGOCD_UID, "/",
        Map.of("org.opencontainers.image.description", "miniredis, the cache of DPF's Argo CD"));
    return ImageArchive.writeLayers(archive, reference, config, List.of(layer));
  }

  /** A passwd and group naming the image's one user, and a /tmp anyone may write. */
  private static void users(DeterministicTar layer, String user) {
    String home = "argocd".equals(user) ? "/home/argocd" : "/";
    layer.file("etc/passwd", 0644, ("root:x:0:0:root:/root:/sbin/nologin\n" + user + ":x:" + ARGOCD_UID + ":"
            + ARGOCD_UID + "::" + home + ":/sbin/nologin\n").getBytes(StandardCharsets.UTF_8))
        .file("etc/group", 0644, ("root:x:0:\n" + user + ":x:" + ARGOCD_UID + ":\n").getBytes(StandardCharsets.UTF_8))
        .directory("tmp", 01777);
  }

  private interface Writer {
    void write(Path archive);
  }

  /** The cached archive of {@code reference}, rewritten (atomically) when one of {@code inputs} is newer. */
  private static Image cached(Path dir, String reference, List<Path> inputs, Writer writer) {
    if (reference.isBlank()) {
      throw new IllegalStateException("charts/argocd/values.yaml names no image");
    }
    Path archive = dir.resolve("image-" + reference.replaceAll("[^A-Za-z0-9.]+", "_") + "-" + LAYOUT + ".tar");
    try {
      boolean fresh = Files.isRegularFile(archive);
      for (Path input : inputs) {
        fresh = fresh && !Files.getLastModifiedTime(input).toInstant()
            .isAfter(Files.getLastModifiedTime(archive).toInstant());
      }
      if (!fresh) {
        writer.write(archive);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the inputs of " + reference, e);
    }
    return new Image(reference, archive);
  }
}
