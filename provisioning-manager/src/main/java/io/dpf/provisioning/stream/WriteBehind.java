package io.dpf.provisioning.stream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Overlaps a stream's writes with its reads: the caller reads (and hashes) into one buffer while a
 * writer thread drains the buffers filled before it, in order, into a {@link Sink} (a file, rshim's
 * {@code boot}). Without it a BFB's network read and its disk or device write take turns on one
 * thread, and each waits for the other. The buffers are a fixed pool ({@value #BUFFERS} x 1 MiB by
 * default), so memory stays constant however large the image: the caller waits for a free buffer
 * when the writer falls behind.
 *
 * <p>The caller's loop: {@link #buffer()}, read into its free space, {@link #filled(int)}; then
 * {@link #close()}, which waits until every byte handed over is written (and forces the file to
 * disk, when made with {@link #toChannel}: then a second thread also syncs the file every
 * {@link #SYNC_EVERY} bytes while the writes go on). A buffer goes to the writer when it is full, or at once
 * when the writer is idle, so a slow network still sees each read written (and counted) promptly.
 *
 * <p>The one rule: a write that failed is never lost. The writer stops at its first failure and the
 * caller gets that very exception (same class and message, for callers that classify it) from its
 * next {@code buffer()}, {@code filled()} or {@code close()}. A caller that is interrupted (or calls
 * {@link #cancel()}) drops what is queued, and {@code close()} returns once the writer thread has
 * ended: no write outlives the stream and no thread is left behind.
 */
public final class WriteBehind implements AutoCloseable {

  /** Where the bytes go; called on the writer thread only, one chunk at a time, in order. */
  @FunctionalInterface
  public interface Sink {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }

  /** What makes a file's written bytes durable: {@code FileChannel::force}. */
  @FunctionalInterface
  public interface Forcer {
    void force(boolean metadata) throws IOException;
  }

  public static final int BUFFERS = 4;
  public static final int BUFFER_SIZE = 1 << 20;
  /**
   * Bytes written between two background syncs of a file. Without them the kernel keeps a BFB in
   * the page cache (the dirty limits are a share of RAM: GiBs) and writes it to disk only in the
   * final force, after the last byte arrived: the disk would still not overlap the network.
   */
  public static final long SYNC_EVERY = 32L << 20;

  private record Chunk(byte[] bytes, int length) {}

  private final Sink sink;
  private final Forcer forcer;
  private final long syncEvery;
  private final Thread syncer;
  private final int buffers;
  private final int bufferSize;
  private final Thread writer;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled on every change either side waits for: a chunk queued or written, the end, a failure. */
  private final Condition changed = lock.newCondition();
  private final Deque<byte[]> free = new ArrayDeque<>();
  private final Deque<Chunk> queue = new ArrayDeque<>();
  private int allocated;
  private boolean writing;
  private boolean ending;
  private boolean cancelled;
  private Throwable failure;
  private boolean reported;
  private boolean closed;
  private long unsynced;
  private boolean syncWanted;
  private boolean syncerDone;
  private ByteBuffer current;
  private volatile long written;

  /**
   * @param forcer null, or forces the sink's file: every {@code syncEvery} bytes on a thread of its
   *     own while the writes go on (0: never), and once more when closed
   */
  WriteBehind(String name, Sink sink, int buffers, int bufferSize, Forcer forcer, long syncEvery) {
    if (buffers < 2 || bufferSize < 1) {
      throw new IllegalArgumentException("needs at least 2 buffers of at least 1 byte");
    }
    this.sink = sink;
    this.buffers = buffers;
    this.bufferSize = bufferSize;
    this.forcer = forcer;
    this.syncEvery = syncEvery;
    this.writer = new Thread(this::drain, "write-behind-" + name);
    this.syncer = forcer != null && syncEvery > 0 ? new Thread(this::syncInBackground, "write-behind-sync-" + name) : null;
    // A stuck device write must not keep the JVM up; close() still waits for the threads.
    writer.setDaemon(true);
    writer.start();
    if (syncer != null) {
      syncer.setDaemon(true);
      syncer.start();
    }
  }

  /** Writes to {@code sink} (an {@code OutputStream::write}) through {@value #BUFFERS} buffers of 1 MiB. */
  public static WriteBehind to(String name, Sink sink) {
    return new WriteBehind(name, sink, BUFFERS, BUFFER_SIZE, null, 0);
  }

  /**
   * Writes to {@code channel} at its position; {@code force}: the file is synced in the background
   * every {@link #SYNC_EVERY} bytes, so the disk writes while the network reads, and
   * {@link #close()} forces it once the last write is done (the channel stays open: the caller owns it).
   */
  public static WriteBehind toChannel(String name, FileChannel channel, boolean force) {
    Sink sink = (bytes, offset, length) -> {
      ByteBuffer chunk = ByteBuffer.wrap(bytes, offset, length);
      while (chunk.hasRemaining()) {
        channel.write(chunk);
      }
    };
    return new WriteBehind(name, sink, BUFFERS, BUFFER_SIZE, force ? channel::force : null, force ? SYNC_EVERY : 0);
  }

  /**
   * The buffer being filled: read into {@code array()} from {@code position()} for up to
   * {@code remaining()} bytes, then call {@link #filled(int)}. Waits for a free buffer when all are
   * queued. Throws the writer's failure, or InterruptedException (the stream is then cancelled).
   */
  public ByteBuffer buffer() throws IOException, InterruptedException {
    lock.lock();
    try {
      throwFailure(true);
      if (closed) {
        throw new IllegalStateException("write-behind stream is closed");
      }
      if (current != null) {
        return current;
      }
      while (free.isEmpty() && allocated == buffers && failure == null) {
        try {
          changed.await();
        } catch (InterruptedException e) {
          cancelLocked();
          throw e;
        }
      }
      throwFailure(true);
      byte[] bytes = free.poll();
      if (bytes == null) {
        bytes = new byte[bufferSize];
        allocated++;
      }
      current = ByteBuffer.wrap(bytes);
      return current;
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code count} more bytes were read into {@link #buffer()}. Update a digest from the buffer
   * before this call: a buffer handed to the writer belongs to it until written.
   */
  public void filled(int count) throws IOException {
    lock.lock();
    try {
      throwFailure(true);
      if (current == null || count < 0 || count > current.remaining()) {
        throw new IllegalStateException("filled(" + count + ") without a buffer with that much room");
      }
      current.position(current.position() + count);
      if (!current.hasRemaining() || (!writing && queue.isEmpty() && current.position() > 0)) {
        handOffLocked();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Bytes the sink has taken so far (for progress: what is on disk, not what was read). */
  public long written() {
    return written;
  }

  /** Drops what is queued and stops the writer after its current write; {@link #close()} then only waits for it. */
  public void cancel() {
    lock.lock();
    try {
      cancelLocked();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until everything handed over is written, then forces the file when asked to; when the
   * caller's thread is interrupted or the stream was cancelled, waits only for the writer's current
   * write. Throws the writer's failure if the caller has not had it yet.
   */
  @Override
  public void close() throws IOException {
    boolean interrupted = Thread.interrupted();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (interrupted) {
        cancelLocked();
      } else if (current != null && current.position() > 0 && failure == null) {
        handOffLocked();
      }
      current = null;
      ending = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    interrupted |= await(writer);
    if (syncer != null) {
      lock.lock();
      try {
        syncerDone = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      interrupted |= await(syncer);
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      throwFailure(false);
      if (cancelled || failure != null) {
        return;
      }
    } finally {
      lock.unlock();
    }
    if (forcer != null) {
      // On disk before the caller acts on the file (renames it into place), from the caller's
      // thread: nothing is left to overlap with, and an interrupt here fails the caller as before.
      forcer.force(true);
    }
  }

  /** Joins one of the threads, cancelling the stream if interrupted meanwhile; true when it was. */
  private boolean await(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
        cancel();
      }
    }
  }

  /** Package-private for tests: the writer thread, to see that it ended. */
  Thread writerThread() {
    return writer;
  }

  /** Package-private for tests: buffers allocated so far (never more than the pool holds). */
  int allocated() {
    lock.lock();
    try {
      return allocated;
    } finally {
      lock.unlock();
    }
  }

  private void handOffLocked() {
    queue.add(new Chunk(current.array(), current.position()));
    current = null;
    changed.signalAll();
  }

  private void cancelLocked() {
    if (!cancelled) {
      cancelled = true;
      queue.clear();
      changed.signalAll();
      // A FileChannel write stops at an interrupt (and closes the channel: the caller is stopping anyway).
      writer.interrupt();
      if (syncer != null) {
        syncer.interrupt();
      }
    }
  }

  /**
   * Throws the writer's failure: the same exception, so the caller's classification still applies.
   * {@code close()} throws it only if nothing else did (try-with-resources cannot suppress an exception into itself).
   */
  private void throwFailure(boolean again) throws IOException {
    if (failure == null || (reported && !again)) {
      return;
    }
    reported = true;
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new IOException(failure);
  }

  private void drain() {
    while (true) {
      Chunk chunk;
      lock.lock();
      try {
        while (queue.isEmpty() && !ending && !cancelled && failure == null) {
          changed.awaitUninterruptibly();
        }
        if (cancelled || failure != null || queue.isEmpty()) {
          return;
        }
        chunk = queue.poll();
        writing = true;
      } finally {
        lock.unlock();
      }
      Throwable failed = null;
      try {
        sink.write(chunk.bytes(), 0, chunk.length());
      } catch (Throwable t) {
        failed = t;
      }
      lock.lock();
      try {
        writing = false;
        if (failed != null) {
          // After a cancel the failure is the interrupt's doing: the caller is stopping and is not told.
          if (!cancelled) {
            failure = failed;
          }
          queue.clear();
          changed.signalAll();
          return;
        }
        written += chunk.length();
        unsynced += chunk.length();
        if (syncer != null && unsynced >= syncEvery) {
          // Asked again while a sync runs, it runs once more when that one is done: requests coalesce.
          unsynced = 0;
          syncWanted = true;
        }
        free.push(chunk.bytes());
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /** The syncer's loop: forces what was written so far whenever asked, until closed; fails the stream like a write. */
  private void syncInBackground() {
    while (true) {
      lock.lock();
      try {
        while (!syncWanted && !syncerDone && !cancelled && failure == null) {
          changed.awaitUninterruptibly();
        }
        if (syncerDone || cancelled || failure != null) {
          return;
        }
        syncWanted = false;
      } finally {
        lock.unlock();
      }
      Throwable failed = null;
      try {
        forcer.force(false);
      } catch (Throwable t) {
        failed = t;
      }
      if (failed != null) {
        lock.lock();
        try {
          if (!cancelled && failure == null) {
            failure = failed;
            queue.clear();
          }
          changed.signalAll();
          return;
        } finally {
          lock.unlock();
        }
      }
    }
  }
}
