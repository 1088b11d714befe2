package io.dpf.dpuservice.clusters;

import io.fabric8.kubernetes.client.Config;

/**
 * The server and credentials of an admin kubeconfig, as ArgoCD's cluster Secret wants them: the
 * certificate and key fields stay base64 (kubeconfig's {@code *-data} and ArgoCD's JSON byte
 * fields use the same encoding).
 */
public record KubeconfigCredentials(String server, String caData, String certData, String keyData,
    String bearerToken) {

  public static KubeconfigCredentials parse(String kubeconfig) {
    Config config = Config.fromKubeconfig(kubeconfig);
    String server = config.getMasterUrl();
    if (server != null && server.endsWith("/")) {
      server = server.substring(0, server.length() - 1);
    }
    return new KubeconfigCredentials(server, config.getCaCertData(), config.getClientCertData(),
        config.getClientKeyData(), config.getOauthToken() != null ? config.getOauthToken() : config.getAutoOAuthToken());
  }
}
