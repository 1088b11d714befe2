package io.dpf.provisioning.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path dir;

  @Test
  void aFileGetsTheSameBytesInTheSameOrderWhateverTheReadSizes() throws Exception {
    byte[] image = random(3 * WriteBehind.BUFFER_SIZE + 17);
    Path file = dir.resolve("image.bfb");
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long copied;
      try (WriteBehind out = WriteBehind.toChannel("test", channel, true)) {
        copied = copy(new OddReads(image, 65_537), out);
      }
      assertThat(copied).isEqualTo(image.length);
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(image);
  }

  @Test
  void manySmallBuffersCycleWithoutLosingOrReorderingAByte() throws Exception {
    byte[] image = random(100_003);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    WriteBehind out = new WriteBehind("test", sink::write, 3, 1_000, null, 0);
    try (out) {
      copy(new OddReads(image, 997), out);
    }
    assertThat(sink.toByteArray()).isEqualTo(image);
    assertThat(out.written()).isEqualTo(image.length);
    assertThat(out.allocated()).isLessThanOrEqualTo(3);
  }

  @Test
  void aFailedWriteReachesTheCallerAsTheSameException() throws Exception {
    IOException diskFull = new IOException("No space left on device");
    AtomicInteger writes = new AtomicInteger();
    WriteBehind out = new WriteBehind("test", (bytes, offset, length) -> {
      if (writes.incrementAndGet() == 3) {
        throw diskFull;
      }
    }, 2, 1_000, null, 0);
    assertThatThrownBy(() -> {
      try (out) {
        copy(new OddReads(random(1_000_000), 1_000), out);
      }
    }).isSameAs(diskFull);
    assertThat(writes.get()).as("the writer stops at its first failure").isEqualTo(3);
    assertThat(out.writerThread().isAlive()).isFalse();
  }

  @Test
  void aFailureOfTheLastWriteIsThrownByClose() throws Exception {
    IOException busy = new IOException("Device or resource busy");
    WriteBehind out = new WriteBehind("test", (bytes, offset, length) -> {
      throw busy;
    }, 2, 1_000, null, 0);
    ByteBuffer buffer = out.buffer();
    buffer.array()[buffer.position()] = 1;
    out.filled(1);
    assertThatThrownBy(out::close).isSameAs(busy);
  }

  @Test
  void anInterruptedCallerStopsTheWriterAndLeavesNoThreadBehind() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    WriteBehind out = new WriteBehind("test", (bytes, offset, length) -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        throw new InterruptedIOException("write interrupted");
      }
    }, 2, 1_000, null, 0);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try (out) {
        while (true) {
          out.filled(out.buffer().remaining());
        }
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    caller.start();
    await().atMost(WAIT).until(() -> caller.getState() == Thread.State.WAITING && out.allocated() == 2);

    caller.interrupt();
    caller.join(WAIT.toMillis());

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(out.writerThread().isAlive()).isFalse();
    assertThat(never.getCount()).isEqualTo(1);
  }

  @Test
  void theCallerWaitsOnceEveryBufferOfThePoolIsQueued() throws Exception {
    Semaphore writes = new Semaphore(0);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    WriteBehind out = new WriteBehind("test", (bytes, offset, length) -> {
      writes.acquireUninterruptibly();
      sink.write(bytes, offset, length);
    }, 4, 1_000, null, 0);
    byte[] image = random(20_000);
    AtomicInteger handedOver = new AtomicInteger();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try (out; InputStream in = new ByteArrayInputStream(image)) {
        while (true) {
          ByteBuffer buffer = out.buffer();
          int n = in.readNBytes(buffer.array(), buffer.position(), buffer.remaining());
          if (n == 0) {
            break;
          }
          out.filled(n);
          handedOver.incrementAndGet();
        }
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    caller.start();

    await().atMost(WAIT).until(() -> caller.getState() == Thread.State.WAITING && handedOver.get() == 4);
    assertThat(out.allocated()).isEqualTo(4);
    assertThat(out.written()).isZero();

    writes.release(Integer.MAX_VALUE / 2);
    caller.join(WAIT.toMillis());
    assertThat(thrown.get()).isNull();
    assertThat(sink.toByteArray()).isEqualTo(image);
    assertThat(out.allocated()).isEqualTo(4);
    assertThat(out.writerThread().isAlive()).isFalse();
  }

  @Test
  void aFileIsSyncedWhileTheWritesGoOnAndForcedOnceAtTheEnd() throws Exception {
    List<Boolean> forces = new CopyOnWriteArrayList<>();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    byte[] image = random(50_001);
    WriteBehind out = new WriteBehind("test", sink::write, 3, 1_000, forces::add, 5_000);
    try (out) {
      copy(new OddReads(image, 1_000), out);
    }
    assertThat(sink.toByteArray()).isEqualTo(image);
    assertThat(forces).as("background syncs, then the final force").hasSizeGreaterThan(1).endsWith(true);
    assertThat(forces.subList(0, forces.size() - 1)).containsOnly(false);
  }

  @Test
  void aFailedBackgroundSyncFailsTheStreamLikeAWrite() throws Exception {
    IOException ioError = new IOException("Input/output error");
    WriteBehind out = new WriteBehind("test", (bytes, offset, length) -> { }, 2, 1_000, metadata -> {
      throw ioError;
    }, 1_000);
    assertThatThrownBy(() -> {
      try (out) {
        copy(new OddReads(random(10_000_000), 1_000), out);
      }
    }).isSameAs(ioError);
  }

  /** The callers' loop: read into the free space, hand it over; returns the bytes read. */
  private static long copy(InputStream in, WriteBehind out) throws IOException, InterruptedException {
    long total = 0;
    while (true) {
      ByteBuffer buffer = out.buffer();
      int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
      if (n < 0) {
        return total;
      }
      out.filled(n);
      total += n;
    }
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  /** A stream whose reads return 1 to {@code largest} bytes, varying, as a socket's do. */
  private static final class OddReads extends InputStream {
    private final ByteArrayInputStream in;
    private final int largest;
    private final Random sizes = new Random(3);

    OddReads(byte[] bytes, int largest) {
      this.in = new ByteArrayInputStream(bytes);
      this.largest = largest;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, 1 + sizes.nextInt(largest)));
    }
  }
}
