package io.dpf.provisioning.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SessionService of the BMC SIMULATOR, after the DMTF Session and SessionService schemas:
 * POST {@code /redfish/v1/SessionService/Sessions} with {@code UserName}/{@code Password} answers 201
 * with an {@code X-Auth-Token} header and the session's URI in {@code Location}; the token then
 * authenticates requests until the session is DELETEd or expires. As bmcweb can be configured to,
 * Basic authentication can be turned off so that only sessions work.
 */
final class SimulatedSessionService {

  static final String SERVICE = "/redfish/v1/SessionService";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String user;
  private final String password;
  private final Map<String, String> tokenBySession = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger basicRequests = new AtomicInteger();
  private volatile boolean basicAllowed = true;

  /** What the service made of a request's credentials. */
  record Caller(boolean authenticated, String sessionPath) {}

  SimulatedSessionService(String user, String password) {
    this.user = user;
    this.password = password;
  }

  void allowBasic(boolean allowed) {
    basicAllowed = allowed;
  }

  int logins() {
    return logins.get();
  }

  int openSessions() {
    return tokenBySession.size();
  }

  int basicRequests() {
    return basicRequests.get();
  }

  /** Every session ends, as when the BMC's SessionTimeout passes or the BMC restarts. */
  void expireAll() {
    tokenBySession.clear();
  }

  Caller authenticate(String token, String basicHeader, String expectedBasic) {
    if (token != null) {
      return tokenBySession.entrySet().stream().filter(e -> e.getValue().equals(token)).findFirst()
          .map(e -> new Caller(true, e.getKey())).orElse(new Caller(false, null));
    }
    if (basicAllowed && expectedBasic.equals(basicHeader)) {
      basicRequests.incrementAndGet();
      return new Caller(true, null);
    }
    return new Caller(false, null);
  }

  /** The login: a new session for the right credentials, else null (the caller answers 401). */
  Map<String, Object> login(JsonNode body) {
    if (!user.equals(body.path("UserName").asText(null)) || !password.equals(body.path("Password").asText(null))) {
      return null;
    }
    String id = String.valueOf(ids.incrementAndGet());
    String path = RedfishConnection.SESSIONS + "/" + id;
    byte[] token = new byte[20];
    RANDOM.nextBytes(token);
    tokenBySession.put(path, HexFormat.of().formatHex(token));
    logins.incrementAndGet();
    return session(path);
  }

  String tokenOf(String sessionPath) {
    return tokenBySession.get(sessionPath);
  }

  /** DELETE of a session: true when it existed. */
  boolean logout(String sessionPath) {
    return tokenBySession.remove(sessionPath) != null;
  }

  Map<String, Object> session(String path) {
    return Map.of("@odata.id", path, "@odata.type", "#Session.v1_5_0.Session", "Id",
        path.substring(path.lastIndexOf('/') + 1), "Name", "User Session", "UserName", user);
  }

  boolean exists(String sessionPath) {
    return tokenBySession.containsKey(sessionPath);
  }

  Map<String, Object> collection() {
    List<Map<String, String>> members = new ArrayList<>();
    tokenBySession.keySet().forEach(path -> members.add(Map.of("@odata.id", path)));
    return Map.of("@odata.id", RedfishConnection.SESSIONS, "@odata.type", "#SessionCollection.SessionCollection",
        "Name", "Session Collection", "Members", members, "Members@odata.count", members.size());
  }

  Map<String, Object> service() {
    return Map.of("@odata.id", SERVICE, "@odata.type", "#SessionService.v1_1_8.SessionService", "Id", "SessionService",
        "Name", "Session Service", "ServiceEnabled", true, "SessionTimeout", 3600,
        "Sessions", Map.of("@odata.id", RedfishConnection.SESSIONS));
  }
}
