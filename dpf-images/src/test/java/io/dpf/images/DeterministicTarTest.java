package io.dpf.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicTarTest {

  @TempDir
  Path tmp;

  @Test
  void theOrderOfAddingDoesNotChangeTheBytes() throws Exception {
    DeterministicTar a = new DeterministicTar()
        .file("etc/passwd", 0644, bytes("root:x:0:0::/:/bin/false\n"))
        .directory("tmp", 01777)
        .symlink("bin/sh", "/pause");
    DeterministicTar b = new DeterministicTar()
        .symlink("/bin/sh/", "/pause")
        .directory("./tmp", 01777)
        .file("/etc/passwd", 0644, bytes("root:x:0:0::/:/bin/false\n"));
    assertThat(bytesOf(a)).isEqualTo(bytesOf(b));
  }

  @Test
  void readsBackWithParentsFirstAndNoOwnerOrTime() throws Exception {
    String longPath = "opt/java/legal/" + "very-long-module-name/".repeat(6) + "LICENSE";
    DeterministicTar tar = new DeterministicTar()
        .file("a/b/c.txt", 0600, bytes("c"))
        .file("a-b", 0644, bytes("ab"))
        .file(longPath, 0644, bytes("license"))
        .symlink("lib64", "lib")
        .directory("tmp", 01777);

    List<TarReader.Entry> entries = TarReader.read(new ByteArrayInputStream(bytesOf(tar)));

    assertThat(entries).extracting(TarReader.Entry::name)
        .containsExactly("a/", "a/b/", "a/b/c.txt", "a-b", "lib64", "opt/", "opt/java/", "opt/java/legal/",
            "opt/java/legal/very-long-module-name/", "opt/java/legal/very-long-module-name/very-long-module-name/",
            "opt/java/legal/very-long-module-name/very-long-module-name/very-long-module-name/",
            "opt/java/legal/very-long-module-name/very-long-module-name/very-long-module-name/very-long-module-name/",
            "opt/java/legal/" + "very-long-module-name/".repeat(5),
            "opt/java/legal/" + "very-long-module-name/".repeat(6),
            longPath, "tmp/");
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.uid()).isZero();
      assertThat(e.gid()).isZero();
      assertThat(e.mtime()).isZero();
    });
    assertThat(TarReader.find(entries, "a/b/c.txt").mode()).isEqualTo(0600);
    assertThat(TarReader.find(entries, "a/b/c.txt").text()).isEqualTo("c");
    assertThat(TarReader.find(entries, "a").mode()).isEqualTo(0755);
    assertThat(TarReader.find(entries, "tmp").mode()).isEqualTo(01777);
    assertThat(TarReader.find(entries, "tmp").type()).isEqualTo('5');
    assertThat(TarReader.find(entries, "lib64").type()).isEqualTo('2');
    assertThat(TarReader.find(entries, "lib64").linkName()).isEqualTo("lib");
    assertThat(TarReader.find(entries, longPath).text()).isEqualTo("license");
  }

  @Test
  void gnuTarListsWhatWasWritten() throws Exception {
    String longPath = "x/" + "y".repeat(150);
    Path archive = tmp.resolve("t.tar");
    Files.write(archive, bytesOf(new DeterministicTar().file("bin/tool", 0755, bytes("#!")).file(longPath, 0644,
        bytes("long"))));
    Process tar = new ProcessBuilder("tar", "-tvf", archive.toString()).redirectErrorStream(true).start();
    String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor()).as(listing).isZero();
    assertThat(listing).contains("-rwxr-xr-x 0/0", "bin/tool", longPath).contains("1970-01-01");
  }

  @Test
  void aTreeKeepsExecutableBitsAndLinksButNotHostOwnersOrTimes() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("rootfs/opt/java/bin"));
    Path java = Files.writeString(root.resolve("java"), "elf");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(tmp.resolve("rootfs/opt/java/release"), "JAVA_VERSION=17");
    Files.createSymbolicLink(tmp.resolve("rootfs/opt/java/latest"), Path.of("bin"));

    List<TarReader.Entry> entries =
        TarReader.read(new ByteArrayInputStream(bytesOf(new DeterministicTar().tree(tmp.resolve("rootfs"), "")
            .directory("tmp", 01777))));

    assertThat(TarReader.find(entries, "opt/java/bin/java").mode()).isEqualTo(0755);
    assertThat(TarReader.find(entries, "opt/java/release").mode()).isEqualTo(0644);
    assertThat(TarReader.find(entries, "opt/java/latest").linkName()).isEqualTo("bin");
    assertThat(entries).extracting(TarReader.Entry::mtime).containsOnly(0L);
  }

  @Test
  void pathsThatLeaveTheImageAreRefused() {
    assertThatThrownBy(() -> TarEntry.directory("../etc", 0755)).hasMessageContaining("not a relative path");
    assertThatThrownBy(() -> TarEntry.file("a/../../b", 0644, new byte[0])).hasMessageContaining("not a relative path");
    assertThatThrownBy(() -> TarEntry.directory("/", 0755)).hasMessageContaining("not a relative path");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytesOf(DeterministicTar tar) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    tar.writeTo(out);
    return out.toByteArray();
  }
}
