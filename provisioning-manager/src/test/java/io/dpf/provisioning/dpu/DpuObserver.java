package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reading DPUs in one namespace the way the provisioning ITs check them, and the phases they passed through. */
final class DpuObserver implements Watcher<DPU> {

  private final KubernetesClient client;
  private final String namespace;
  private final Duration wait;
  private final List<String> phasesSeen = new CopyOnWriteArrayList<>();
  private final List<String> readyWithRetryRecord = new CopyOnWriteArrayList<>();

  DpuObserver(KubernetesClient client, String namespace, Duration wait) {
    this.client = client;
    this.namespace = namespace;
    this.wait = wait;
  }

  DPU dpu(String name) {
    return client.resources(DPU.class).inNamespace(namespace).withName(name).get();
  }

  Optional<Condition> condition(String dpu, String type) {
    DPU live = dpu(dpu);
    if (live == null || live.getStatus() == null || live.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return live.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The Events recorded for the DPU of this name as it is now (not for an earlier DPU of the same name). */
  List<Event> events(String name) {
    DPU live = dpu(name);
    if (live == null) {
      return List.of();
    }
    return client.v1().events().inNamespace(namespace).withField("involvedObject.name", name).list().getItems().stream()
        .filter(e -> live.getMetadata().getUid().equals(e.getInvolvedObject().getUid())).toList();
  }

  /** "Normal OSInstalling", "Warning Error", ...: type and reason of each of the DPU's Events. */
  List<String> eventReasons(String name) {
    return events(name).stream().map(e -> e.getType() + " " + e.getReason()).toList();
  }

  void awaitPhase(String name, DPUPhase phase) {
    await().atMost(wait).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      DPU live = dpu(name);
      assertThat(live.getStatus()).as(name + " has a status").isNotNull();
      assertThat(live.getStatus().getPhase()).as(String.valueOf(live.getStatus().getConditions())).isEqualTo(phase);
    });
  }

  /** Every phase the DPU's status passed through, in order, from the API server's watch. */
  List<String> phasesOf(String name) {
    List<String> phases = new ArrayList<>();
    for (String entry : phasesSeen) {
      if (entry.startsWith(name + "=")) {
        String phase = entry.substring(name.length() + 1);
        if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
          phases.add(phase);
        }
      }
    }
    return phases;
  }

  /**
   * DPUs that some watch event showed Ready while still carrying the retry record: whoever reads a
   * Ready DPU must not find a failed attempt on it, not even for the moment between two writes.
   */
  List<String> readyWithRetryRecord() {
    return List.copyOf(readyWithRetryRecord);
  }

  static String sha256Of(Path dir, String... files) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String file : files) {
      sha.update(Files.readAllBytes(dir.resolve(file)));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  @Override
  public void eventReceived(Action action, DPU dpu) {
    if (dpu.getStatus() != null && dpu.getStatus().getPhase() != null) {
      phasesSeen.add(dpu.getMetadata().getName() + "=" + dpu.getStatus().getPhase().value());
      if (dpu.getStatus().getPhase() == DPUPhase.READY && RetryRecord.of(dpu).isPresent()) {
        readyWithRetryRecord.add(dpu.getMetadata().getName());
      }
    }
  }

  @Override
  public void onClose(WatcherException cause) {
  }
}
