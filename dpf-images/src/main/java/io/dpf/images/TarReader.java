package io.dpf.images;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a tar (plain or gzip) back into memory: for tests, and for reading image archives that
 * this module or Jib wrote (index.json, manifest.json, small blobs). Understands ustar, PAX path
 * records and GNU long names; not meant for tars larger than the heap.
 */
public final class TarReader {

  /** One entry as stored: type flag as in the header ('0' file, '5' directory, '2' symlink). */
  public record Entry(String name, char type, int mode, long uid, long gid, long mtime, String linkName, byte[] content) {

    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private TarReader() {}

  public static List<Entry> read(Path tar) throws IOException {
    try (InputStream in = Files.newInputStream(tar)) {
      return read(in);
    }
  }

  /** Reads every entry of {@code in}, un-gzipping it first if it starts with the gzip magic. */
  public static List<Entry> read(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    InputStream tar = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in) : in;
    List<Entry> entries = new ArrayList<>();
    Map<String, String> pax = Map.of();
    String longName = null;
    byte[] h = new byte[512];
    while (readFully(tar, h)) {
      if (isZero(h)) {
        break;
      }
      String name = string(h, 0, 100);
      String prefix = string(h, 345, 155);
      if (!prefix.isEmpty() && "ustar".equals(string(h, 257, 5))) {
        name = prefix + "/" + name;
      }
      char type = (char) (h[156] == 0 ? '0' : h[156]);
      long size = octal(h, 124, 12);
      byte[] content = tar.readNBytes((int) size);
      if (content.length != size) {
        throw new IOException("truncated tar: " + name + " has " + content.length + " of " + size + " bytes");
      }
      tar.skipNBytes((512 - size % 512) % 512);
      switch (type) {
        case 'x' -> pax = parsePax(content);
        case 'L' -> longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
        case 'g' -> { }
        default -> {
          String finalName = pax.getOrDefault("path", longName != null ? longName : name);
          String link = pax.getOrDefault("linkpath", string(h, 157, 100));
          entries.add(new Entry(finalName, type, (int) octal(h, 100, 8), octal(h, 108, 8), octal(h, 116, 8),
              octal(h, 136, 12), link, content));
          pax = Map.of();
          longName = null;
        }
      }
    }
    return entries;
  }

  /** The entry named {@code name} (a trailing slash and a leading "./" ignored), or null. */
  public static Entry find(List<Entry> entries, String name) {
    String wanted = strip(name);
    return entries.stream().filter(e -> strip(e.name()).equals(wanted)).findFirst().orElse(null);
  }

  private static String strip(String name) {
    String n = name.startsWith("./") ? name.substring(2) : name;
    return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
  }

  /** PAX records "len key=value\n", len in bytes and counting the whole record. */
  private static Map<String, String> parsePax(byte[] content) {
    Map<String, String> records = new LinkedHashMap<>();
    int at = 0;
    while (at < content.length) {
      int space = at;
      while (content[space] != ' ') {
        space++;
      }
      int len = Integer.parseInt(new String(content, at, space - at, StandardCharsets.US_ASCII));
      String record = new String(content, space + 1, at + len - 1 - (space + 1), StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      records.put(record.substring(0, eq), record.substring(eq + 1));
      at += len;
    }
    return records;
  }

  private static boolean readFully(InputStream in, byte[] block) throws IOException {
    int n = in.readNBytes(block, 0, block.length);
    if (n == 0) {
      return false;
    }
    if (n != block.length) {
      throw new IOException("truncated tar header (" + n + " bytes)");
    }
    return true;
  }

  private static boolean isZero(byte[] h) {
    for (byte b : h) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String string(byte[] h, int at, int len) {
    int end = at;
    while (end < at + len && h[end] != 0) {
      end++;
    }
    return new String(h, at, end - at, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] h, int at, int len) {
    String s = string(h, at, len).trim();
    return s.isEmpty() ? 0 : Long.parseLong(s, 8);
  }
}
