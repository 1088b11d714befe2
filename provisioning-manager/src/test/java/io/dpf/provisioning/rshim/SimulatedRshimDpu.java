package io.dpf.provisioning.rshim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SIMULATED BlueField behind a host's rshim device, for tests: {@code <root>/rshim<N>/boot} is a
 * link to a named pipe (a character device takes a stream the same way) and {@code misc} a file with the
 * device's header. Like the DPU, it resets when a push opens {@code boot} (its log starts over),
 * takes the stream at a limited rate until the writer closes it, then "installs": log lines appear
 * in {@code misc}, ending with {@code Linux up}. Every image it received is kept as a SHA-256.
 */
public final class SimulatedRshimDpu implements AutoCloseable {

  private static final String PIPE = ".boot-pipe";
  /** A rate for benchmarks: the DPU takes the stream as fast as it comes. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  private final Path device;
  private final String header;
  private final long bytesPerSecond;
  private final List<String> images = new CopyOnWriteArrayList<>();
  private final AtomicLong receiving = new AtomicLong(-1);
  private final Thread dpu;
  private volatile boolean closed;
  private volatile String failNextInstall;
  private Process occupant;

  private SimulatedRshimDpu(Path device, String pciAddress, long bytesPerSecond) throws IOException {
    this.device = device;
    this.header = "DISPLAY_LEVEL   0 (0:basic, 1:advanced, 2:log)\nDEV_NAME        pcie-" + pciAddress
        + "\nDEV_INFO        BlueField-3(Rev 1)\n";
    this.bytesPerSecond = bytesPerSecond;
    Files.createDirectories(device);
    // The DPU reads the pipe by a name of its own; boot links to it, so occupy() can swap boot alone.
    Process mkfifo = new ProcessBuilder("mkfifo", device.resolve(PIPE).toString()).inheritIO().start();
    try {
      if (mkfifo.waitFor() != 0) {
        throw new IOException("mkfifo " + device.resolve(PIPE) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    Files.createSymbolicLink(device.resolve("boot"), device.resolve(PIPE).getFileName());
    Files.writeString(device.resolve("misc"), header, StandardCharsets.UTF_8);
    dpu = new Thread(this::run, "simulated-dpu-" + device.getFileName());
    dpu.setDaemon(true);
    dpu.start();
  }

  /** {@code <root>/<name>} for the DPU at {@code pciAddress} (e.g. {@code 0000:4b:00.2}). */
  public static SimulatedRshimDpu create(Path root, String name, String pciAddress, long bytesPerSecond)
      throws IOException {
    return new SimulatedRshimDpu(root.resolve(name), pciAddress, bytesPerSecond);
  }

  /** SHA-256 of every image received, one per push. */
  public List<String> images() {
    return List.copyOf(images);
  }

  /** Bytes of the push in progress, or -1 when none is. */
  public long receiving() {
    return receiving.get();
  }

  private void run() {
    byte[] buffer = new byte[64 * 1024];
    while (!closed) {
      try {
        long total = 0;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream boot = Files.newInputStream(device.resolve(PIPE))) {
          if (closed) {
            return;
          }
          Files.writeString(device.resolve("misc"), header, StandardCharsets.UTF_8); // a reset clears the log
          long started = System.nanoTime();
          receiving.set(0);
          for (int n; (n = boot.read(buffer)) >= 0; ) {
            sha.update(buffer, 0, n);
            total += n;
            receiving.set(total);
            if (bytesPerSecond != UNLIMITED) {
              long due = started + total * 1_000_000_000L / bytesPerSecond;
              long sleep = due - System.nanoTime();
              if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
              }
            }
          }
          receiving.set(-1);
        }
        // boot is closed before the install runs: a push that opens it meanwhile waits for the next
        // reset instead of writing into a reader that is about to go (a broken pipe).
        if (total == 0) {
          continue;
        }
        images.add(HexFormat.of().formatHex(sha.digest()));
        String failure = failNextInstall;
        if (failure != null) {
          failNextInstall = null;
          log(" INFO[BL2]: start", " INFO[MISC]: Ubuntu installation started", failure);
          continue;
        }
        log(" INFO[BL2]: start", " INFO[UEFI]: eMMC init", " INFO[MISC]: Ubuntu installation started",
            " INFO[MISC]: Installation finished", " INFO[MISC]: Rebooting...", " INFO[MISC]: Linux up");
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!closed) {
          System.err.println("simulated DPU " + device + ": " + e);
        }
      }
    }
  }

  /** The next install ends with this line (say, a CRITICAL ERROR) instead of booting. */
  public void failNextInstall(String line) {
    failNextInstall = line;
  }

  /**
   * Makes {@code boot} refuse writers with a busy error, as rshim does while another backend (the
   * BMC's rshim, a second bfb-install) holds the device. The kernel's stand-in: {@code boot} becomes a
   * running executable, which no process may open for writing (ETXTBSY, "Text file busy").
   */
  public synchronized void occupy() throws IOException {
    Path boot = device.resolve("boot");
    Files.delete(boot);
    Files.copy(Path.of("/bin/sleep"), boot);
    boot.toFile().setExecutable(true);
    occupant = new ProcessBuilder(boot.toString(), "600").start();
  }

  /** Ends {@link #occupy}: the device takes pushes again. */
  public synchronized void release() throws IOException, InterruptedException {
    occupant.destroyForcibly().waitFor();
    Files.delete(device.resolve("boot"));
    Files.createSymbolicLink(device.resolve("boot"), device.resolve(PIPE).getFileName());
  }

  private void log(String... lines) throws IOException, InterruptedException {
    for (String line : lines) {
      Thread.sleep(100);
      Files.writeString(device.resolve("misc"), line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    }
  }

  @Override
  public void close() {
    closed = true;
    if (occupant != null) {
      occupant.destroyForcibly();
    }
    dpu.interrupt();
    // A reader blocked opening the pipe waits for a writer; open one, on a thread of its own since
    // the open blocks too when no reader is there any more.
    Thread unblock = new Thread(() -> {
      try (OutputStream writer = Files.newOutputStream(device.resolve(PIPE))) {
        writer.flush();
      } catch (IOException ignored) {
        // nothing was waiting
      }
    }, "simulated-dpu-close");
    unblock.setDaemon(true);
    unblock.start();
  }
}
