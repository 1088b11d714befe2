package io.dpf.images;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The base image every manager image is built on (Jib's {@code tar://} base): a JRE made by jlink
 * from the build's own JDK with only the modules the managers use, the few C libraries it links
 * (found with ldd on this machine), {@code /etc/passwd} with the non-root user 65532, and a
 * world-writable {@code /tmp} for an emptyDir. Nothing else: no shell, no package manager.
 *
 * <p>jlink is the slow part (15–20 s), so the archive is cached under
 * {@code ~/.cache/dpf/images}, keyed by everything that goes into it (JDK, modules, jlink options,
 * the libraries' bytes); a warm build only copies it.
 *
 * <p>{@code java io.dpf.images.JreBaseImage <archive> <reference> <module,module,...>}
 */
public final class JreBaseImage {

  /** The user the managers run as: not root, the uid distroless images use. */
  public static final String USER = "65532:65532";
  /** Bump when the layout of the image changes, so cached archives are not reused. */
  private static final String LAYOUT = "1";
  // No --generate-cds-archive: JDK 17 dumps a different classes.jsa on every run, and the image's
  // digest would change with it (jlink's other output is byte-for-byte reproducible).
  private static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-header-files", "--no-man-pages",
      "--compress=2");

  private JreBaseImage() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: JreBaseImage <archive> <reference> <module,module,...>");
    }
    Instant start = Instant.now();
    ImageArchive.Written written = write(Path.of(args[0]), args[1], List.of(args[2].split(",")));
    System.out.printf("[dpf-images] %s -> %s (%.1f MB compressed, %.1f MB unpacked, %d ms)%n", written.reference(),
        written.archive(), written.layerBytes() / 1e6, written.uncompressedBytes() / 1e6,
        Duration.between(start, Instant.now()).toMillis());
  }

  public static ImageArchive.Written write(Path archive, String reference, List<String> modules) {
    Path jdk = Path.of(System.getProperty("java.home"));
    Path cacheRoot = cacheRoot();
    try {
      Files.createDirectories(cacheRoot);
      // The key is known before jlink runs: the JDK, the modules, the options and the bytes of every
      // library the JDK's own executables and libraries link (a superset of what the JRE links).
      String key = key(jdk, modules, sharedLibraries(jdk), reference);
      Path cached = cacheRoot.resolve("jre-base-" + key + ".tar");
      Path sizes = cacheRoot.resolve("jre-base-" + key + ".digests");
      if (!Files.isRegularFile(cached) || !Files.isRegularFile(sizes)) {
        Path work = Files.createTempDirectory(cacheRoot, "jre-build.");
        try {
          Path rootfs = work.resolve("rootfs");
          jlink(jdk, modules, rootfs.resolve("opt/java"));
          ImageArchive.Written w = ImageArchive.writeLayers(work.resolve("image.tar"), reference, config(),
              List.of(layer(rootfs, sharedLibraries(rootfs.resolve("opt/java")))));
          Files.writeString(work.resolve("digests"), String.join("\n", w.manifestDigest(), w.configDigest(),
              String.valueOf(w.layerBytes()), String.valueOf(w.uncompressedBytes())) + "\n");
          // Archive first, its digests last: a reader that finds the digests finds a whole archive.
          Files.move(work.resolve("image.tar"), cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          Files.move(work.resolve("digests"), sizes, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          deleteTree(work);
        }
      }
      List<String> d = Files.readAllLines(sizes);
      Files.createDirectories(archive.toAbsolutePath().getParent());
      Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
      Files.copy(cached, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new ImageArchive.Written(archive, reference, d.get(0), d.get(1), Long.parseLong(d.get(2)),
          Long.parseLong(d.get(3)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ImageConfig config() {
    return new ImageConfig(List.of("/opt/java/bin/java"), List.of(),
        List.of("PATH=/opt/java/bin:/usr/bin:/bin", "JAVA_HOME=/opt/java", "LANG=C.UTF-8"), USER, "/",
        Map.of("org.opencontainers.image.description", "jlink'd Java " + Runtime.version().feature()
            + " runtime for the DPF for Java managers"));
  }

  private static DeterministicTar layer(Path rootfs, Map<String, Path> libraries) {
    DeterministicTar tar = new DeterministicTar().tree(rootfs, "");
    libraries.forEach((at, file) -> tar.file(at, 0755, file));
    return tar
        .file("etc/passwd", 0644, ("root:x:0:0:root:/root:/sbin/nologin\n"
            + "nonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin\n").getBytes(StandardCharsets.UTF_8))
        .file("etc/group", 0644, "root:x:0:\nnonroot:x:65532:\n".getBytes(StandardCharsets.UTF_8))
        .directory("tmp", 01777);
  }

  private static void jlink(Path jdk, List<String> modules, Path output) {
    ToolProvider jlink = ToolProvider.findFirst("jlink")
        .orElseThrow(() -> new IllegalStateException("the build's Java (" + jdk + ") has no jlink: a JDK is needed"));
    List<String> args = new ArrayList<>(List.of("--module-path", jdk.resolve("jmods").toString(),
        "--add-modules", String.join(",", modules), "--output", output.toString()));
    args.addAll(JLINK_OPTIONS);
    StringWriter out = new StringWriter();
    PrintWriter print = new PrintWriter(out);
    int exit = jlink.run(print, print, args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("jlink " + String.join(" ", args) + " failed (" + exit + "): " + out);
    }
  }

  /**
   * The libraries outside the JRE that its executables and libraries link, by the path ldd
   * resolves them to (where the image's loader looks for them), mapped to the file holding them.
   */
  static Map<String, Path> sharedLibraries(Path jre) throws IOException {
    Map<String, Path> found = new TreeMap<>();
    List<Path> elves;
    try (Stream<Path> walk = Files.walk(jre)) {
      elves = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".so") || p.getParent().endsWith("bin"))
          .toList();
    }
    // The JRE's own libraries (libjvm.so in lib/server) are found at run time through its RPATH.
    List<String> ownLibraries = elves.stream().map(p -> p.getFileName().toString()).toList();
    for (Path elf : elves) {
      for (String line : run(List.of("ldd", elf.toString())).lines().toList()) {
        String l = line.strip();
        String path = null;
        if (l.contains(" => ")) {
          String target = l.substring(l.indexOf(" => ") + 4).strip();
          if (target.startsWith("/")) {
            path = target.substring(0, target.indexOf(' ') > 0 ? target.indexOf(' ') : target.length());
          } else if (target.startsWith("not found") && !ownLibraries.contains(l.substring(0, l.indexOf(' ')))) {
            throw new IllegalStateException(elf + " links " + l + ", which this machine lacks");
          }
        } else if (l.startsWith("/")) {
          path = l.substring(0, l.indexOf(' ') > 0 ? l.indexOf(' ') : l.length()); // the loader itself
        }
        if (path != null && !path.startsWith(jre.toString())) {
          found.put(path.substring(1), Path.of(path).toRealPath());
        }
      }
    }
    return found;
  }

  private static String key(Path jdk, List<String> modules, Map<String, Path> libraries, String reference)
      throws IOException {
    var digest = Sha256.newDigest();
    digest.update((LAYOUT + "\n" + jdk + "\n" + Runtime.version() + "\n" + System.getProperty("java.vendor.version", "")
        + "\n" + modules + "\n" + JLINK_OPTIONS + "\n" + reference + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(Files.readAllBytes(jdk.resolve("release")));
    for (Map.Entry<String, Path> lib : libraries.entrySet()) {
      digest.update(lib.getKey().getBytes(StandardCharsets.UTF_8));
      digest.update(Files.readAllBytes(lib.getValue()));
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  static Path cacheRoot() {
    String given = System.getProperty("dpf.images.cache");
    if (given != null) {
      return Path.of(given);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("dpf/images");
  }

  private static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
