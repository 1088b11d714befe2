package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Admin kubeconfigs with embedded certificates, as Kamaji writes them into {@code <tcp>-admin-kubeconfig}. */
final class Kubeconfigs {

  private Kubeconfigs() {}

  static String admin(String clusterName, String server, ClusterCredentials credentials) {
    String user = clusterName + "-admin";
    Config config = new ConfigBuilder()
        .withApiVersion("v1").withKind("Config")
        .addNewCluster().withName(clusterName)
            .withNewCluster().withServer(server)
                .withCertificateAuthorityData(base64(credentials.caCertificatePem())).endCluster()
        .endCluster()
        .addNewUser().withName(user)
            .withNewUser()
                .withClientCertificateData(base64(credentials.admin().certificatePem()))
                .withClientKeyData(base64(credentials.admin().privateKeyPem())).endUser()
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
