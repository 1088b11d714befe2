package io.dpf.provisioning.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.TlsContexts;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redfish session authentication against the BlueField BMC simulator with Basic authentication turned off. */
class RedfishSessionTest {

  static CertificateAuthority ca;
  static BlueFieldBmcSimulator bmc;

  @BeforeAll
  static void start() throws Exception {
    ca = CertificateAuthority.create("bmc-session-ca");
    bmc = BlueFieldBmcSimulator.start(ca, "s3cret-Pass");
    bmc.requireSessions(true);
  }

  @AfterAll
  static void stop() {
    bmc.close();
  }

  @AfterEach
  void endSessions() {
    bmc.expireSessions();
  }

  RedfishClient client(String password, RedfishAuth auth) {
    return new RedfishClient(bmc.uri(), TlsContexts.trusting(List.of(ca.certificate())), BlueFieldBmcSimulator.USER,
        password, auth, Duration.ofSeconds(10));
  }

  @Test
  void oneLoginServesEveryCallAndCloseDeletesTheSession() throws Exception {
    int logins = bmc.sessionLogins();
    RedfishClient redfish = client("s3cret-Pass", RedfishAuth.SESSION);

    assertThat(redfish.bootProgress()).isEqualTo("OsIsRunning");
    assertThat(redfish.powerState()).isEqualTo("On");
    redfish.reset("GracefulRestart");

    assertThat(bmc.sessionLogins()).isEqualTo(logins + 1);
    assertThat(bmc.openSessions()).isEqualTo(1);
    redfish.close();
    assertThat(bmc.openSessions()).isZero();
    assertThat(redfish.hasSession()).isFalse();
  }

  @Test
  void aSessionThatEndedOnTheBmcIsLoggedInAgainOnce() throws Exception {
    RedfishClient redfish = client("s3cret-Pass", RedfishAuth.SESSION);
    redfish.bootProgress();
    int logins = bmc.sessionLogins();

    bmc.expireSessions();

    assertThat(redfish.bootProgress()).isEqualTo("OsIsRunning");
    assertThat(bmc.sessionLogins()).isEqualTo(logins + 1);
    redfish.close();
  }

  @Test
  void basicAuthenticationIsRefusedWhereOnlySessionsWork() {
    assertThatThrownBy(() -> client("s3cret-Pass", RedfishAuth.BASIC).bootProgress())
        .isInstanceOf(RedfishException.class).hasMessageContaining("HTTP 401")
        .hasMessageContaining("refused the credentials (basic authentication)");
  }

  @Test
  void aWrongPasswordFailsTheLoginAndIsNotRepeatedInTheMessage() {
    int logins = bmc.sessionLogins();

    assertThatThrownBy(() -> client("wrong-Pass", RedfishAuth.SESSION).bootProgress())
        .isInstanceOf(RedfishException.class)
        .hasMessageContaining("POST " + RedfishClient.SESSIONS + " answered HTTP 401")
        .hasMessageContaining("refused the credentials (session authentication)")
        .hasMessageNotContaining("wrong-Pass");
    assertThat(bmc.sessionLogins()).isEqualTo(logins);
  }

  @Test
  void theSessionServiceAnswersInDmtfShapes() throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(TlsContexts.trusting(List.of(ca.certificate()))).build();
    ObjectMapper json = new ObjectMapper();

    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(bmc.uri().resolve(RedfishClient.SESSIONS))
        .POST(HttpRequest.BodyPublishers.ofString("{\"UserName\":\"root\",\"Password\":\"nope\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(bmc.uri().resolve(RedfishClient.SESSIONS))
        .POST(HttpRequest.BodyPublishers.ofString("{\"UserName\":\"root\",\"Password\":\"s3cret-Pass\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(bmc.uri().resolve(RedfishClient.SYSTEM)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json.readTree(refused.body()).path("error").path("@Message.ExtendedInfo").path(0).path("MessageId")
        .asText()).startsWith("Base.");
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    JsonNode session = json.readTree(created.body());
    assertThat(session.path("@odata.id").asText()).isEqualTo(location).startsWith(RedfishClient.SESSIONS + "/");
    assertThat(session.path("@odata.type").asText()).startsWith("#Session.");
    assertThat(session.path("UserName").asText()).isEqualTo("root");
    assertThat(session.has("Password")).isFalse();
    assertThat(created.headers().firstValue("X-Auth-Token")).hasValueSatisfying(t -> assertThat(t).hasSizeGreaterThan(16));
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }
}
