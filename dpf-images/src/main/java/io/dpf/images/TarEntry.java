package io.dpf.images;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a {@link DeterministicTar}: a directory, a regular file or a symbolic link at a path
 * relative to the image root ({@code opt/java/bin/java}, never with a leading slash). Owner, group
 * and modification time are not part of an entry: every entry is written as uid 0, gid 0, mtime 0.
 */
public record TarEntry(String path, Kind kind, int mode, Content content, String linkTarget) {

  public enum Kind { DIRECTORY, FILE, SYMLINK }

  /** Where a file's bytes come from, read once when the tar is written. */
  public interface Content {
    long size();

    InputStream open() throws IOException;

    static Content of(byte[] bytes) {
      byte[] copy = bytes.clone();
      return new Content() {
        @Override
        public long size() {
          return copy.length;
        }

        @Override
        public InputStream open() {
          return new ByteArrayInputStream(copy);
        }
      };
    }

    static Content of(Path file) {
      return new Content() {
        @Override
        public long size() {
          try {
            return Files.size(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public InputStream open() throws IOException {
          return Files.newInputStream(file);
        }
      };
    }
  }

  public TarEntry {
    path = normalize(path);
    Objects.requireNonNull(kind, "kind");
    if ((mode & ~07777) != 0) {
      throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " of " + path + " is not a permission mode");
    }
    if (kind == Kind.FILE && content == null) {
      throw new IllegalArgumentException("file " + path + " has no content");
    }
    if (kind == Kind.SYMLINK && (linkTarget == null || linkTarget.isEmpty())) {
      throw new IllegalArgumentException("symlink " + path + " has no target");
    }
  }

  public static TarEntry directory(String path, int mode) {
    return new TarEntry(path, Kind.DIRECTORY, mode, null, null);
  }

  public static TarEntry file(String path, int mode, Content content) {
    return new TarEntry(path, Kind.FILE, mode, content, null);
  }

  public static TarEntry file(String path, int mode, byte[] bytes) {
    return file(path, mode, Content.of(bytes));
  }

  public static TarEntry symlink(String path, String target) {
    return new TarEntry(path, Kind.SYMLINK, 0777, null, target);
  }

  /** The name as written in the tar: directories end with a slash. */
  public String tarName() {
    return kind == Kind.DIRECTORY ? path + "/" : path;
  }

  static String normalize(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("/") || p.startsWith("./")) {
      p = p.startsWith("/") ? p.substring(1) : p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty() || p.equals("..") || p.startsWith("../") || p.contains("/../") || p.endsWith("/..")
        || p.contains("//")) {
      throw new IllegalArgumentException("not a relative path inside an image: '" + path + "'");
    }
    return p;
  }
}
