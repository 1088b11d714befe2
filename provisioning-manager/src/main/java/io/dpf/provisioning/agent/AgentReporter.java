package io.dpf.provisioning.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.HostAgentState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the agent's report into the DPU's {@code status.hostAgent} with a JSON merge patch: only
 * that field, no resourceVersion, so it never races the manager's own status writes (which leave
 * {@code hostAgent} alone). Every key is written, nulls included, so nothing of an older report stays.
 */
final class AgentReporter {

  /** A plain mapper: it writes null map values, which a merge patch needs to clear keys. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final HostAgentArgs args;
  private final Clock clock;

  AgentReporter(KubernetesClient client, HostAgentArgs args, Clock clock) {
    this.client = client;
    this.args = args;
    this.clock = clock;
  }

  void report(HostAgentState state, String device, long written, long total, int pushes, String message) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("podUID", args.podUid());
    report.put("state", JSON.convertValue(state, String.class));
    report.put("device", device);
    report.put("bytesWritten", written);
    report.put("bytesTotal", total < 0 ? null : total);
    report.put("pushes", pushes);
    report.put("message", message);
    report.put("lastUpdateTime", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
    String patch;
    try {
      patch = JSON.writeValueAsString(Map.of("status", Map.of("hostAgent", report)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    client.resources(DPU.class).inNamespace(args.dpuNamespace()).withName(args.dpuName()).subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }
}
