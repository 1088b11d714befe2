package io.dpf.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** For benchmarks: samples this JVM's used heap every 100 ms until closed, keeping the peak; and the loopback baseline. */
public final class HeapPeak implements AutoCloseable {

  private final AtomicLong peak = new AtomicLong();
  private final Thread sampler;

  private HeapPeak() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-peak");
    sampler.setDaemon(true);
    sampler.start();
  }

  public static HeapPeak start() {
    return new HeapPeak();
  }

  public double mib() {
    return peak.get() / 1024.0 / 1024.0;
  }

  @Override
  public void close() {
    sampler.interrupt();
  }

  /**
   * Seconds for {@code curl} to copy {@code url} into {@code destination} (a file, a device, or
   * /dev/null for the network alone): the raw loopback copy of the same bytes by a plain native
   * client; -1 when curl is not installed.
   */
  public static double curlSeconds(String url, Path destination) throws Exception {
    long start = System.nanoTime();
    Process curl;
    try {
      curl = new ProcessBuilder("curl", "-sS", "--fail", "-o", destination.toString(), url).inheritIO().start();
    } catch (IOException notInstalled) {
      return -1;
    }
    if (curl.waitFor() != 0) {
      throw new AssertionError("curl " + url + " exited " + curl.exitValue());
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Seconds for {@code curl | dd bs=1M} to copy {@code url} into {@code destination}: a native raw
   * copy that, like the host agent, writes 1 MiB at a time while the next is read (curl alone writes
   * each chunk it receives, up to 100 KiB, as it comes); -1 when curl is not installed.
   */
  public static double curlThroughDdSeconds(String url, Path destination) throws Exception {
    try {
      new ProcessBuilder("curl", "--version").redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    } catch (IOException notInstalled) {
      return -1;
    }
    long start = System.nanoTime();
    Process copy = new ProcessBuilder("bash", "-c", "set -o pipefail; curl -sS --fail \"$1\" | dd of=\"$2\" bs=1M"
        + " iflag=fullblock status=none", "copy", url, destination.toString()).inheritIO().start();
    if (copy.waitFor() != 0) {
      throw new AssertionError("curl | dd of " + url + " exited " + copy.exitValue());
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * Seconds for the native raw copy a download is fairly measured against, doing the same work:
   * {@code curl | tee file | openssl dgst -sha256} (sha256sum without openssl), then {@code sync file}
   * (an fsync of it), checking that the SHA-256 is {@code sha256}; -1 when curl is not installed. The pipeline's three processes
   * overlap the network, the disk and the hash by themselves.
   */
  public static double curlHashSyncSeconds(String url, Path file, String sha256) throws Exception {
    try {
      new ProcessBuilder("curl", "--version").redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    } catch (IOException notInstalled) {
      return -1;
    }
    long start = System.nanoTime();
    // openssl hashes with the CPU's SHA instructions, as the JVM does; coreutils' sha256sum does
    // not (a fifth of the speed here) and would make the baseline look slower than it need be.
    String hash = "$(command -v openssl >/dev/null && echo 'openssl dgst -sha256 -r' || echo sha256sum)";
    Process copy = new ProcessBuilder("bash", "-c", "set -o pipefail; curl -sS --fail \"$1\" | tee \"$2\" | " + hash
        + " && sync \"$2\"", "copy", url, file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(copy.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    if (copy.waitFor() != 0 || !out.startsWith(sha256)) {
      throw new AssertionError("curl | tee | hash of " + url + " exited " + copy.exitValue() + ": " + out);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The benchmarks' old baseline: seconds to read {@code url} over loopback into nothing, 1 MiB at a
   * time, with the JDK's {@code java.net.http.HttpClient} (which the
   * downloader and host agent used before: it reads loopback at about a sixth of curl's speed),
   * checking that {@code expected} bytes came.
   */
  public static double rawLoopbackSeconds(String url, long expected) throws Exception {
    long start = System.nanoTime();
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
    byte[] buffer = new byte[1 << 20];
    long read = 0;
    try (InputStream body = response.body()) {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        read += n;
      }
    }
    if (read != expected) {
      throw new AssertionError("raw loopback read " + read + " of " + expected + " bytes");
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
