package io.dpf.provisioning.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * The few Redfish calls a BlueField BMC needs to install a BFB: UpdateService.SimpleUpdate with an
 * ImageURI the BMC pulls, or a push of the image to the UpdateService's HttpPushUri; the Task that
 * follows either; the DPU's boot progress; and ComputerSystem.Reset. HTTPS only, trusting exactly the
 * CA or pinned certificate it is given (never "trust all", which NVIDIA's own tools do), with HTTP
 * Basic or Redfish session authentication. {@link #close} ends a session.
 */
public final class RedfishClient implements AutoCloseable {

  public static final String SYSTEM = "/redfish/v1/Systems/Bluefield";
  public static final String UPDATE_SERVICE = "/redfish/v1/UpdateService";
  public static final String SIMPLE_UPDATE = UPDATE_SERVICE + "/Actions/UpdateService.SimpleUpdate";
  public static final String RESET = SYSTEM + "/Actions/ComputerSystem.Reset";
  public static final String SESSIONS = RedfishConnection.SESSIONS;
  /** The DPU's OS image, as BlueField BMCs name it (one target, no leading slash). */
  public static final String DPU_OS_TARGET = "redfish/v1/UpdateService/FirmwareInventory/DPU_OS";

  private final RedfishConnection connection;

  /** A client with HTTP Basic authentication. */
  public RedfishClient(URI base, SSLContext trust, String username, String password, Duration timeout) {
    this(base, trust, username, password, RedfishAuth.BASIC, timeout);
  }

  public RedfishClient(URI base, SSLContext trust, String username, String password, RedfishAuth auth, Duration timeout) {
    this.connection = new RedfishConnection(base, trust, username, password, auth, timeout);
  }

  public UpdateServiceInfo updateService() throws RedfishException {
    return UpdateServiceInfo.of(parse(send("GET", UPDATE_SERVICE, null)));
  }

  /**
   * Pushes {@code files}, one after the other, as the body of one POST to the UpdateService's
   * {@code HttpPushUri} (application/octet-stream, which is what BlueField BMCs document for it),
   * streamed from disk with a Content-Length; returns the Task's URI path. Blocks until the BMC
   * has taken the whole image, at most {@code timeout}; {@code sent} counts the bytes read so far.
   */
  public String pushImage(String pushUri, List<Path> files, AtomicLong sent, Duration timeout) throws RedfishException {
    long length = 0;
    for (Path file : files) {
      try {
        length += Files.size(file);
      } catch (IOException e) {
        throw new RedfishException("cannot read " + file + " to push it: " + e, 0, false, e);
      }
    }
    long total = length;
    HttpResponse<String> response = connection.send(new RedfishConnection.Call("POST", URI.create(pushUri).getPath(),
        () -> HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> open(files, sent)),
            total), "application/octet-stream", timeout));
    return taskOf(response, "HttpPushUri");
  }

  /** Ends the session, if this client has one (basic authentication has none). */
  public void logout() {
    connection.logout();
  }

  /** Whether a session is open now; for tests and for knowing whether {@link #logout} has work. */
  public boolean hasSession() {
    return connection.hasSession();
  }

  @Override
  public void close() {
    logout();
  }

  /** Asks the BMC to pull {@code imageUri} onto the DPU; returns the Task's URI path. */
  public String simpleUpdate(String imageUri, String transferProtocol) throws RedfishException {
    Map<String, Object> body = Map.of("ImageURI", imageUri, "TransferProtocol", transferProtocol,
        "Targets", List.of(DPU_OS_TARGET));
    return taskOf(send("POST", SIMPLE_UPDATE, body), "SimpleUpdate");
  }

  private static String taskOf(HttpResponse<String> response, String what) throws RedfishException {
    String task = response.headers().firstValue("Location").orElse(parse(response).path("@odata.id").asText(""));
    if (task.isEmpty()) {
      throw new RedfishException("BMC accepted " + what + " but named no Task", response.statusCode(), false, null);
    }
    return URI.create(task).getPath();
  }

  private static InputStream open(List<Path> files, AtomicLong sent) {
    sent.set(0); // a retry after a re-login sends everything again
    List<InputStream> streams = new ArrayList<>();
    try {
      for (Path file : files) {
        streams.add(new CountingInputStream(Files.newInputStream(file), sent));
      }
    } catch (IOException e) {
      streams.forEach(RedfishClient::closeQuietly);
      throw new UncheckedIOException(e);
    }
    return new SequenceInputStream(Collections.enumeration(streams));
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // Only opened, never read.
    }
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
    return connection.json(method, path, body);
  }

  private static JsonNode parse(HttpResponse<String> response) throws RedfishException {
    return RedfishConnection.parse(response);
  }
}
