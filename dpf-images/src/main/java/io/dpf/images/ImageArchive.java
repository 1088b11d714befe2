package io.dpf.images;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one image as a single tar that is at once an OCI image layout ({@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/*}; read by {@code ctr images import} and
 * {@code skopeo copy oci-archive:}) and a {@code docker save} tarball ({@code manifest.json}
 * pointing at the same blobs; read by {@code docker load} and Jib's {@code tar://} base images).
 * The archive's bytes depend only on the reference, the config and the layers.
 */
public final class ImageArchive {

  public static final String MANIFEST_MEDIA_TYPE = "application/vnd.oci.image.manifest.v1+json";
  public static final String INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";
  /** The annotation containerd names an imported image by. */
  public static final String CONTAINERD_NAME = "io.containerd.image.name";
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  /** What was written: the archive and the digests that identify the image. */
  public record Written(Path archive, String reference, String manifestDigest, String configDigest, long layerBytes,
      long uncompressedBytes) {}

  private ImageArchive() {}

  /**
   * Writes {@code reference} (e.g. {@code dpf.local/pause:3.10}) with {@code layers} to
   * {@code archive}, replacing it atomically so a reader never sees half an archive.
   */
  public static Written write(Path archive, String reference, ImageConfig config, List<Layer> layers) {
    String tag = tagOf(reference);
    byte[] configJson = config.json(layers).getBytes(StandardCharsets.UTF_8);
    String configDigest = Sha256.of(configJson);
    byte[] manifest = Json.write(manifest(configDigest, configJson.length, layers)).getBytes(StandardCharsets.UTF_8);
    String manifestDigest = Sha256.of(manifest);

    Map<String, Object> descriptor = new LinkedHashMap<>();
    descriptor.put("mediaType", MANIFEST_MEDIA_TYPE);
    descriptor.put("digest", manifestDigest);
    descriptor.put("size", manifest.length);
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put(CONTAINERD_NAME, reference);
    annotations.put(REF_NAME, tag);
    descriptor.put("annotations", annotations);
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", INDEX_MEDIA_TYPE);
    index.put("manifests", List.of(descriptor));

    Map<String, Object> docker = new LinkedHashMap<>();
    docker.put("Config", blobPath(configDigest));
    docker.put("RepoTags", List.of(reference));
    docker.put("Layers", layers.stream().map(l -> blobPath(l.digest())).toList());

    DeterministicTar tar = new DeterministicTar()
        .file("oci-layout", 0644, "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8))
        .file("index.json", 0644, Json.write(index).getBytes(StandardCharsets.UTF_8))
        .file("manifest.json", 0644, Json.write(List.of(docker)).getBytes(StandardCharsets.UTF_8))
        .file(blobPath(configDigest), 0644, configJson)
        .file(blobPath(manifestDigest), 0644, manifest);
    for (Layer l : layers) {
      tar.file(blobPath(l.digest()), 0644, l.blob());
    }
    try {
      Path dir = archive.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, archive.getFileName() + ".", ".partial");
      try {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
          tar.writeTo(out);
        }
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write image archive " + archive, e);
    }
    return new Written(archive, reference, manifestDigest, configDigest,
        layers.stream().mapToLong(Layer::size).sum(), layers.stream().mapToLong(Layer::uncompressedSize).sum());
  }

  /** Writes the layers' blobs into a scratch directory beside {@code archive}, then the archive. */
  public static Written writeLayers(Path archive, String reference, ImageConfig config, List<DeterministicTar> layers) {
    Path scratch = null;
    try {
      Path dir = archive.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      scratch = Files.createTempDirectory(dir, archive.getFileName() + ".layers.");
      List<Layer> written = new ArrayList<>();
      for (int i = 0; i < layers.size(); i++) {
        written.add(Layer.write(layers.get(i), scratch.resolve("layer-" + i + ".tar.gz")));
      }
      return write(archive, reference, config, written);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write image archive " + archive, e);
    } finally {
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // scratch space only; the archive is complete
    }
  }

  private static Map<String, Object> manifest(String configDigest, int configSize, List<Layer> layers) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("mediaType", ImageConfig.MEDIA_TYPE);
    config.put("digest", configDigest);
    config.put("size", configSize);
    List<Object> layerDescriptors = new ArrayList<>();
    for (Layer l : layers) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("mediaType", Layer.MEDIA_TYPE);
      d.put("digest", l.digest());
      d.put("size", l.size());
      layerDescriptors.add(d);
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", MANIFEST_MEDIA_TYPE);
    manifest.put("config", config);
    manifest.put("layers", layerDescriptors);
    return manifest;
  }

  static String blobPath(String digest) {
    return "blobs/sha256/" + Sha256.hex(digest);
  }

  /** The tag of {@code name[:tag]}; a registry port ("host:5000/x") is not a tag. */
  static String tagOf(String reference) {
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    if (reference.contains("@") || colon <= slash || colon == reference.length() - 1) {
      throw new IllegalArgumentException("image reference '" + reference + "' needs a tag (name:tag), no digest");
    }
    return reference.substring(colon + 1);
  }
}
