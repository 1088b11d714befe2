package io.dpf.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A tar whose bytes depend only on its entries: entries sorted by path, every missing parent
 * directory added (mode 755), uid/gid 0, mtime 0, no user or group names. Same entries, same bytes,
 * same digest, on any machine and in any order of adding. Names longer than ustar allows get a PAX
 * header, as GNU tar and Go's archive/tar write them.
 */
public final class DeterministicTar {

  private static final int BLOCK = 512;
  private final TreeMap<String, TarEntry> entries = new TreeMap<>();

  /** Adds an entry; a second entry at the same path replaces the first. */
  public DeterministicTar add(TarEntry entry) {
    entries.put(entry.path(), entry);
    return this;
  }

  public DeterministicTar directory(String path, int mode) {
    return add(TarEntry.directory(path, mode));
  }

  public DeterministicTar file(String path, int mode, byte[] bytes) {
    return add(TarEntry.file(path, mode, bytes));
  }

  public DeterministicTar file(String path, int mode, Path source) {
    return add(TarEntry.file(path, mode, TarEntry.Content.of(source)));
  }

  public DeterministicTar symlink(String path, String target) {
    return add(TarEntry.symlink(path, target));
  }

  /**
   * Adds the tree below {@code hostDir} at {@code imagePath}: directories 755, files 755 when the
   * owner may execute them and 644 otherwise, symbolic links as links. Host owners and times are
   * dropped, so the result does not depend on who built the tree or when.
   */
  public DeterministicTar tree(Path hostDir, String imagePath) {
    try (Stream<Path> walk = Files.walk(hostDir)) {
      for (Path p : walk.sorted().toList()) {
        String rel = hostDir.relativize(p).toString();
        String at = rel.isEmpty() ? imagePath : imagePath.isEmpty() ? rel : imagePath + "/" + rel;
        if (at.isEmpty()) {
          continue; // the image root itself
        }
        if (Files.isSymbolicLink(p)) {
          symlink(at, Files.readSymbolicLink(p).toString());
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          directory(at, 0755);
        } else {
          Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
          file(at, perms.contains(PosixFilePermission.OWNER_EXECUTE) ? 0755 : 0644, p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + hostDir, e);
    }
    return this;
  }

  /** The entries in the order they are written, parent directories included. */
  public List<TarEntry> entries() {
    TreeMap<String, TarEntry> all = new TreeMap<>(entries);
    for (String path : entries.keySet()) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        all.putIfAbsent(path.substring(0, slash), TarEntry.directory(path.substring(0, slash), 0755));
      }
    }
    // Sorted by the path with "/" as the lowest character, so a directory always precedes its
    // contents ("a/b" before "a-b").
    List<TarEntry> sorted = new ArrayList<>(all.values());
    sorted.sort((x, y) -> x.path().replace('/', '\0').compareTo(y.path().replace('/', '\0')));
    return sorted;
  }

  /** Writes the tar, end-of-archive blocks included; does not close {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    for (TarEntry e : entries()) {
      long size = e.kind() == TarEntry.Kind.FILE ? e.content().size() : 0;
      writeHeader(out, e, size);
      if (e.kind() == TarEntry.Kind.FILE) {
        long copied;
        try (InputStream in = e.content().open()) {
          copied = in.transferTo(out);
        }
        if (copied != size) {
          throw new IOException(e.path() + " changed while it was written (" + size + " bytes expected, " + copied + ")");
        }
        pad(out, size);
      }
    }
    out.write(new byte[2 * BLOCK]);
  }

  private static void writeHeader(OutputStream out, TarEntry e, long size) throws IOException {
    String name = e.tarName();
    String link = e.kind() == TarEntry.Kind.SYMLINK ? e.linkTarget() : "";
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] linkBytes = link.getBytes(StandardCharsets.UTF_8);
    if (nameBytes.length > 100 || linkBytes.length > 100) {
      StringBuilder pax = new StringBuilder();
      if (nameBytes.length > 100) {
        pax.append(paxRecord("path", name));
      }
      if (linkBytes.length > 100) {
        pax.append(paxRecord("linkpath", link));
      }
      byte[] records = pax.toString().getBytes(StandardCharsets.UTF_8);
      out.write(header(truncate("PaxHeaders/" + e.path()), 0644, records.length, (byte) 'x', ""));
      out.write(records);
      pad(out, records.length);
    }
    byte type = switch (e.kind()) {
      case DIRECTORY -> (byte) '5';
      case FILE -> (byte) '0';
      case SYMLINK -> (byte) '2';
    };
    out.write(header(truncate(name), e.mode(), size, type, truncate(link)));
  }

  /** A PAX record "len key=value\n" where len counts the whole record, itself included. */
  private static String paxRecord(String key, String value) {
    int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
    int len = body + String.valueOf(body).length();
    if (String.valueOf(len).length() != String.valueOf(body).length()) {
      len++;
    }
    return len + " " + key + "=" + value + "\n";
  }

  private static String truncate(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return b.length <= 100 ? s : new String(b, 0, 100, StandardCharsets.US_ASCII).replaceAll("[^ -~]", "_");
  }

  private static byte[] header(String name, int mode, long size, byte type, String link) {
    byte[] h = new byte[BLOCK];
    put(h, 0, 100, name.getBytes(StandardCharsets.UTF_8));
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 0);
    h[156] = type;
    put(h, 157, 100, link.getBytes(StandardCharsets.UTF_8));
    put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    octal(h, 329, 8, 0);
    octal(h, 337, 8, 0);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    byte[] chk = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(chk, 0, h, 148, 8);
    return h;
  }

  private static void put(byte[] h, int at, int len, byte[] value) {
    System.arraycopy(value, 0, h, at, Math.min(len, value.length));
  }

  private static void octal(byte[] h, int at, int len, long value) {
    String s = Long.toOctalString(value);
    if (s.length() > len - 1) {
      throw new IllegalArgumentException("value " + value + " does not fit a tar header field of " + len + " bytes");
    }
    String padded = "0".repeat(len - 1 - s.length()) + s;
    put(h, at, len - 1, padded.getBytes(StandardCharsets.US_ASCII));
    h[at + len - 1] = 0;
  }

  private static void pad(OutputStream out, long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }
}
