package io.dpf.provisioning.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostAgentArgsTest {

  @Test
  void readsThePodsArgsAndItsUid() {
    HostAgentArgs args = HostAgentArgs.parse(new String[] {"agent", "--dpu=ns/worker-1-0000-4b-00",
        "--image-url=http://10.0.0.5:8090/images/a.bfb/b.cfg", "--rshim-root=/dev", "--poll-seconds=1"},
        Map.of("POD_UID", "0b5e"));

    assertThat(args.dpuNamespace()).isEqualTo("ns");
    assertThat(args.dpuName()).isEqualTo("worker-1-0000-4b-00");
    assertThat(args.rshimRoot()).isEqualTo(Path.of("/dev"));
    assertThat(args.podUid()).isEqualTo("0b5e");
    assertThat(args.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(args.resumeWindow()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void refusesWhatItCannotRunWithAReason() {
    assertThatThrownBy(() -> HostAgentArgs.parse(new String[] {"agent", "--dpu=no-namespace", "--image-url=http://x"},
        Map.of("POD_UID", "u"))).hasMessageContaining("--dpu must be <namespace>/<name>");
    assertThatThrownBy(() -> HostAgentArgs.parse(new String[] {"agent", "--dpu=a/b", "--image-url=http://x"}, Map.of()))
        .hasMessageContaining("POD_UID");
    assertThatThrownBy(() -> HostAgentArgs.parse(new String[] {"agent", "--dpu=a/b", "--image-url=https://x"},
        Map.of("POD_UID", "u"))).as("HTTPS without the certificate to trust").hasMessageContaining("IMAGE_ENDPOINT_CERTIFICATE");
    assertThatThrownBy(() -> HostAgentArgs.parse(new String[] {"agent", "--dpu=a/b", "--image-url=http://x", "--nope"},
        Map.of("POD_UID", "u"))).hasMessageContaining("Unknown option: '--nope'").hasMessageContaining("Usage: agent");
    assertThatThrownBy(() -> HostAgentArgs.parse(new String[] {"agent", "--dpu=a/b"}, Map.of("POD_UID", "u")))
        .hasMessageContaining("Missing required option: '--image-url=URL'");
  }
}
