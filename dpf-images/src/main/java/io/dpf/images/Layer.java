package io.dpf.images;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * An image layer: a {@link DeterministicTar}, gzip-compressed into a blob file.
 *
 * @param blob the compressed layer on disk
 * @param digest sha256 of the compressed bytes (the descriptor digest in the manifest)
 * @param diffId sha256 of the uncompressed tar (the config's rootfs.diff_ids entry)
 * @param size compressed size in bytes
 * @param uncompressedSize size of the uncompressed tar in bytes
 */
public record Layer(Path blob, String digest, String diffId, long size, long uncompressedSize) {

  public static final String MEDIA_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";

  /**
   * Writes {@code tar} compressed to {@code blob}. Java's gzip header carries no time and no file
   * name, so the compressed bytes are as reproducible as the tar (for one JDK's zlib).
   */
  public static Layer write(DeterministicTar tar, Path blob) {
    try {
      Files.createDirectories(blob.toAbsolutePath().getParent());
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(blob), 1 << 16)) {
        Sha256.Counting compressed = new Sha256.Counting(file);
        GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        };
        Sha256.Counting plain = new Sha256.Counting(gzip);
        tar.writeTo(plain);
        plain.flush();
        gzip.finish();
        compressed.flush();
        return new Layer(blob, compressed.digest(), plain.digest(), compressed.count(), plain.count());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write layer " + blob, e);
    }
  }
}
