package io.dpf.dpuservice.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IssuanceTest {

  @Test
  void theRecordOnASecretReadsBackAndKeepsTheUsersAnnotations() {
    Secret secret = new SecretBuilder().withNewMetadata().withName("s").addToAnnotations("user", "kept").endMetadata()
        .build();
    Issuance issued = new Issuance("2026-12-03T06:00:00Z", "2026-12-03T07:00:00Z", 3);

    Secret stamped = issued.stamp(secret);

    assertThat(Issuance.recordedOn(stamped)).isEqualTo(issued);
    assertThat(stamped.getMetadata().getAnnotations()).containsEntry("user", "kept");
    assertThat(issued.renewAt()).isEqualTo(Instant.parse("2026-12-03T06:48:00Z"));
  }

  @Test
  void aSecretWithoutAUsableRecordMeansIssue() {
    assertThat(Issuance.recordedOn(null)).isNull();
    assertThat(Issuance.recordedOn(new SecretBuilder().withNewMetadata().withName("s").endMetadata().build())).isNull();
    assertThat(Issuance.recordedOn(new SecretBuilder().withNewMetadata().withName("s").withAnnotations(Map.of(
        Issuance.ISSUED_AT, "yesterday", Issuance.EXPIRES_AT, "2026-12-03T07:00:00Z", Issuance.GENERATION, "1"))
        .endMetadata().build())).isNull();
  }
}
