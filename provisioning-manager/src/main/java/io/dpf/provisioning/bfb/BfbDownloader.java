package io.dpf.provisioning.bfb;

import io.dpf.provisioning.bfb.DownloadFailure.Cause;
import io.dpf.provisioning.stream.WriteBehind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Streams one BFB over HTTP(S) into a partial file next to its destination, then renames it into
 * place atomically, so a consumer never sees half a BFB. Memory stays constant ({@link WriteBehind}'s
 * four 1 MiB buffers: the disk writes while the next chunk is read and hashed).
 *
 * <p>The partial file survives a manager restart: the next attempt asks for the rest with
 * {@code Range: bytes=<size>-} and {@code If-Range} (the ETag or Last-Modified seen before, kept in
 * a small side file), and starts over when the server answers with the whole file instead. A
 * connection cut mid-transfer keeps what arrived, so the retry resumes from there.
 *
 * <p>Before writing, the advertised length is checked against the volume's usable space: a BFB that
 * cannot fit fails at once with both figures, instead of filling the volume its neighbours share.
 *
 * <p>The body is read with {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: the
 * latter hands the body over in 16 KiB buffers through a selector thread and a one-slot queue, and
 * on the 2-core build machine it read loopback at about a sixth of the speed (300 vs 1,800 MiB/s,
 * {@code BfbDownloadBenchmark}); the blocking stream reads straight from the socket into our buffer.
 * TLS is the JDK default either way (default trust store, host name checked); redirects are followed
 * as {@code HttpClient.Redirect.NORMAL} did (at most five, never from https to http).
 */
public final class BfbDownloader {

  static final int BUFFER_SIZE = 1 << 20;
  private static final int MAX_REDIRECTS = 5;
  private static final List<Integer> REDIRECTS = List.of(301, 302, 303, 307, 308);

  private final Duration connectTimeout;
  private final Duration readTimeout;

  /** @param readTimeout a body that stalls this long counts as a connection cut (the retry resumes) */
  public BfbDownloader(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  public static BfbDownloader withDefaultClient() {
    return new BfbDownloader(Duration.ofSeconds(30), Duration.ofMinutes(2));
  }

  /** Side file holding the validator of the partial file's contents. */
  static Path validatorFile(Path partial) {
    return partial.resolveSibling(partial.getFileName() + ".validator");
  }

  /**
   * Downloads {@code url} to {@code destination} through {@code partial}; returns when the file is
   * in place. Interrupting the thread stops the download and keeps the partial file for a resume.
   */
  public void download(URI url, Path partial, Path destination, Optional<Checksum> checksum, DownloadProgress progress)
      throws DownloadFailure, InterruptedException {
    HttpURLConnection connection = null;
    try {
      long resumeFrom = Files.exists(partial) ? Files.size(partial) : 0;
      connection = open(url, partial, resumeFrom);
      progress.onStop(connection::disconnect);
      int status = connection.getResponseCode();
      boolean resumed = status == 206 && resumeFrom > 0 && contentRangeStart(connection) == resumeFrom;
      if (!resumed && status != 200) {
        throw new DownloadFailure(Cause.HTTP_STATUS, "GET " + url + " answered HTTP " + status, null);
      }
      try (InputStream body = connection.getInputStream()) {
        long offset = resumed ? resumeFrom : 0;
        long length = connection.getContentLengthLong();
        ensureSpace(url, partial, offset, length);
        progress.total(length < 0 ? -1 : offset + length);
        rememberValidator(partial, connection);
        MessageDigest digest = checksum.map(Checksum::newDigest).orElse(null);
        if (digest != null && offset > 0) {
          digestExisting(partial, offset, digest);
        }
        copy(body, partial, offset, digest, progress);
        if (digest != null && !checksum.get().matches(digest.digest())) {
          Files.deleteIfExists(partial);
          throw new DownloadFailure(Cause.CHECKSUM, "checksum mismatch: " + url + " is not "
              + checksum.get().algorithm() + " " + checksum.get().hex(), null);
        }
      }
      Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(destination.toAbsolutePath().getParent());
      Files.deleteIfExists(validatorFile(partial));
    } catch (IOException e) {
      if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
          || Thread.currentThread().isInterrupted() || progress.stopped()) {
        throw new InterruptedException("download of " + url + " stopped");
      }
      throw classify(url, e);
    } finally {
      progress.onStop(null);
      if (connection != null && (Thread.currentThread().isInterrupted() || progress.stopped())) {
        connection.disconnect();
      }
    }
  }

  /** The response to GET {@code url}, redirects followed; a redirect not followed is returned as it is. */
  private HttpURLConnection open(URI url, Path partial, long resumeFrom) throws IOException {
    URI current = url;
    for (int hops = 0; ; hops++) {
      HttpURLConnection connection = (HttpURLConnection) current.toURL().openConnection();
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout((int) connectTimeout.toMillis());
      connection.setReadTimeout((int) readTimeout.toMillis());
      Path validator = validatorFile(partial);
      if (resumeFrom > 0 && Files.exists(validator)) {
        connection.setRequestProperty("Range", "bytes=" + resumeFrom + "-");
        connection.setRequestProperty("If-Range", Files.readString(validator, StandardCharsets.UTF_8).trim());
      }
      String location = connection.getHeaderField("Location");
      if (!REDIRECTS.contains(connection.getResponseCode()) || location == null || hops == MAX_REDIRECTS) {
        return connection;
      }
      URI next = current.resolve(location.trim());
      if ("https".equalsIgnoreCase(current.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
        return connection;
      }
      connection.disconnect();
      current = next;
    }
  }

  /**
   * Fails when the volume cannot take the rest of the file: the advertised length, less what the
   * partial file already holds (a resume only appends; a restart from 0 truncates and reuses it).
   * Without a Content-Length nothing can be said in advance; ENOSPC is still reported as disk full.
   */
  private static void ensureSpace(URI url, Path partial, long offset, long length) throws IOException, DownloadFailure {
    if (length < 0) {
      return;
    }
    long held = Files.exists(partial) ? Files.size(partial) : 0;
    long needed = offset + length - held;
    Path volume = partial.toAbsolutePath().getParent();
    long usable = Files.getFileStore(volume).getUsableSpace();
    if (needed > usable) {
      throw new DownloadFailure(Cause.DISK_FULL, "disk full: " + url + " needs " + needed + " more bytes (Content-Length "
          + length + ", " + held + " already downloaded) but the BFB volume " + volume + " has " + usable
          + " bytes usable", null);
    }
  }

  private static long contentRangeStart(HttpURLConnection response) {
    // "bytes 100-199/200"
    return Optional.ofNullable(response.getHeaderField("Content-Range"))
        .map(value -> value.replaceFirst("^bytes\\s+", "").split("-")[0])
        .map(Long::parseLong).orElse(-1L);
  }

  private static void rememberValidator(Path partial, HttpURLConnection response) throws IOException {
    Optional<String> validator = Optional.ofNullable(response.getHeaderField("ETag"))
        .or(() -> Optional.ofNullable(response.getHeaderField("Last-Modified")));
    if (validator.isPresent()) {
      Files.writeString(validatorFile(partial), validator.get(), StandardCharsets.UTF_8);
    } else {
      // Without a validator a resumed range could splice two versions of the file together.
      Files.deleteIfExists(validatorFile(partial));
    }
  }

  private static void digestExisting(Path partial, long length, MessageDigest digest) throws IOException {
    try (InputStream in = Files.newInputStream(partial)) {
      byte[] buffer = new byte[BUFFER_SIZE];
      long left = length;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          break;
        }
        digest.update(buffer, 0, read);
        left -= read;
      }
    }
  }

  /**
   * Reads and hashes on this thread while {@link WriteBehind} writes the chunks read before, so
   * the network and the disk work at once; progress counts what is written, not what was read.
   */
  private static void copy(InputStream body, Path partial, long offset, MessageDigest digest, DownloadProgress progress)
      throws IOException, InterruptedException {
    try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      out.truncate(offset);
      out.position(offset);
      progress.bytes(offset);
      long received = offset;
      long counted = 0;
      // Closing waits for the last write and forces the file: on disk before the rename makes it
      // the BFB, so after a power cut the node never finds a complete-looking file whose tail never
      // left the page cache. A connection cut closes it too, keeping every byte that arrived for the
      // resume; a stop or an interrupt drops the chunks not yet written (the file stays a prefix).
      WriteBehind behind = WriteBehind.toChannel("bfb-download", out, true);
      try (behind) {
        while (true) {
          ByteBuffer buffer = behind.buffer();
          int read = read(body, buffer, received, progress.total());
          if (read < 0) {
            break;
          }
          if (Thread.currentThread().isInterrupted() || progress.stopped()) {
            behind.cancel();
            throw new InterruptedException("download stopped");
          }
          if (digest != null) {
            digest.update(buffer.array(), buffer.position(), read);
          }
          behind.filled(read);
          received += read;
          counted = advance(progress, behind.written(), counted);
        }
        if (progress.total() > 0 && received != progress.total()) {
          throw new ConnectionCut(received, progress.total(), null);
        }
      } finally {
        advance(progress, behind.written(), counted);
      }
    }
  }

  /** Tells {@code progress} of the bytes written since it was last told; returns the new count. */
  private static long advance(DownloadProgress progress, long written, long counted) {
    if (written > counted) {
      progress.advance(written - counted);
    }
    return written;
  }

  /** Makes a rename in {@code directory} durable (Linux syncs a directory opened for reading). */
  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  /** A read that fails once the response has begun is the connection lost mid-transfer (a full disk fails a write). */
  private static int read(InputStream body, ByteBuffer buffer, long received, long total) throws IOException {
    try {
      return body.read(buffer.array(), buffer.position(), buffer.remaining());
    } catch (SocketTimeoutException stalled) {
      // A timeout is an InterruptedIOException too, but nobody stopped us: the link broke, the retry resumes.
      throw new ConnectionCut(received, total, stalled);
    } catch (InterruptedIOException stopped) {
      throw stopped;
    } catch (IOException e) {
      throw new ConnectionCut(received, total, e);
    }
  }

  /** The body ended, or broke, before the advertised length: a proxy, a server restart, a network cut. */
  private static final class ConnectionCut extends IOException {
    ConnectionCut(long written, long total, IOException cause) {
      super("connection cut after " + written + (total > 0 ? " of " + total : "") + " bytes ("
          + (cause == null ? "EOF before the advertised length" : rootMessage(cause)) + ")", cause);
    }

    // The JDK client's outer exceptions say "closed"; the innermost says what happened ("EOF reached while reading").
    private static String rootMessage(Throwable e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return String.valueOf(root.getMessage());
    }
  }

  static DownloadFailure classify(URI url, IOException e) {
    String message = String.valueOf(e.getMessage());
    if (unresolved(e)) {
      return new DownloadFailure(Cause.DNS, "cannot resolve host " + url.getHost(), e);
    }
    if (e instanceof ConnectException) {
      return new DownloadFailure(Cause.CONNECTION, "cannot connect to " + url.getHost() + ":" + port(url) + ": "
          + message, e);
    }
    if (e instanceof ConnectionCut) {
      return new DownloadFailure(Cause.CONNECTION_CUT, "downloading " + url + ": " + message, e);
    }
    if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
      return new DownloadFailure(Cause.DISK_FULL, "disk full writing the BFB volume: " + message, e);
    }
    return new DownloadFailure(Cause.IO, "downloading " + url + " failed: " + e.getClass().getSimpleName() + ": "
        + message, e);
  }

  // The JDK client reports an unknown host as a ConnectException caused by UnresolvedAddressException.
  private static boolean unresolved(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private static int port(URI url) {
    return url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
  }
}
