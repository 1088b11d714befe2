package io.dpf.provisioning.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.KeyAndCertificate;
import io.dpf.runtime.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIMULATOR of a BlueField BMC's Redfish service, standing in for hardware in tests. Serves, over
 * HTTPS on loopback with Basic auth or sessions ({@link SimulatedSessionService}), the DMTF shapes the
 * install path uses: UpdateService with SimpleUpdate (it really pulls the ImageURI over HTTP or HTTPS
 * and keeps the SHA-256 of what it got) and HttpPushUri (it reads the pushed body the same way), a
 * Task per update ("Transfer is N%"), Systems/Bluefield with BootProgress.OemLastState, and
 * ComputerSystem.Reset. Faults can be injected: HTTP errors, a failing task, a busy BMC.
 */
public final class BlueFieldBmcSimulator implements AutoCloseable {

  public static final String USER = "root";
  /** Where bmcweb puts HttpPushUri. */
  public static final String PUSH_URI = "/redfish/v1/UpdateService/update";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpsServer server;
  private final String password;
  private final Map<String, Map<String, Object>> tasks = new ConcurrentHashMap<>();
  private final AtomicInteger taskIds = new AtomicInteger();
  private final List<String> resets = new CopyOnWriteArrayList<>();
  private final List<String> pushedImageSha256 = new CopyOnWriteArrayList<>();
  private final List<String> transfers = new CopyOnWriteArrayList<>();
  private final SimulatedSessionService sessions;
  private volatile HttpClient imageClient;
  private volatile boolean offerSimpleUpdate = true;
  private volatile boolean offerHttpPush = true;
  private volatile String bootState = "OsIsRunning";
  private volatile int failNextRequestsWith;
  private volatile int failNextRequestsCount;
  private volatile String failTasksWith;
  private volatile boolean busy;
  /** While set, every request waits on it: a BMC that accepts connections and never answers. */
  private volatile CountDownLatch hung;

  private final String ip;

