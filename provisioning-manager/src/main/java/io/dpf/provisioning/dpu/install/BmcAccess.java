package io.dpf.provisioning.dpu.install;

import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.dpf.provisioning.redfish.RedfishClient;
import io.dpf.runtime.tls.Pem;
import io.dpf.runtime.tls.TlsContexts;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A Redfish client for a DPU's BMC, from {@code spec.bmcIp}/{@code bmcPort} and the Secret named by
 * {@code spec.bmcCredentialsSecret}: keys {@code username}, {@code password} and {@code ca.crt} (the
 * CA that signed the BMC's certificate, or that certificate itself, pinned). Without {@code ca.crt}
 * the BMC is not trusted at all: we never skip verification.
 */
public final class BmcAccess {

  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  public static final String CA = "ca.crt";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private BmcAccess() {}

  public static RedfishClient client(PhaseContext context) throws PhaseFailure {
    DPUSpec spec = context.dpu().getSpec();
    if (spec.getBmcIp() == null || spec.getBmcCredentialsSecret() == null) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "installInterface redfish needs bmcIp and bmcCredentialsSecret");
    }
    Secret secret = context.client().secrets().inNamespace(context.namespace()).withName(spec.getBmcCredentialsSecret()).get();
    if (secret == null) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "BMC credentials Secret " + spec.getBmcCredentialsSecret()
          + " not found");
    }
    String username = value(secret, USERNAME);
    String password = value(secret, PASSWORD);
    String ca = value(secret, CA);
    if (username == null || password == null || ca == null) {
      throw new PhaseFailure(KindReasons.DPU.INSTALLATION_FAILED, "BMC credentials Secret " + spec.getBmcCredentialsSecret()
          + " needs keys " + USERNAME + ", " + PASSWORD + " and " + CA);
    }
    int port = spec.getBmcPort() == null ? 443 : spec.getBmcPort();
    return new RedfishClient(URI.create("https://" + spec.getBmcIp() + ":" + port),
        TlsContexts.trusting(Pem.decodeCertificates(ca)), username, password, TIMEOUT);
  }

  private static String value(Secret secret, String key) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(key) != null) {
      return new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
    }
    return secret.getStringData() == null ? null : secret.getStringData().get(key);
  }
}
