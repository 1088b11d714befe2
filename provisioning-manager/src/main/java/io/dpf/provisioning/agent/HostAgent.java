package io.dpf.provisioning.agent;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.HostAgentReport;
import io.dpf.api.provisioning.v1alpha1.HostAgentState;
import io.dpf.provisioning.rshim.RshimDevice;
import io.dpf.provisioning.stream.WriteBehind;
import io.dpf.runtime.tls.Pem;
import io.dpf.runtime.tls.TlsContexts;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rshim host agent: one install of one DPU, run in a privileged pod on the DPU's host. It finds
 * the DPU's rshim device by PCI address, streams the image (BFB + bf.cfg, from the manager's image
 * endpoint) into {@code boot}, then reads the install log in {@code misc} until the DPU is up or the
 * installer failed, reporting each step in the DPU's status. A restarted container continues from its
 * own last report: after a finished push it only watches the log; a push that was cut starts over,
 * because opening {@code boot} resets the DPU and a stream cannot be resumed half-way.
 */
public final class HostAgent {

  /** How a run ended; the process exits 0 on every one of them, so the kubelet does not restart it. */
  public enum Outcome { SUCCEEDED, FAILED, DPU_GONE }

  private static final Logger LOG = LoggerFactory.getLogger(HostAgent.class);

  private final KubernetesClient client;
  private final HostAgentArgs args;
  private final Clock clock;
  private final AgentReporter reporter;
  /** The pinned certificate's trust, or null for plain HTTP / the JDK's default trust. */
  private final SSLSocketFactory pinned;

  public HostAgent(KubernetesClient client, HostAgentArgs args, Clock clock) {
    this.client = client;
    this.args = args;
    this.clock = clock;
    this.reporter = new AgentReporter(client, args, clock);
    // The image carries bf.cfg with the DPU cluster's join token: only the manager's endpoint may serve it.
    this.pinned = args.imageCertificatePem() == null ? null
        : TlsContexts.trusting(Pem.decodeCertificates(args.imageCertificatePem())).getSocketFactory();
  }

  public Outcome run() throws InterruptedException {
    DPU dpu = dpu();
    if (dpu == null) {
      return Outcome.DPU_GONE;
    }
    Optional<HostAgentReport> mine = Optional.ofNullable(dpu.getStatus()).map(s -> s.getHostAgent())
        .filter(r -> args.podUid().equals(r.getPodUid()) && r.getState() != null);
    if (mine.isPresent() && mine.get().getState() == HostAgentState.SUCCEEDED) {
      return Outcome.SUCCEEDED;
    }
    if (mine.isPresent() && mine.get().getState() == HostAgentState.FAILED) {
      return Outcome.FAILED;
    }
    RshimDevice device;
    try {
      device = RshimDevice.forDpu(args.rshimRoot(), dpu.getSpec().getRshimDevice(), dpu.getSpec().getPciAddress())
          .orElse(null);
    } catch (IOException e) {
      return fail(null, 0, "cannot read the rshim devices under " + args.rshimRoot() + ": " + e.getMessage());
    }
    if (device == null) {
      return fail(null, 0, "no rshim device under " + args.rshimRoot() + " reports PCI address "
          + dpu.getSpec().getPciAddress() + " (is rshim running on the host?)");
    }
    String name = device.directory().getFileName().toString();
    int pushes = mine.map(r -> Optional.ofNullable(r.getPushes()).orElse(0)).orElse(0);
    if (mine.isEmpty() || mine.get().getState() == HostAgentState.PUSHING) {
      pushes++;
      Optional<String> failure = push(device, name, pushes);
      if (failure.isPresent()) {
        return fail(name, pushes, failure.get());
      }
    }
    return watchInstallLog(device, name, pushes);
  }

