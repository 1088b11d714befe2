package io.dpf.provisioning.dpu.install;

import io.dpf.provisioning.redfish.RedfishException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Image pushes to BMCs in flight. A push of a multi-GiB BFB takes minutes, longer than a reconcile
 * may block, so it runs here and each reconcile looks at its progress. Only in memory: a manager
 * that dies mid-push had its upload cut with it, and the next one starts the push again.
 */
final class ImagePushes implements AutoCloseable {

  private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "bmc-image-push");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Push> pushes = new ConcurrentHashMap<>();

  /** The upload: bytes sent of {@code total}, and the Task the BMC names once it has the image. */
  record Push(Future<String> task, AtomicLong sent, long total) {

    boolean done() {
      return task.isDone();
    }

    /** The Task's URI path, or why the push failed. */
    String taskPath() throws RedfishException {
      try {
        return task.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RedfishException failure) {
          throw failure;
        }
        throw new RedfishException("image push failed: " + e.getCause(), 0, false, e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RedfishException("interrupted", 0, false, e);
      }
    }

    String progress() {
      long done = sent.get();
      return done + " of " + total + " bytes (" + (total == 0 ? 100 : done * 100 / total) + "%)";
    }
  }

  interface Upload {
    String run(AtomicLong sent) throws RedfishException;
  }

  Push get(String key) {
    return pushes.get(key);
  }

  void start(String key, long total, Upload upload) {
    AtomicLong sent = new AtomicLong();
    pushes.put(key, new Push(executor.submit(() -> upload.run(sent)), sent, total));
  }

  void remove(String key) {
    pushes.remove(key);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
