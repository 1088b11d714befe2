package io.dpf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary directories that record the JVM owning them ({@value #OWNER_FILE}), so that the next
 * fixture of the same kind removes those a killed JVM left behind.
 */
final class OwnedDirectories {

  private static final Logger LOG = LoggerFactory.getLogger(OwnedDirectories.class);

  static final String OWNER_FILE = "owner.pid";

  private OwnedDirectories() {}

  /** Removes leftovers of dead JVMs with this prefix, then creates a new directory owned by this JVM. */
  static Path create(String prefix, String name) {
    try {
      removeThoseOfDeadJvms(prefix);
      Path dir = Files.createTempDirectory(prefix + name + "-");
      Files.writeString(dir.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the directory, unless something (a real node's volumes) is still mounted below it. */
  static void deleteRecursively(Path root) {
    if (hasMountsBelow(root)) {
      LOG.warn("not deleting {}: something is still mounted below it", root);
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }

  private static boolean hasMountsBelow(Path root) {
    try {
      String prefix = root.toAbsolutePath() + "/";
      return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
          .map(line -> line.split(" ")[1]).anyMatch(mount -> mount.startsWith(prefix));
    } catch (IOException e) {
      return false;
    }
  }

  private static void removeThoseOfDeadJvms(String prefix) throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> dirs = Files.list(tmp)) {
      dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
          .filter(d -> Files.isRegularFile(d.resolve(OWNER_FILE)))
          .filter(d -> !ownerAlive(d))
          .forEach(OwnedDirectories::deleteRecursively);
    }
  }

  private static boolean ownerAlive(Path dir) {
    try {
      long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return true; // not sure: leave it
    }
  }
}
