package io.dpf.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveTest {

  @TempDir
  Path tmp;

  @Test
  void twoWritesOfOneImageAreTheSameBytes() throws Exception {
    ImageArchive.Written first = write(tmp.resolve("one/image.tar"));
    ImageArchive.Written second = write(tmp.resolve("two/image.tar"));

    assertThat(second.manifestDigest()).isEqualTo(first.manifestDigest());
    assertThat(Files.readAllBytes(second.archive())).isEqualTo(Files.readAllBytes(first.archive()));
    // Pinned: a change here changes every image's digest. The config holds only the uncompressed
    // layer digest, so it does not depend on zlib's version.
    assertThat(first.configDigest())
        .isEqualTo("sha256:b1a0ad3e698d7710437159fe4e4e626d68e90acb0187c77a54239e2cebec5f27");
  }

  @Test
  void isAnOciLayoutAndADockerSaveTarOverTheSameBlobs() throws Exception {
    ImageArchive.Written written = write(tmp.resolve("image.tar"));
    List<TarReader.Entry> entries = TarReader.read(written.archive());

    assertThat(TarReader.find(entries, "oci-layout").text()).isEqualTo("{\"imageLayoutVersion\":\"1.0.0\"}");
    String index = TarReader.find(entries, "index.json").text();
    assertThat(index).contains("\"digest\":\"" + written.manifestDigest() + "\"",
        "\"io.containerd.image.name\":\"dpf.local/hello:1\"", "\"org.opencontainers.image.ref.name\":\"1\"");
    String docker = TarReader.find(entries, "manifest.json").text();
    assertThat(docker).startsWith("[{\"Config\":\"blobs/sha256/" + Sha256.hex(written.configDigest()) + "\"")
        .contains("\"RepoTags\":[\"dpf.local/hello:1\"]");

    // Every blob is stored under its own digest.
    List<TarReader.Entry> blobs = entries.stream()
        .filter(e -> e.name().startsWith("blobs/sha256/") && e.type() == '0').toList();
    assertThat(blobs).hasSize(3);
    assertThat(blobs).allSatisfy(b -> assertThat(Sha256.of(b.content())).isEqualTo("sha256:" + b.name().substring(13)));

    String config = TarReader.find(entries, ImageArchive.blobPath(written.configDigest())).text();
    assertThat(config).contains("\"architecture\":\"amd64\"", "\"os\":\"linux\"", "\"User\":\"65532\"",
        "\"Entrypoint\":[\"/hello\"]", "\"created\":\"1970-01-01T00:00:00Z\"");
    String manifest = TarReader.find(entries, ImageArchive.blobPath(written.manifestDigest())).text();
    String layerDigest = manifest.replaceAll(".*\"layers\":\\[\\{[^}]*\"digest\":\"(sha256:[0-9a-f]+)\".*", "$1");
    byte[] layer = TarReader.find(entries, ImageArchive.blobPath(layerDigest)).content();
    List<TarReader.Entry> files = TarReader.read(new ByteArrayInputStream(layer));
    assertThat(files).extracting(TarReader.Entry::name).containsExactly("hello", "tmp/");
    assertThat(config).contains("\"diff_ids\":[\"" + Sha256.of(ungzip(layer)) + "\"]");
  }

  @Test
  void aReferenceNeedsATag() {
    assertThatThrownBy(() -> ImageArchive.tagOf("localhost:5000/hello")).hasMessageContaining("needs a tag");
    assertThat(ImageArchive.tagOf("localhost:5000/hello:2")).isEqualTo("2");
  }

  private ImageArchive.Written write(Path archive) {
    DeterministicTar layer = new DeterministicTar()
        .file("hello", 0755, "#!/bin/true\n".getBytes(StandardCharsets.UTF_8))
        .directory("tmp", 01777);
    return ImageArchive.writeLayers(archive, "dpf.local/hello:1", ImageConfig.entrypoint("/hello").withUser("65532"),
        List.of(layer));
  }

  private static byte[] ungzip(byte[] gz) throws Exception {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
