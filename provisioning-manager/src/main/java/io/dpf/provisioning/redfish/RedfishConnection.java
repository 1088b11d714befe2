package io.dpf.provisioning.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * HTTPS to one BMC with its authentication and error handling. In session mode it logs in once
 * (POST SessionService/Sessions), sends the X-Auth-Token it got, logs in again once when the BMC
 * answers 401 (the session timed out or the BMC restarted), and DELETEs the session on logout.
 * The token and the password live only in this object: never in a message, a log or the API.
 */
final class RedfishConnection {

  static final String SESSIONS = "/redfish/v1/SessionService/Sessions";
  static final String TOKEN_HEADER = "X-Auth-Token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private final RedfishAuth auth;
  private final String username;
  private final String password;
  private Session session;

  /** A logged-in session: the token to send and where to DELETE it. */
  private record Session(String token, String path) {}

  /** One request; the body is a supplier because a retry after re-login needs it again. */
  record Call(String method, String path, Supplier<HttpRequest.BodyPublisher> body, String contentType, Duration timeout) {}

  RedfishConnection(URI base, SSLContext trust, String username, String password, RedfishAuth auth, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.auth = auth;
    this.username = username;
    this.password = password;
    this.http = HttpClient.newBuilder().sslContext(trust).connectTimeout(timeout).build();
  }

  URI base() {
    return base;
  }

  HttpResponse<String> json(String method, String path, Object body) throws RedfishException {
    Supplier<HttpRequest.BodyPublisher> publisher = body == null ? HttpRequest.BodyPublishers::noBody
        : () -> HttpRequest.BodyPublishers.ofString(write(body));
    return send(new Call(method, path, publisher, body == null ? null : "application/json", timeout));
  }

  HttpResponse<String> send(Call call) throws RedfishException {
    String token = auth == RedfishAuth.SESSION ? token() : null;
    HttpResponse<String> response = exchange(call, token);
    if (response.statusCode() == 401 && token != null) {
      // The session ended on the BMC's side (timeout, BMC restart): one fresh login, one retry.
      forget(token);
      response = exchange(call, token());
    }
    check(call.method(), call.path(), response);
    return response;
  }

  /** Ends the session, if there is one; a session the BMC already dropped is fine. */
  void logout() {
    Session ending;
    synchronized (this) {
      ending = session;
      session = null;
    }
    if (ending == null) {
      return;
    }
    try {
      exchange(new Call("DELETE", ending.path(), HttpRequest.BodyPublishers::noBody, null, timeout), ending.token());
    } catch (RedfishException e) {
      // Unreachable BMC: the session ends by the BMC's SessionTimeout instead.
    }
  }

  synchronized boolean hasSession() {
    return session != null;
  }

  private synchronized String token() throws RedfishException {
    if (session == null) {
      session = login();
    }
    return session.token();
  }

  private synchronized void forget(String token) {
    if (session != null && session.token().equals(token)) {
      session = null;
    }
  }

  private Session login() throws RedfishException {
    String body = write(Map.of("UserName", username, "Password", password));
    HttpResponse<String> response = exchange(new Call("POST", SESSIONS, () -> HttpRequest.BodyPublishers.ofString(body),
        "application/json", timeout), null);
    check("POST", SESSIONS, response);
    String token = response.headers().firstValue(TOKEN_HEADER).orElse("");
    String path = response.headers().firstValue("Location").orElse(parse(response).path("@odata.id").asText(""));
    if (token.isEmpty() || path.isEmpty()) {
      throw new RedfishException("BMC " + base + ": session login answered HTTP " + response.statusCode()
          + " without an " + TOKEN_HEADER + " header or a session URI", response.statusCode(), false, null);
    }
    return new Session(token, URI.create(path).getPath());
  }

  private HttpResponse<String> exchange(Call call, String token) throws RedfishException {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(call.path())).timeout(call.timeout())
          .header("Accept", "application/json").method(call.method(), call.body().get());
      if (call.contentType() != null) {
        request.header("Content-Type", call.contentType());
      }
      if (token != null) {
        request.header(TOKEN_HEADER, token);
      } else if (auth == RedfishAuth.BASIC) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (SSLHandshakeException e) {
      throw new RedfishException("BMC " + base + ": its TLS certificate is not the trusted one (ca.crt of the DPU's"
          + " bmcCredentialsSecret): " + e.getMessage(),
          0, false, e);
    } catch (ConnectException e) {
      throw new RedfishException("BMC " + base + " unreachable: " + e.getMessage(), 0, false, e);
    } catch (IOException | UncheckedIOException e) {
      throw new RedfishException("BMC " + base + ": " + call.method() + " " + call.path() + " failed: " + e, 0, false, e);
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
      throw new RedfishException(where + ": the BMC refused the credentials (" + auth.value() + " authentication)",
          status, false, null);
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

  static JsonNode parse(HttpResponse<String> response) throws RedfishException {
    try {
      return response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RedfishException("BMC answered something that is not JSON", response.statusCode(), false, e);
    }
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
