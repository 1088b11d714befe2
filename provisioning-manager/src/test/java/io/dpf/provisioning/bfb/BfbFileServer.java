package io.dpf.provisioning.bfb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A plain HTTP file server on loopback (the JDK's HttpServer) standing in for the web server a BFB
 * is published on. Files are generated, not stored: byte {@code i} of a file is a function of
 * {@code i}, so gigabytes cost no disk and any range can be served. Supports Range/If-Range with an
 * ETag like nginx, an optional bandwidth limit (to stop a download half way) and recorded requests.
 * Faults: 404 for a file, a connection dropped mid-body, a size advertised but never sent.
 */
public final class BfbFileServer implements AutoCloseable {

  /** What a request asked for: path and Range header (null when absent). */
  public record Request(String path, String range) {}

  private final HttpServer server;
  private final long size;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile long bytesPerSecond = Long.MAX_VALUE;
  private final Set<String> missing = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> cutAfter = new ConcurrentHashMap<>();
  private final Map<String, Long> claimedSize = new ConcurrentHashMap<>();
  private final Map<String, Long> stallAfter = new ConcurrentHashMap<>();
  /** Stalled responses wait on this until the server closes. */
  private final CountDownLatch closing = new CountDownLatch(1);

  private BfbFileServer(long size) throws IOException {
    this.size = size;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** Serves every {@code *.bfb} path as a generated file of {@code size} bytes; anything else is 404. */
  public static BfbFileServer serving(long size) throws IOException {
    return new BfbFileServer(size);
  }

  public String url(String fileName) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + fileName;
  }

  public void limitBandwidth(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  /** Answers 404 for this file until {@link #publish} is called. */
  public void withhold(String fileName) {
    missing.add("/" + fileName);
  }

  public void publish(String fileName) {
    missing.remove("/" + fileName);
  }

  /** The next response for this file drops the connection after {@code bytes} bytes of its body, as a broken link would. */
  public void cutNextResponse(String fileName, long bytes) {
    cutAfter.put("/" + fileName, bytes);
  }

  /** The next response for this file sends {@code bytes} bytes of its body and then nothing, keeping the connection open. */
  public void stallNextResponse(String fileName, long bytes) {
    stallAfter.put("/" + fileName, bytes);
  }

  /**
   * Until {@link #stopClaiming}: responses for this file announce {@code size} bytes (Content-Length,
   * ETag) and drop the connection before the body. It stands in for a file too large for the test's
   * volume; sending nothing means a client that does not check first fails on the cut, and cannot
   * fill the disk other builds share.
   */
  public void claimSize(String fileName, long size) {
    claimedSize.put("/" + fileName, size);
  }

  public void stopClaiming(String fileName) {
    claimedSize.remove("/" + fileName);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** An odd length, so no 2^n-sized block of a file repeats another (a misplaced range would show). */
  private static final int PATTERN_LENGTH = (1 << 20) + 7;
  private static final byte[] PATTERN = new byte[PATTERN_LENGTH];

  static {
    new Random(42).nextBytes(PATTERN);
  }

  /** Byte {@code i} of every served file. */
  public static byte byteAt(long i) {
    return PATTERN[(int) (i % PATTERN_LENGTH)];
  }

  public static String sha256(long size) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[64 * 1024];
    for (long offset = 0; offset < size; offset += buffer.length) {
      int n = (int) Math.min(buffer.length, size - offset);
      fill(buffer, offset, n);
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static void fill(byte[] buffer, long offset, int length) {
    int done = 0;
    while (done < length) {
      int from = (int) ((offset + done) % PATTERN_LENGTH);
      int n = Math.min(length - done, PATTERN_LENGTH - from);
      System.arraycopy(PATTERN, from, buffer, done, n);
      done += n;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    requests.add(new Request(exchange.getRequestURI().getPath(), range));
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.endsWith(".bfb") || missing.contains(path)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      Long claimed = claimedSize.get(path);
      long size = claimed != null ? claimed : this.size;
      Long cut = claimed != null ? Long.valueOf(0) : cutAfter.remove(path);
      String etag = "\"generated-" + size + "\"";
      exchange.getResponseHeaders().add("ETag", etag);
      exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
      long start = 0;
      String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
      if (range != null && (ifRange == null || ifRange.equals(etag))) {
        start = Long.parseLong(range.replace("bytes=", "").split("-")[0]);
        exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (size - 1) + "/" + size);
        exchange.sendResponseHeaders(206, size - start);
      } else {
        exchange.sendResponseHeaders(200, size);
      }
      Long stall = stallAfter.remove(path);
      if (stall != null) {
        send(exchange.getResponseBody(), start, Math.min(size, start + stall), Long.MAX_VALUE);
        exchange.getResponseBody().flush();
        closing.await();
        throw new ConnectionCut(stall);
      }
      send(exchange.getResponseBody(), start, size, cut == null ? Long.MAX_VALUE : cut);
    } catch (ConnectionCut cut) {
      // Out of the handler: the JDK server then closes the socket, after the bytes already flushed.
      throw cut;
    } catch (IOException clientWentAway) {
      // A download stopped half way is what some tests are about.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class ConnectionCut extends IOException {
    ConnectionCut(long sent) {
      super("simulated connection cut after " + sent + " bytes");
    }
  }

  private void send(OutputStream out, long start, long size, long cutAfter) throws IOException {
    byte[] buffer = new byte[256 * 1024];
    long began = System.nanoTime();
    long sent = 0;
    for (long offset = start; offset < size; ) {
      int n = (int) Math.min(Math.min(Math.min(buffer.length, bytesPerSecond), size - offset), cutAfter - sent);
      if (n == 0) {
        out.flush();
        throw new ConnectionCut(sent);
      }
      fill(buffer, offset, n);
      out.write(buffer, 0, n);
      offset += n;
      sent += n;
      pace(began, sent);
    }
  }

  private void pace(long began, long sent) throws IOException {
    long limit = bytesPerSecond;
    if (limit == Long.MAX_VALUE) {
      return;
    }
    long dueNanos = sent * 1_000_000_000L / limit;
    long aheadMillis = (dueNanos - (System.nanoTime() - began)) / 1_000_000;
    if (aheadMillis > 0) {
      try {
        Thread.sleep(aheadMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("server stopping", e);
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
