package io.dpf.testkit.node;

import io.dpf.images.DeterministicTar;
import io.dpf.images.ImageArchive;
import io.dpf.images.ImageConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The pod sandbox image ({@link Containerd#SANDBOX_IMAGE}), made from the static pause binary of
 * the envtest build as upstream's image is (one file, {@code /pause}, user 65535). The archive is
 * cached beside the binary and rebuilt when the binary is newer; it is written atomically, so JVMs
 * that start nodes at once never read half of it.
 */
public final class SandboxImage {

  static final String ARCHIVE = "pause-image.tar";

  private SandboxImage() {}

  /** The image archive for the pause binary in {@code bin}, written on first use. */
  public static synchronized Path tar(Path bin) {
    String given = System.getProperty("dpf.testkit.pause-image");
    if (given != null) {
      return Path.of(given);
    }
    Path pause = bin.resolve("pause");
    Path archive = bin.resolve(ARCHIVE);
    try {
      if (Files.isRegularFile(archive)
          && !Files.getLastModifiedTime(archive).toInstant().isBefore(Files.getLastModifiedTime(pause).toInstant())) {
        return archive;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pause, e);
    }
    write(pause, archive, Containerd.SANDBOX_IMAGE);
    return archive;
  }

  /** Writes {@code reference} as an image holding only {@code pause} at {@code /pause}. */
  public static ImageArchive.Written write(Path pause, Path archive, String reference) {
    if (!Files.isExecutable(pause)) {
      throw new IllegalStateException(pause + " is missing (hack/envtest/install.sh node builds it)");
    }
    return ImageArchive.writeLayers(archive, reference,
        ImageConfig.entrypoint("/pause").withUser("65535:65535"),
        List.of(new DeterministicTar().file("pause", 0755, pause)));
  }
}
