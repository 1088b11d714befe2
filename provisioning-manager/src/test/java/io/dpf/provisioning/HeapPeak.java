package io.dpf.provisioning;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** For benchmarks: samples this JVM's used heap every 100 ms until closed, keeping the peak. */
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
}