  /**
   * Streams the image into boot; empty when done, else why it failed. The image endpoint lives in
   * the manager's pod: when the stream breaks (the manager restarted) boot stays open and the rest
   * is fetched with {@code Range} once the endpoint is back, so the DPU sees a pause, not a new push.
   */
  private Optional<String> push(RshimDevice device, String name, int pushes) throws InterruptedException {
    LOG.info("pushing {} into {}/boot (push {})", args.imageUrl(), device.directory(), pushes);
    // Bytes read from the endpoint and handed to the writer: boot will get every one of them (or
    // the push fails), so a cut stream resumes from here, while progress reports what boot took.
    long received = 0;
    long total = -1;
    Instant lastReport = Instant.MIN;
    Instant sourceLost = null;
    // The writer thread feeds boot while this one reads the next chunk; closing it (before boot)
    // waits for the last write.
    try (OutputStream boot = device.openBoot(); WriteBehind behind = WriteBehind.to("rshim-push", boot::write)) {
      while (total < 0 || received < total) {
        checkInterrupted();
        Source source;
        try {
          source = fetch(received);
          sourceLost = null;
        } catch (SourceFailure e) {
          return Optional.of(e.getMessage());
        } catch (IOException e) {
          sourceLost = sourceLost == null ? clock.instant() : sourceLost;
          if (Duration.between(sourceLost, clock.instant()).compareTo(args.resumeWindow()) > 0) {
            return Optional.of("the image endpoint " + args.imageUrl() + " was unreachable for "
                + args.resumeWindow().toSeconds() + " s at byte " + received + ": " + e);
          }
          reporter.report(HostAgentState.PUSHING, name, behind.written(), total, pushes,
              "image endpoint unreachable at byte " + received + ", boot held open, retrying: " + e.getMessage());
          pause(behind);
          continue;
        }
        total = source.total();
        try (InputStream body = source.body()) {
          for (int n; ; ) {
            checkInterrupted();
            ByteBuffer buffer = behind.buffer();
            try {
              n = body.read(buffer.array(), buffer.position(), buffer.remaining());
            } catch (IOException cut) {
              LOG.info("image stream cut at byte {}: {}; resuming", received, cut.getMessage());
              break;
            }
            if (n < 0) {
              break;
            }
            behind.filled(n);
            received += n;
            if (Duration.between(lastReport, clock.instant()).compareTo(args.progressInterval()) >= 0) {
              lastReport = clock.instant();
              reporter.report(HostAgentState.PUSHING, name, behind.written(), total, pushes, null);
            }
          }
        }
      }
    } catch (InterruptedIOException e) {
      throw new InterruptedException("stopped during the push");
    } catch (IOException e) {
      return Optional.of(device.describePushFailure(e));
    }
    reporter.report(HostAgentState.INSTALLING, name, received, total, pushes, "image sent; waiting for the install log");
    return Optional.empty();
  }

  /** Waits before the next fetch; an interrupt drops what boot has not taken yet (the push is over). */
  private void pause(WriteBehind behind) throws InterruptedException {
    try {
      Thread.sleep(args.pollInterval().toMillis());
    } catch (InterruptedException e) {
      behind.cancel();
      throw e;
    }
  }

  private record Source(InputStream body, long total) {}

  /** A failure retrying will not fix (the endpoint answered, but not with the image). */
  private static final class SourceFailure extends IOException {
    SourceFailure(String message) {
      super(message);
    }
  }

  /**
   * The image from byte {@code from} on, with the whole image's length. Read with the blocking
   * {@link HttpURLConnection}: {@code java.net.http.HttpClient} hands a body over in 16 KiB buffers
   * through a selector thread and read loopback at a sixth of its speed (RshimPushBenchmark). The
   * host name is checked against the pinned certificate as before (the default host name verifier).
   */
  private Source fetch(long from) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(args.imageUrl()).toURL().openConnection();
    if (pinned != null && connection instanceof HttpsURLConnection https) {
      https.setSSLSocketFactory(pinned);
    }
    connection.setConnectTimeout(20_000);
    connection.setReadTimeout((int) Math.max(1_000, args.resumeWindow().toMillis()));
    if (from > 0) {
      connection.setRequestProperty("Range", "bytes=" + from + "-");
    }
    int status = connection.getResponseCode();
    if (status == 206) {
      String range = String.valueOf(connection.getHeaderField("Content-Range"));
      return new Source(connection.getInputStream(), Long.parseLong(range.substring(range.lastIndexOf('/') + 1)));
    }
    if (status == 200) {
      long total = connection.getContentLengthLong();
      if (total < 0) {
        connection.disconnect();
        throw new SourceFailure("the image endpoint " + args.imageUrl() + " sent no Content-Length");
      }
      InputStream body = connection.getInputStream();
      body.skipNBytes(from); // an endpoint without ranges: the bytes already written are read again and dropped
      return new Source(body, total);
    }
    connection.disconnect();
    if (status >= 500) {
      throw new IOException("HTTP " + status);
    }
    throw new SourceFailure("the image endpoint " + args.imageUrl() + " answered HTTP " + status);
  }

  private static void checkInterrupted() throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted");
    }
  }

  private Outcome watchInstallLog(RshimDevice device, String name, int pushes) throws InterruptedException {
    String reported = null;
    while (true) {
      try {
        RshimDevice.Outcome outcome = device.outcome();
        String line = device.lastLogLine();
        if (outcome == RshimDevice.Outcome.SUCCEEDED) {
          reporter.report(HostAgentState.SUCCEEDED, name, 0, -1, pushes, line);
          return Outcome.SUCCEEDED;
        }
        if (outcome == RshimDevice.Outcome.FAILED) {
          return fail(name, pushes, "install log in " + device.directory() + "/misc reports: " + line);
        }
        if (!line.equals(reported)) {
          reporter.report(HostAgentState.INSTALLING, name, 0, -1, pushes, line);
          reported = line;
        }
      } catch (IOException e) {
        LOG.warn("cannot read {}/misc: {}", device.directory(), e.getMessage());
      }
      Thread.sleep(args.pollInterval().toMillis());
    }
  }

  private Outcome fail(String device, int pushes, String message) {
    LOG.warn("install failed: {}", message);
    reporter.report(HostAgentState.FAILED, device, 0, -1, pushes, message);
    return Outcome.FAILED;
  }

  private DPU dpu() {
    return client.resources(DPU.class).inNamespace(args.dpuNamespace()).withName(args.dpuName()).get();
  }
}
