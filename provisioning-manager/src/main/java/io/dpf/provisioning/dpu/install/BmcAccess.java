package io.dpf.provisioning.dpu.install;

import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.dpf.provisioning.redfish.RedfishAuth;
import io.dpf.provisioning.redfish.RedfishClient;
import io.dpf.runtime.tls.Pem;
import io.dpf.runtime.tls.TlsContexts;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redfish clients for DPUs' BMCs, from {@code spec.bmcIp}/{@code bmcPort} and the Secret named by
 * {@code spec.bmcCredentialsSecret}: keys {@code username}, {@code password}, {@code ca.crt} (the CA
 * that signed the BMC's certificate, or that certificate itself, pinned) and optionally
 * {@code authMethod} ({@code basic}, the default, or {@code session}). Without {@code ca.crt} the BMC
 * is not trusted at all: we never skip verification.
 *
 * <p>A DPU's client is kept from one reconcile to the next so that a session is logged in once per
 * install, not once per poll; it is replaced when the Secret or the BMC address changes, and
 * {@link #release} ends it (and its session) when the install is done.
 */
public final class BmcAccess implements AutoCloseable {

  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String CA = "ca.crt";
  public static final String AUTH_METHOD = "authMethod";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Kept> clients = new ConcurrentHashMap<>();

  /** A client and what it was made from; {@code origin} holds no secret, only versions and addresses. */
  private record Kept(String origin, RedfishClient client) {}

  public RedfishClient client(PhaseContext context) throws PhaseFailure {
    DPUSpec spec = context.dpu().getSpec();
    if (spec.getBmcIp() == null || spec.getBmcCredentialsSecret() == null) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED,
          "installInterface redfish needs bmcIp and bmcCredentialsSecret");
    }
    Secret secret = context.client().secrets().inNamespace(context.namespace()).withName(spec.getBmcCredentialsSecret()).get();
    if (secret == null) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "BMC credentials Secret " + spec.getBmcCredentialsSecret()
          + " not found");
    }
    int port = spec.getBmcPort() == null ? 443 : spec.getBmcPort();
    String origin = spec.getBmcIp() + ":" + port + "/" + secret.getMetadata().getUid() + "@"
        + secret.getMetadata().getResourceVersion();
    String key = key(context);
    Kept kept = clients.get(key);
    if (kept != null && kept.origin().equals(origin)) {
      return kept.client();
    }
    RedfishClient client = create(spec.getBmcCredentialsSecret(), secret, spec.getBmcIp(), port);
    Kept previous = clients.put(key, new Kept(origin, client));
    if (previous != null) {
      previous.client().close();
    }
    return client;
  }

  /** Ends the DPU's client and its session, if any: the install is over. */
  public void release(PhaseContext context) {
    Kept kept = clients.remove(key(context));
    if (kept != null) {
      kept.client().close();
    }
  }

  /** Ends every session this manager holds, as on shutdown. */
  @Override
  public void close() {
    clients.keySet().forEach(key -> {
      Kept kept = clients.remove(key);
      if (kept != null) {
        kept.client().close();
      }
    });
  }

  private static String key(PhaseContext context) {
    return context.namespace() + "/" + context.name();
  }

  private static RedfishClient create(String secretName, Secret secret, String ip, int port) throws PhaseFailure {
    String username = value(secret, USERNAME);
    String password = value(secret, PASSWORD);
    String ca = value(secret, CA);
    if (username == null || password == null || ca == null) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "BMC credentials Secret " + secretName
          + " needs keys " + USERNAME + ", " + PASSWORD + " and " + CA);
    }
    RedfishAuth auth;
    try {
      auth = RedfishAuth.parse(value(secret, AUTH_METHOD));
    } catch (IllegalArgumentException e) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "BMC credentials Secret " + secretName + ": "
          + e.getMessage());
    }
    return new RedfishClient(URI.create("https://" + ip + ":" + port), TlsContexts.trusting(Pem.decodeCertificates(ca)),
        username, password, auth, TIMEOUT);
  }

  private static String value(Secret secret, String key) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(key) != null) {
      return new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
    }
    return secret.getStringData() == null ? null : secret.getStringData().get(key);
  }
}
