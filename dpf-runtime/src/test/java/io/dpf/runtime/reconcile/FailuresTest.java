package io.dpf.runtime.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void theRootCauseIsAddedWhenTheMessageHidesIt() {
    KubernetesClientException failed = new KubernetesClientException("Operation: [list]  for kind: [Secret] failed.",
        new IOException("request failed", new ConnectException("Connection refused")));
    assertThat(Failures.describe(failed)).isEqualTo("Operation: [list]  for kind: [Secret] failed. (Connection refused)");
  }

  @Test
  void aMessageThatAlreadySaysItStaysAsItIs() {
    assertThat(Failures.describe(new IllegalStateException("boom: Connection refused",
        new ConnectException("Connection refused")))).isEqualTo("boom: Connection refused");
    assertThat(Failures.describe(new IllegalStateException("plain"))).isEqualTo("plain");
    assertThat(Failures.describe(new NullPointerException())).isEqualTo("NullPointerException");
  }
}