  private BlueFieldBmcSimulator(KeyAndCertificate identity, String password, String ip, int port, HttpClient imageClient)
      throws IOException {
    this.password = password;
    this.ip = ip;
    this.imageClient = imageClient;
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(ip), port), 0);
    this.sessions = new SimulatedSessionService(USER, password);
    server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.presenting(identity, List.of())));
    server.createContext("/redfish/v1", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  /** A simulator whose certificate is issued by {@code ca} for 127.0.0.1. */
  public static BlueFieldBmcSimulator start(CertificateAuthority ca, String password) throws IOException {
    return start(ca, password, "127.0.0.1", 0);
  }

  /**
   * A simulator on {@code ip:port} (any loopback address, 127.0.0.0/8, so several BMCs can share one
   * port as real ones share 443), with a certificate issued by {@code ca} for that address.
   */
  public static BlueFieldBmcSimulator start(CertificateAuthority ca, String password, String ip, int port)
      throws IOException {
    return new BlueFieldBmcSimulator(ca.issueServer("bluefield-bmc", List.of("localhost"), List.of(ip)), password, ip, port,
        HttpClient.newHttpClient());
  }

  /**
   * One BMC on each of {@code ips} (loopback addresses), all on one port ({@code 0}: a free one), for
   * tests with hundreds of BMCs. Each is a BMC of its own (tasks, resets, boot state), but they share
   * one certificate naming every address and one client for their image pulls: an RSA key per BMC
   * costs about a tenth of a second of CPU and a client per BMC a selector thread, both idle here.
   */
  public static List<BlueFieldBmcSimulator> startMany(CertificateAuthority ca, String password, List<String> ips, int port)
      throws IOException {
    KeyAndCertificate identity = ca.issueServer("bluefield-bmc", List.of("localhost"), ips);
    HttpClient pulls = HttpClient.newHttpClient();
    List<BlueFieldBmcSimulator> bmcs = new ArrayList<>();
    int shared = port;
    try {
      for (String ip : ips) {
        BlueFieldBmcSimulator bmc = new BlueFieldBmcSimulator(identity, password, ip, shared, pulls);
        shared = bmc.port();
        bmcs.add(bmc);
      }
    } catch (IOException | RuntimeException e) {
      bmcs.forEach(BlueFieldBmcSimulator::close);
      throw e;
    }
    return bmcs;
  }

  public URI uri() {
    return URI.create("https://" + ip + ":" + server.getAddress().getPort());
  }

  public String ip() {
    return ip;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<String> resets() {
    return List.copyOf(resets);
  }

  /** SHA-256 of every image the BMC pulled, in order. */
  public List<String> pushedImages() {
    return List.copyOf(pushedImageSha256);
  }

  public int updatesAccepted() {
    return taskIds.get();
  }

  public void failNextRequests(int httpStatus, int count) {
    failNextRequestsWith = httpStatus;
    failNextRequestsCount = count;
  }

  public void failTasks(String message) {
    failTasksWith = message;
  }

  /** From now on requests are accepted and left unanswered, until {@link #answer()} or close. */
  public void hang() {
    hung = new CountDownLatch(1);
  }

  /** Requests waiting on {@link #hang()} are served, and so are new ones. */
  public void answer() {
    CountDownLatch gate = hung;
    hung = null;
    if (gate != null) {
      gate.countDown();
    }
  }

  public void busy(boolean value) {
    busy = value;
  }

  /** How each image arrived, in order: "SimpleUpdate HTTP", "SimpleUpdate HTTPS" or "HttpPushUri". */
  public List<String> transfers() {
    return List.copyOf(transfers);
  }

  /** The CA of an HTTPS image server, which a real BMC would have in its truststore. */
  public void trustImageServer(X509Certificate ca) {
    imageClient = HttpClient.newBuilder().sslContext(TlsContexts.trusting(List.of(ca))).build();
  }

  public void offerSimpleUpdate(boolean offered) {
    offerSimpleUpdate = offered;
  }

  public void offerHttpPush(boolean offered) {
    offerHttpPush = offered;
  }

  /** Only sessions authenticate, as on a bmcweb whose AuthMethods has BasicAuth off. */
  public void requireSessions(boolean required) {
    sessions.allowBasic(!required);
  }

  public int sessionLogins() {
    return sessions.logins();
  }

  public int openSessions() {
    return sessions.openSessions();
  }

  public int basicAuthenticatedRequests() {
    return sessions.basicRequests();
  }

  public void expireSessions() {
    sessions.expireAll();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      CountDownLatch gate = hung;
      if (gate != null) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (method.equals("POST") && path.equals(RedfishClient.SESSIONS)) {
        login(exchange);
        return;
      }
      SimulatedSessionService.Caller caller = sessions.authenticate(
          exchange.getRequestHeaders().getFirst(RedfishConnection.TOKEN_HEADER),
          exchange.getRequestHeaders().getFirst("Authorization"), expectedBasic());
      if (!caller.authenticated()) {
        reply(exchange, 401, error("Base.1.8.NoValidSession",
            "There is no valid session established with the implementation."));
        return;
      }
      if (failNextRequestsCount > 0) {
        failNextRequestsCount--;
        reply(exchange, failNextRequestsWith, error("Base.1.8.InternalError", "simulated BMC fault"));
        return;
      }
      if (path.startsWith(SimulatedSessionService.SERVICE)) {
        sessionService(exchange, method, path);
      } else if (method.equals("GET") && path.equals("/redfish/v1/UpdateService")) {
        reply(exchange, 200, updateService(path));
      } else if (method.equals("POST") && path.equals(RedfishClient.SIMPLE_UPDATE) && offerSimpleUpdate) {
        simpleUpdate(exchange);
      } else if (method.equals("POST") && path.equals(PUSH_URI) && offerHttpPush) {
        push(exchange);
      } else if (method.equals("GET") && path.startsWith("/redfish/v1/TaskService/Tasks/") && tasks.containsKey(path)) {
        reply(exchange, 200, tasks.get(path));
      } else if (method.equals("GET") && path.equals(RedfishClient.SYSTEM)) {
        reply(exchange, 200, Map.of("@odata.id", path, "Id", "Bluefield", "PowerState", "On",
            "BootProgress", Map.of("LastState", "OEM", "OemLastState", bootState)));
      } else if (method.equals("POST") && path.equals(RedfishClient.RESET)) {
        resets.add(JSON.readTree(exchange.getRequestBody()).path("ResetType").asText());
        reply(exchange, 204, null);
      } else {
        reply(exchange, 404, error("Base.1.8.ResourceMissingAtURI", path + " not found"));
      }
    }
  }

  private void login(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    if (!body.hasNonNull("UserName") || !body.hasNonNull("Password")) {
      reply(exchange, 400, error("Base.1.8.PropertyMissing", "UserName and Password are required"));
      return;
    }
    Map<String, Object> session = sessions.login(body);
    if (session == null) {
      reply(exchange, 401, error("Base.1.8.ResourceAtUriUnauthorized", "While accessing the resource at "
          + RedfishClient.SESSIONS + ", the service received an authorization error unauthorized."));
      return;
    }
    String path = (String) session.get("@odata.id");
    exchange.getResponseHeaders().add(RedfishConnection.TOKEN_HEADER, sessions.tokenOf(path));
    exchange.getResponseHeaders().add("Location", path);
    reply(exchange, 201, session);
  }

  private void sessionService(HttpExchange exchange, String method, String path) throws IOException {
    if (method.equals("GET") && path.equals(SimulatedSessionService.SERVICE)) {
      reply(exchange, 200, sessions.service());
    } else if (method.equals("GET") && path.equals(RedfishClient.SESSIONS)) {
      reply(exchange, 200, sessions.collection());
    } else if (method.equals("GET") && sessions.exists(path)) {
      reply(exchange, 200, sessions.session(path));
    } else if (method.equals("DELETE") && sessions.logout(path)) {
      reply(exchange, 204, null);
    } else {
      reply(exchange, 404, error("Base.1.8.ResourceMissingAtURI", path + " not found"));
    }
  }

  private Map<String, Object> updateService(String path) {
    Map<String, Object> service = new HashMap<>(Map.of("@odata.id", path,
        "@odata.type", "#UpdateService.v1_11_0.UpdateService", "Id", "UpdateService",
        "Status", Map.of("State", "Enabled"), "Actions", Map.of()));
    if (offerSimpleUpdate) {
      service.put("Actions", Map.of("#UpdateService.SimpleUpdate", Map.of("target", RedfishClient.SIMPLE_UPDATE,
          "TransferProtocol@Redfish.AllowableValues", List.of("HTTP", "HTTPS", "SCP"))));
    }
    if (offerHttpPush) {
      service.put("HttpPushUri", PUSH_URI);
    }
    return service;
  }

  /** HttpPushUri: the request body is the image, as NVIDIA documents it (application/octet-stream). */
  private void push(HttpExchange exchange) throws IOException {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (!"application/octet-stream".equals(type)) {
      reply(exchange, 415, error("Base.1.8.UnsupportedMediaType", "HttpPushUri takes application/octet-stream, not "
          + type));
      return;
    }
    if (inProgress()) {
      reply(exchange, 400, error("Update.1.0.UpdateInProgress", "An update is in progress"));
      return;
    }
    Map<String, Object> task = newTask();
    transfers.add("HttpPushUri");
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try (InputStream in = exchange.getRequestBody()) {
      pushedImageSha256.add(receive(in, length == null ? -1 : Long.parseLong(length), task));
    } catch (Exception e) {
      tasks.remove((String) task.get("@odata.id"));
      reply(exchange, 400, error("Base.1.8.GeneralError", "image upload broke off: " + e.getMessage()));
      return;
    }
    complete(task);
    exchange.getResponseHeaders().add("Location", (String) task.get("@odata.id"));
    reply(exchange, 202, task);
  }

  private void simpleUpdate(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody());
    String target = body.path("Targets").path(0).asText();
    if (!RedfishClient.DPU_OS_TARGET.equals(target) || body.path("ImageURI").asText().isEmpty()) {
      reply(exchange, 400, error("Base.1.8.ActionParameterMissing", "ImageURI and Targets DPU_OS are required"));
      return;
    }
    String protocol = body.path("TransferProtocol").asText();
    String scheme = URI.create(body.path("ImageURI").asText()).getScheme();
    if (!List.of("HTTP", "HTTPS").contains(protocol) || !protocol.equalsIgnoreCase(scheme)) {
      reply(exchange, 400, error("Base.1.8.ActionParameterValueFormatError", "TransferProtocol " + protocol
          + " does not fit ImageURI scheme " + scheme));
      return;
    }
    if (inProgress()) {
      reply(exchange, 400, error("Update.1.0.UpdateInProgress", "An update is in progress"));
      return;
    }
    Map<String, Object> task = newTask();
    transfers.add("SimpleUpdate " + protocol);
    Thread puller = new Thread(() -> pull(body.path("ImageURI").asText(), task), "bmc-simulator-pull");
    puller.setDaemon(true);
    puller.start();
    exchange.getResponseHeaders().add("Location", (String) task.get("@odata.id"));
    reply(exchange, 202, task);
  }

  private boolean inProgress() {
    return busy || tasks.values().stream().anyMatch(t -> "Running".equals(t.get("TaskState")));
  }

  private Map<String, Object> newTask() {
    String id = String.valueOf(taskIds.incrementAndGet());
    String taskPath = "/redfish/v1/TaskService/Tasks/" + id;
    Map<String, Object> task = new ConcurrentHashMap<>(Map.of("@odata.id", taskPath, "Id", id, "TaskState", "Running",
        "TaskStatus", "OK", "PercentComplete", 0, "Messages", List.of()));
    tasks.put(taskPath, task);
    bootState = "OsIsNotRunning";
    return task;
  }

  /** Pulls the image like the BMC does, reporting transfer progress in the Task. */
  private void pull(String imageUri, Map<String, Object> task) {
    try {
      if (failTasksWith != null) {
        throw new IOException(failTasksWith);
      }
      HttpResponse<InputStream> response = imageClient.send(HttpRequest.newBuilder(URI.create(imageUri)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IOException("image server answered HTTP " + response.statusCode());
      }
      long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      try (InputStream in = response.body()) {
        pushedImageSha256.add(receive(in, total, task));
      }
      complete(task);
    } catch (Exception e) {
      task.put("TaskState", "Exception");
      task.put("TaskStatus", "Critical");
      task.put("Messages", List.of(Map.of("Message", "Image transfer failed: " + e.getMessage())));
    }
  }

  /** Reads an image to its end as a BMC writes it to rshim: SHA-256 of every byte, progress in the Task. */
  private static String receive(InputStream in, long total, Map<String, Object> task) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[64 * 1024];
    long read = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      sha.update(buffer, 0, n);
      read += n;
      int percent = total > 0 ? (int) (read * 100 / total) : 0;
      task.put("PercentComplete", percent);
      task.put("Messages", List.of(Map.of("Message", "Transfer is " + percent + "%")));
    }
    if (total >= 0 && read != total) {
      throw new IOException("image ended after " + read + " of " + total + " bytes");
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private void complete(Map<String, Object> task) {
    task.put("Messages", List.of(Map.of("Message", "Transfer is 100%"), Map.of("Message", "Task completed OK")));
    task.put("PercentComplete", 100);
    task.put("TaskState", "Completed");
    bootState = "OsIsRunning";
  }

  private String expectedBasic() {
    return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> error(String messageId, String message) {
    return Map.of("error", Map.of("code", messageId, "message", message,
        "@Message.ExtendedInfo", List.of(Map.of("MessageId", messageId, "Message", message))));
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    answer();
    server.stop(0);
  }
}
