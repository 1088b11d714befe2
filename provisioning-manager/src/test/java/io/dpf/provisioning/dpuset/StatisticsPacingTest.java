package io.dpf.provisioning.dpuset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StatisticsPacingTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final StatisticsPacing pacing = new StatisticsPacing(Duration.ofSeconds(1), now::get);

  @Test
  void aSetWrittenWithinTheIntervalWaitsForTheRestOfItAndOthersDoNot() {
    DPUSet a = set("a-uid");
    DPUSet b = set("b-uid");
    assertThat(pacing.untilNextWrite(a)).as("never written").isZero();

    pacing.wrote(a);
    now.addAndGet(Duration.ofMillis(300).toNanos());
    assertThat(pacing.untilNextWrite(a)).isEqualTo(Duration.ofMillis(700));
    assertThat(pacing.untilNextWrite(b)).isZero();

    now.addAndGet(Duration.ofMillis(700).toNanos());
    assertThat(pacing.untilNextWrite(a)).isZero();
  }

  @Test
  void aDeletedSetIsForgotten() {
    DPUSet a = set("a-uid");
    pacing.wrote(a);
    pacing.forget(a);
    assertThat(pacing.untilNextWrite(a)).isZero();
  }

  private static DPUSet set(String uid) {
    DPUSet set = new DPUSet();
    set.setMetadata(new ObjectMetaBuilder().withName(uid).withNamespace("ns").withUid(uid).build());
    return set;
  }
}
