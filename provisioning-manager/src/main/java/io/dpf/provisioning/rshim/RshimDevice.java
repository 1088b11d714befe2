package io.dpf.provisioning.rshim;

import io.dpf.provisioning.stream.WriteBehind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * One rshim device directory ({@code /dev/rshim<N>} with {@code boot} and {@code misc}), as
 * rshim-user-space exposes a BlueField to its host. Installing is what {@code bfb-install} does:
 * ask {@code misc} for the install log, stream {@code cat bfb bf.cfg} into {@code boot} (which resets
 * the DPU and boots the stream), then read {@code misc} until the log says the DPU is up or failed.
 */
public final class RshimDevice {

  /** What {@code misc}'s install log says. */
  public enum Outcome { INSTALLING, SUCCEEDED, FAILED }

  static final List<String> SUCCESS_MARKERS = List.of("Rebooting...", "DPU is ready", "Linux up");
  static final String FAILURE_MARKER = "CRITICAL ERROR";

  private final Path directory;

  public RshimDevice(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /**
   * The device whose {@code misc} names the DPU's PCI address ({@code DEV_NAME pcie-0000:4b:00.x}
   * for label form {@code 0000-4b-00}), among {@code <root>/rshim*}.
   */
  public static Optional<RshimDevice> find(Path root, String pciLabel) throws IOException {
    String wanted = "pcie-" + pciLabel.toLowerCase(Locale.ROOT).replaceFirst("^(\\w{4})-(\\w{2})-(\\w{2})$", "$1:$2:$3.");
    try (DirectoryStream<Path> devices = Files.newDirectoryStream(root, "rshim*")) {
      for (Path device : devices) {
        Path misc = device.resolve("misc");
        if (Files.isReadable(misc) && Files.readAllLines(misc, StandardCharsets.UTF_8).stream()
            .anyMatch(line -> line.startsWith("DEV_NAME") && line.toLowerCase(Locale.ROOT).contains(wanted))) {
          return Optional.of(new RshimDevice(device));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The DPU's device under {@code root}: the one it names ({@code spec.rshimDevice}), else the one
   * whose {@code misc} reports its PCI address; empty when none does.
   */
  public static Optional<RshimDevice> forDpu(Path root, String named, String pciLabel) throws IOException {
    if (named != null) {
      return Optional.of(new RshimDevice(root.resolve(named)));
    }
    return pciLabel == null ? Optional.empty() : find(root, pciLabel);
  }

  /** Why a push into {@code boot} failed, in words an operator acts on (rshim answers EBUSY when held). */
  public String describePushFailure(IOException e) {
    String busy = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("busy")
        ? " (rshim busy: another process holds the device)" : "";
    return "writing " + directory.resolve("boot") + " failed: " + e.getMessage() + busy;
  }

  /** Streams the files, in order, into {@code boot}; constant memory. Throws when the device is busy. */
  public void boot(List<Path> files, LongConsumer written) throws IOException {
    List<InputStream> streams = new ArrayList<>();
    try {
      for (Path file : files) {
        streams.add(Files.newInputStream(file));
      }
      boot(new SequenceInputStream(Collections.enumeration(streams)), written);
    } finally {
      for (InputStream stream : streams) {
        stream.close();
      }
    }
  }

  /**
   * Streams {@code image} (a BFB followed by its bf.cfg) into {@code boot}; constant memory. The
   * file is read on this thread while {@link WriteBehind}'s thread writes the chunks before it into
   * boot; {@code written} hears the bytes boot has taken, ending with the whole image.
   */
  public void boot(InputStream image, LongConsumer written) throws IOException {
    long told = 0;
    try (OutputStream boot = openBoot()) {
      WriteBehind behind = WriteBehind.to("rshim-boot", boot::write);
      try (behind) {
        for (int n; ; ) {
          ByteBuffer buffer = behind.buffer();
          if ((n = image.read(buffer.array(), buffer.position(), buffer.remaining())) < 0) {
            break;
          }
          behind.filled(n);
          if (behind.written() > told) {
            told = behind.written();
            written.accept(told);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("push into " + directory.resolve("boot") + " interrupted");
      }
      if (behind.written() > told) {
        written.accept(behind.written());
      }
    }
  }

  /**
   * Opens {@code boot} for a push: the DPU resets and boots whatever is written until it is closed.
   * Throws when the device is busy (another process holds it).
   */
  public OutputStream openBoot() throws IOException {
    // Level 2 makes misc carry the install log we read afterwards (bfb-install does the same).
    Files.writeString(directory.resolve("misc"), "DISPLAY_LEVEL 2\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    return Files.newOutputStream(directory.resolve("boot"), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  public Outcome outcome() throws IOException {
    String log = Files.readString(directory.resolve("misc"), StandardCharsets.UTF_8);
    if (log.contains(FAILURE_MARKER)) {
      return Outcome.FAILED;
    }
    return SUCCESS_MARKERS.stream().anyMatch(log::contains) ? Outcome.SUCCEEDED : Outcome.INSTALLING;
  }

  /** The last line of {@code misc}, for status messages. */
  public String lastLogLine() throws IOException {
    List<String> lines = Files.readAllLines(directory.resolve("misc"), StandardCharsets.UTF_8);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
  }
}
