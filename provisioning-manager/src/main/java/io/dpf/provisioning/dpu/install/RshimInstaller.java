package io.dpf.provisioning.dpu.install;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.conditions.Reasons;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.dpf.provisioning.rshim.RshimDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Install through the host's rshim (install interface hostAgent), for a process that sees the host's
 * {@code /dev/rshim*}: the DPU's device is found by PCI address ({@code spec.rshimDevice} overrides),
 * BFB + bf.cfg are streamed into {@code boot} on a thread of their own (minutes of I/O), and
 * {@code misc}'s install log decides the outcome. A push cut by a restart starts over: writing
 * {@code boot} resets the DPU, so a half push cannot be resumed.
 */
public final class RshimInstaller implements OsInstaller {

  private record Push(AtomicLong written, Future<?> future, AtomicLong total,
      AtomicReference<String> failure) {}

  private final Path root;
  private final Map<String, Push> pushes = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "rshim-push");
    thread.setDaemon(true);
    return thread;
  });

  public RshimInstaller(Path root) {
    this.root = root;
  }

  @Override
  public boolean install(PhaseContext context, InstallImage image) throws PhaseFailure {
    String key = context.namespace() + "/" + context.name();
    try {
      RshimDevice device = device(context);
      Push push = pushes.get(key);
      if (push == null) {
        List<Path> files = List.of(context.settings().bfbDir().resolve(image.bfbFile()),
            context.settings().bfbDir().resolve(image.cfgFile()));
        pushes.put(key, start(device, files));
        context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "streaming " + image.bfbFile() + " + "
            + image.cfgFile() + " into " + device.directory().resolve("boot"));
        return false;
      }
      if (push.failure().get() != null) {
        pushes.remove(key);
        throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, push.failure().get());
      }
      if (!push.future().isDone()) {
        context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "rshim push: " + push.written().get()
            + " of " + push.total().get() + " bytes");
        return false;
      }
      return switch (device.outcome()) {
        case SUCCEEDED -> {
          pushes.remove(key);
          yield true;
        }
        case FAILED -> {
          pushes.remove(key);
          throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "install log in " + device.directory()
              + "/misc reports: " + device.lastLogLine());
        }
        case INSTALLING -> {
          context.waiting(ConditionTypes.DPU.OS_INSTALLED, Reasons.PENDING, "installing: " + device.lastLogLine());
          yield false;
        }
      };
    } catch (IOException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "rshim: " + e.getMessage(), e);
    }
  }

  private Push start(RshimDevice device, List<Path> files) throws IOException {
    AtomicLong total = new AtomicLong();
    for (Path file : files) {
      total.addAndGet(Files.size(file));
    }
    AtomicLong written = new AtomicLong();
    AtomicReference<String> failure = new AtomicReference<>();
    var future = threads.submit(() -> {
      try {
        device.boot(files, written::set);
      } catch (IOException e) {
        failure.set(device.describePushFailure(e));
      }
    });
    return new Push(written, future, total, failure);
  }

  private RshimDevice device(PhaseContext context) throws IOException, PhaseFailure {
    String pci = context.dpu().getSpec().getPciAddress();
    Optional<RshimDevice> found = RshimDevice.forDpu(root, context.dpu().getSpec().getRshimDevice(), pci);
    return found.orElseThrow(() -> new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED,
        "no rshim device under " + root + " reports PCI address " + pci));
  }

  /** The DPU boots what was streamed by itself ("Rebooting..." in the log): nothing more to do. */
  @Override
  public void reboot(PhaseContext context) {
  }
}
