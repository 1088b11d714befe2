package io.dpf.provisioning.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The few Redfish calls a BlueField BMC needs to install a BFB: UpdateService.SimpleUpdate with an
 * ImageURI the BMC pulls, the Task that follows it, the DPU's boot progress, and ComputerSystem.Reset.
 * HTTPS only, trusting exactly the CA or pinned certificate it is given (never "trust all", which
 * NVIDIA's own tools do), with HTTP Basic authentication.
 */
public final class RedfishClient {

  public static final String SYSTEM = "/redfish/v1/Systems/Bluefield";
  public static final String UPDATE_SERVICE = "/redfish/v1/UpdateService";
  public static final String SIMPLE_UPDATE = UPDATE_SERVICE + "/Actions/UpdateService.SimpleUpdate";
  public static final String RESET = SYSTEM + "/Actions/ComputerSystem.Reset";
  /** The DPU's OS image, as BlueField BMCs name it (one target, no leading slash). */
  public static final String DPU_OS_TARGET = "redfish/v1/UpdateService/FirmwareInventory/DPU_OS";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final String authorization;
  private final Duration timeout;

  public RedfishClient(URI base, SSLContext trust, String username, String password, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().sslContext(trust).connectTimeout(timeout).build();
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Asks the BMC to pull {@code imageUri} onto the DPU; returns the Task's URI path. */
  public String simpleUpdate(String imageUri, String transferProtocol) throws RedfishException {
    Map<String, Object> body = Map.of("ImageURI", imageUri, "TransferProtocol", transferProtocol,
        "Targets", List.of(DPU_OS_TARGET));
    HttpResponse<String> response = send("POST", SIMPLE_UPDATE, body);
    JsonNode json = parse(response);
    String task = response.headers().firstValue("Location").orElse(json.path("@odata.id").asText(""));
    if (task.isEmpty()) {
      throw new RedfishException("BMC accepted SimpleUpdate but named no Task", response.statusCode(), false, null);
    }
    return URI.create(task).getPath();
  }

  public RedfishTask task(String taskPath) throws RedfishException {
    JsonNode json = parse(send("GET", taskPath, null));
    List<String> messages = new ArrayList<>();
    json.path("Messages").forEach(m -> messages.add(m.path("Message").asText()));
    return new RedfishTask(json.path("Id").asText(), json.path("TaskState").asText(), json.path("TaskStatus").asText(),
        json.path("PercentComplete").asInt(0), messages);
  }

  /** {@code BootProgress.OemLastState} of the DPU, e.g. OsIsRunning once the installed OS is up. */
  public String bootProgress() throws RedfishException {
    return parse(send("GET", SYSTEM, null)).path("BootProgress").path("OemLastState").asText("");
  }

  /** {@code PowerState} of the system (On, Off, PoweringOn, ...), from the same system GET as the boot progress. */
  public String powerState() throws RedfishException {
    return parse(send("GET", SYSTEM, null)).path("PowerState").asText("");
  }

  /** Resets the DPU's Arm cores: GracefulRestart, ForceRestart or PowerCycle. */
  public void reset(String resetType) throws RedfishException {
    send("POST", RESET, Map.of("ResetType", resetType));
  }

  private HttpResponse<String> send(String method, String path, Object body) throws RedfishException {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
          .header("Authorization", authorization).header("Accept", "application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      check(method, path, response);
      return response;
    } catch (SSLHandshakeException e) {
      throw new RedfishException("BMC " + base + ": its TLS certificate is not the trusted one (" + e.getMessage() + ")",
          0, false, e);
    } catch (ConnectException e) {
      throw new RedfishException("BMC " + base + " unreachable: " + e.getMessage(), 0, false, e);
    } catch (IOException e) {
      throw new RedfishException("BMC " + base + ": " + method + " " + path + " failed: " + e, 0, false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedfishException("interrupted", 0, false, e);
    }
  }

  private void check(String method, String path, HttpResponse<String> response) throws RedfishException {
    int status = response.statusCode();
    if (status < 400) {
      return;
    }
    String message = redfishMessage(response.body());
    String where = "BMC " + base + ": " + method + " " + path + " answered HTTP " + status;
    if (status == 401) {
      throw new RedfishException(where + ": the BMC refused the credentials", status, false, null);
    }
    if (status == 403 && message.contains("PasswordChangeRequired")) {
      throw new RedfishException(where + ": the BMC password must be changed first", status, false, null);
    }
    boolean busy = status == 400 && message.contains("in progress");
    throw new RedfishException(where + (message.isEmpty() ? "" : ": " + message), status, busy, null);
  }

  /** The first extended-info message of a Redfish error body, if any. */
  private static String redfishMessage(String body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      JsonNode info = error.path("@Message.ExtendedInfo");
      if (info.isArray() && !info.isEmpty()) {
        return info.get(0).path("Message").asText() + " " + info.get(0).path("MessageId").asText();
      }
      return error.path("message").asText("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static JsonNode parse(HttpResponse<String> response) throws RedfishException {
    try {
      return response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RedfishException("BMC answered something that is not JSON", response.statusCode(), false, e);
    }
  }
}
