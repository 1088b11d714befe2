package io.dpf.sfc.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Notices that ovs-vswitchd restarted (and so lost every OpenFlow rule, while the database kept the
 * bridges and ports) from its pidfile: a different pid than last time. A switch that is down has no
 * pidfile; it coming back counts once, when the new pid is first seen.
 */
final class VswitchdRestarts {

  private final Path pidFile;
  private Long lastPid;

  VswitchdRestarts(Path pidFile) {
    this.pidFile = pidFile;
  }

  /** True when the pid differs from the one seen at the previous call that found one. */
  synchronized boolean restartedSinceLastLook() {
    OptionalLong pid = read();
    if (pid.isEmpty()) {
      return false;
    }
    boolean restarted = lastPid != null && lastPid != pid.getAsLong();
    lastPid = pid.getAsLong();
    return restarted;
  }

  private OptionalLong read() {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(pidFile).strip()));
    } catch (IOException | NumberFormatException notRunning) {
      return OptionalLong.empty();
    }
  }
}
