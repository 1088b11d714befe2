package io.dpf.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Argo CD pulls a packaged chart from the HTTPS chart repository (its own CA, trusted the
 * way Argo CD trusts it) and syncs it into a second cluster registered by a cluster Secret; values
 * changes, hand edits and deletion behave as Argo CD's do. Argo CD and the clusters are shared;
 * each test syncs an Application of its own into a namespace of its own
 * ({@link #syncedApplication}), so any test runs alone or in any order.
 */
class LocalArgoCdIT {

  static final Duration WAIT = Duration.ofMinutes(2);
  static final String ARGO_NAMESPACE = "argocd";
  static final ResourceDefinitionContext APPLICATIONS = new ResourceDefinitionContext.Builder()
      .withGroup("argoproj.io").withVersion("v1alpha1").withKind("Application").withPlural("applications")
      .withNamespaced(true).build();

  static LocalControlPlane host;
  static LocalControlPlane dpu;
  static HelmChartRepository charts;
  static LocalArgoCd argoCd;

  @BeforeAll
  static void start() {
    host = LocalControlPlane.startApiServerOnly("argocd-host");
    // A full cluster: the resources finalizer deletes in the foreground, which needs the garbage collector.
    dpu = LocalControlPlane.start("argocd-dpu");
    dpu.addNode("dpu-worker", Map.of());
    charts = HelmChartRepository.serve(List.of(Path.of("src/test/resources/charts/hello").toAbsolutePath()));
    argoCd = LocalArgoCd.start(host, ARGO_NAMESPACE);
    argoCd.trust(charts);
    registerCluster("dpu", dpu);
    host.client().resource(host.client().getKubernetesSerialization().unmarshal("""
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata: {name: dpu, namespace: argocd}
        spec:
          sourceRepos: ["*"]
          destinations: [{name: dpu, namespace: "*"}]
          clusterResourceWhitelist: [{group: "*", kind: "*"}]
        """, GenericKubernetesResource.class)).create();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {argoCd, charts, dpu, host}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort
      }
    }
  }

  @Test
  void repositoryServesThePackagedChartAndItsIndex() {
    assertThat(charts.url()).startsWith("https://127.0.0.1:");
    assertThat(charts.files()).containsExactly("hello-0.1.0.tgz", "index.yaml");
  }

  @Test
  void theOperatorsArgoCdChartCarriesTheCrdsOfTheArgoCdThatRunsHere() throws Exception {
    // charts/argocd/crds is what the operator installs; it must be the release built by hack/envtest.
    for (String crd : List.of("application-crd.yaml", "appproject-crd.yaml")) {
      assertThat(Files.readString(EnvtestBinaries.repositoryRoot().resolve("charts/argocd/crds/" + crd)))
          .as(crd).isEqualTo(Files.readString(LocalArgoCd.crds().resolve(crd)));
    }
  }

  @Test
  void applicationIsSyncedAndHealthyAndItsObjectsCarryTheTrackingAnnotation() {
    syncedApplication("dpu-hello", "demo");
    ConfigMap config = dpu.client().configMaps().inNamespace("demo").withName("hello-config").get();
    assertThat(config.getData()).containsEntry("greeting", "bonjour");
    assertThat(config.getMetadata().getAnnotations())
        .containsEntry("argocd.argoproj.io/tracking-id", "dpu-hello:/ConfigMap:demo/hello-config");
    assertThat(dpu.client().apps().deployments().inNamespace("demo").withName("hello").get().getStatus()
        .getReadyReplicas()).isEqualTo(1);
    assertThat(charts.chartDownloads()).isPositive();
    Map<String, Long> rss = argoCd.residentKilobytes();
    System.out.printf("%n[figure] Argo CD RSS with one Application: %s kB%n", rss);
    assertThat(rss.get("argocd-application-controller")).isPositive();
  }

  @Test
  void aValuesChangePropagatesAndAHandEditIsHealed() {
    syncedApplication("dpu-hello-values", "demo-values");
    host.client().genericKubernetesResources(APPLICATIONS).inNamespace(ARGO_NAMESPACE).withName("dpu-hello-values")
        .patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"source\":{\"helm\":{\"valuesObject\":{\"greeting\":\"hallo\"}}}}}");
    await().atMost(WAIT).untilAsserted(() -> assertThat(greeting("demo-values")).isEqualTo("hallo"));

    dpu.client().configMaps().inNamespace("demo-values").withName("hello-config")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"greeting\":\"edited by hand\"}}");
    await().atMost(WAIT).untilAsserted(() -> assertThat(greeting("demo-values")).isEqualTo("hallo"));
  }

  @Test
  void deletingTheApplicationDeletesWhatItInstalledFirst() {
    syncedApplication("dpu-hello-deleted", "demo-deleted");
    host.client().genericKubernetesResources(APPLICATIONS).inNamespace(ARGO_NAMESPACE).withName("dpu-hello-deleted")
        .delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(application("dpu-hello-deleted")).isNull();
      assertThat(dpu.client().configMaps().inNamespace("demo-deleted").withName("hello-config").get()).isNull();
      assertThat(dpu.client().apps().deployments().inNamespace("demo-deleted").withName("hello").get()).isNull();
    });
  }

  /**
   * Application {@code name} of the hello chart (greeting bonjour, Argo CD's resources finalizer),
   * into namespace {@code namespace} of the DPU cluster, made here; returns once it is Synced and Healthy.
   */
  static void syncedApplication(String name, String namespace) {
    dpu.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
        .build()).create();
    host.client().resource(host.client().getKubernetesSerialization().unmarshal("""
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: %s
          namespace: argocd
          finalizers: [resources-finalizer.argocd.argoproj.io]
        spec:
          project: dpu
          source:
            repoURL: %s
            chart: hello
            targetRevision: 0.1.0
            helm: {releaseName: hello, valuesObject: {greeting: bonjour}}
          destination: {name: dpu, namespace: %s}
          syncPolicy: {automated: {prune: true, selfHeal: true}}
        """.formatted(name, charts.url(), namespace), GenericKubernetesResource.class)).create();

    await().atMost(WAIT).untilAsserted(() -> {
      GenericKubernetesResource app = application(name);
      assertThat(status(app, "sync")).as(describe(app)).isEqualTo("Synced");
      assertThat(status(app, "health")).as(describe(app)).isEqualTo("Healthy");
    });
  }

  /** Argo CD's cluster Secret: name, server and the client certificate in tlsClientConfig, base64 PEM. */
  static void registerCluster(String name, LocalControlPlane cluster) {
    KubernetesClient client = host.client();
    String server = cluster.client().getConfiguration().getMasterUrl().replaceAll("/$", "");
    String config = """
        {"tlsClientConfig":{"caData":"%s","certData":"%s","keyData":"%s"}}""".formatted(
        b64(cluster.credentials().caCertificatePem()), b64(cluster.credentials().admin().certificatePem()),
        b64(cluster.credentials().admin().privateKeyPem()));
    client.secrets().inNamespace(ARGO_NAMESPACE).resource(new SecretBuilder().withNewMetadata()
        .withName("cluster-" + name).withNamespace(ARGO_NAMESPACE)
        .addToLabels("argocd.argoproj.io/secret-type", "cluster").endMetadata()
        .addToStringData("name", name).addToStringData("server", server).addToStringData("config", config)
        .build()).create();
  }

  static GenericKubernetesResource application(String name) {
    return host.client().genericKubernetesResources(APPLICATIONS).inNamespace(ARGO_NAMESPACE).withName(name).get();
  }

  /** The greeting of the hello chart's ConfigMap in {@code namespace} of the DPU cluster. */
  static String greeting(String namespace) {
    ConfigMap config = dpu.client().configMaps().inNamespace(namespace).withName("hello-config").get();
    return config == null ? null : config.getData().get("greeting");
  }

  @SuppressWarnings("unchecked")
  static String status(GenericKubernetesResource app, String part) {
    Object status = app == null ? null : app.getAdditionalProperties().get("status");
    Object section = status instanceof Map<?, ?> m ? m.get(part) : null;
    return section instanceof Map<?, ?> s ? (String) ((Map<String, Object>) s).get("status") : null;
  }

  static String describe(GenericKubernetesResource app) {
    return app == null ? "no Application" : String.valueOf(app.getAdditionalProperties().get("status"))
        + "\ncontroller log:\n" + argoCd.tail("argocd-application-controller", 15);
  }

  static String b64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
