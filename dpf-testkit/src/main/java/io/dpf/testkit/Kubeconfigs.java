package io.dpf.testkit;

import io.dpf.runtime.tls.KeyAndCertificate;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Admin kubeconfigs with embedded certificates, as Kamaji writes them into {@code <tcp>-admin-kubeconfig}. */
public final class Kubeconfigs {

  private Kubeconfigs() {}

  static String admin(String clusterName, String server, ClusterCredentials credentials) {
    return forCertificate(clusterName, clusterName + "-admin", server, credentials.caCertificatePem(),
        credentials.admin());
  }

  /** A kubeconfig for a client that authenticates with {@code client} (a kubelet, kube-proxy, a manager). */
  public static String forCertificate(String clusterName, String user, String server, String caPem,
      KeyAndCertificate client) {
    Config config = new ConfigBuilder()
        .withApiVersion("v1").withKind("Config")
        .addNewCluster().withName(clusterName)
            .withNewCluster().withServer(server)
                .withCertificateAuthorityData(base64(caPem)).endCluster()
        .endCluster()
        .addNewUser().withName(user)
            .withNewUser()
                .withClientCertificateData(base64(client.certificatePem()))
                .withClientKeyData(base64(client.privateKeyPem())).endUser()
        .endUser()
        .addNewContext().withName(clusterName)
            .withNewContext().withCluster(clusterName).withUser(user).endContext()
        .endContext()
        .withCurrentContext(clusterName)
        .build();
    return Serialization.asYaml(config);
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
