package io.dpf.e2e.images;

import io.dpf.images.TarReader;
import io.dpf.testkit.EnvtestBinaries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One manager's image as the build wrote it ({@code <module>/target/<module>-image.tar}, Jib's
 * docker-save format): its reference and sizes.
 */
record ManagerImage(String module, String mainClass, Path tar, String reference, long compressedBytes,
    long unpackedBytes) {

  static ManagerImage of(String module, String mainClass) {
    Path tar = EnvtestBinaries.repositoryRoot().resolve(module).resolve("target").resolve(module + "-image.tar");
    if (!Files.isRegularFile(tar)) {
      throw new IllegalStateException(tar + " is missing: the image is built in the package phase of " + module
          + " (mvn -B verify, or -pl e2e -am; not with -Djib.skip)");
    }
    try {
      List<TarReader.Entry> entries = TarReader.read(tar);
      String manifest = TarReader.find(entries, "manifest.json").text();
      String reference = manifest.replaceAll("(?s).*\"RepoTags\":\\[\"([^\"]+)\".*", "$1");
      String layers = manifest.replaceAll("(?s).*\"Layers\":\\[([^\\]]*)\\].*", "$1");
      long compressed = 0;
      long unpacked = 0;
      for (String layer : layers.replace("\"", "").split(",")) {
        byte[] gz = TarReader.find(entries, layer.strip()).content();
        compressed += gz.length;
        unpacked += uncompressedSize(gz);
      }
      return new ManagerImage(module, mainClass, tar, reference, compressed, unpacked);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + tar, e);
    }
  }

  private static long uncompressedSize(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
