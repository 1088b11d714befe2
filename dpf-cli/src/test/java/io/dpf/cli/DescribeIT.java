package io.dpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dpf.api.ApiTypes;
import io.dpf.cli.read.ClientFactory;
import io.dpf.cli.read.Kind;
import io.dpf.cli.tree.Scope;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl dpf describe} against real API servers: a host cluster holding the fleet fixture
 * (statuses as the managers write them) and its DPU cluster, reached through the DPUCluster's
 * kubeconfig Secret as the managers reach it.
 */
class DescribeIT {

  private static LocalControlPlane host;
  private static LocalControlPlane dpu;

  @TempDir
  Path dir;

  @BeforeAll
  static void startClusters() {
    host = LocalControlPlane.startApiServerOnly("describe-host");
    dpu = LocalControlPlane.startApiServerOnly("dpu-cplane-tenant1");
    host.installCrds(ApiTypes.crds());
    Fixtures.create(host.client(), Fleet.load("fleet/fleet.yaml"));
    Fixtures.create(dpu.client(), Fleet.load("fleet/dpu-cluster.yaml"));
    DpuClusters.register(host, "dpu-cplane-tenant1", "dpu-cplane-tenant1", dpu);
  }

  @AfterAll
  static void stopClusters() {
    if (dpu != null) {
      dpu.close();
    }
    if (host != null) {
      host.close();
    }
  }

  private record Run(int exitCode, String out, String err) {
  }

  private Run describe(ClientFactory clients, String... args) throws Exception {
    Path kubeconfig = dir.resolve("host.kubeconfig");
    Files.writeString(kubeconfig, host.kubeconfigYaml());
    List<String> all = new ArrayList<>(List.of(args));
    if (all.stream().noneMatch(a -> a.startsWith("--kubeconfig"))) {
      all.add("--kubeconfig=" + kubeconfig);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliEnvironment environment = new CliEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, null, Fleet.NOW, clients);
    int code = DpfCli.commandLine(environment, null).execute(all.toArray(String[]::new));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theTreeReadFromRealClustersIsTheGoldenTree() throws Exception {
    Run run = describe(ClientFactory.standard(), "describe", "all", "--expand-resources");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // The same fixture as the unit test, now written to and read back from real API servers.
    assertThat(run.out()).isEqualTo(Fleet.text("fleet/describe-all-expanded.txt"));
  }

  @Test
  void eachKindIsListedOnceAndNoObjectIsReadOnItsOwn() throws Exception {
    RequestLog log = new RequestLog();

    Run run = describe(log, "describe", "all", "--expand-resources");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> requests = log.requests();
    assertThat(requests).allMatch(r -> r.split(" ")[1].equals("GET"), "reads only");
    Map<String, Long> perPath = requests.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
    assertThat(perPath).as("no request twice: %s", requests).allSatisfy((r, n) -> assertThat(n).isOne());
    String hostPort = String.valueOf(host.client().getMasterUrl().getPort());
    String dpuPort = String.valueOf(dpu.client().getMasterUrl().getPort());
    Set<String> hostPaths = requests.stream().filter(r -> r.startsWith(hostPort + " "))
        .map(r -> r.split(" ")[2]).collect(Collectors.toSet());
    Set<String> expectedHostLists = Scope.ALL.plan(true).hostKinds().stream()
        .map(k -> "/apis/" + k.context().getGroup() + "/" + k.context().getVersion() + "/" + k.context().getPlural())
        .collect(Collectors.toSet());
    // One list per kind across all namespaces, and the DPU cluster's kubeconfig Secret: nothing per object.
    assertThat(hostPaths).containsExactlyInAnyOrderElementsOf(union(expectedHostLists,
        Set.of("/api/v1/namespaces/dpu-cplane-tenant1/secrets/dpu-cplane-tenant1-admin-kubeconfig")));
    assertThat(requests.stream().filter(r -> r.startsWith(dpuPort + " ")).map(r -> r.split(" ")[2]))
        .containsExactlyInAnyOrder("/api/v1/nodes", "/apis/apps/v1/deployments", "/apis/apps/v1/daemonsets",
            "/apis/apps/v1/statefulsets", "/api/v1/pods");
  }

  @Test
  void issuesShowTheDpuInErrorAndTheDegradedApplicationWithReasonAndMessage() throws Exception {
    Run run = describe(ClientFactory.standard(), "describe", "all", "--issues", "--expand-resources");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(Fleet.text("fleet/describe-all-issues.txt"));
    assertThat(run.out()).containsPattern("DPU/worker-4-0000-4b-00 +dpf-operator-system +Ready: False +Error +30m +"
        + "DPU is in phase Error; OSInstalled \\(InstallationFailed\\): attempt 3: BMC 10.0.0.4 refused the BFB push: "
        + "401 Unauthorized");
    assertThat(run.out()).containsPattern("Application/dpu-cplane-tenant1-telemetry +dpf-operator-system +Synced +"
        + "Degraded +10m +DaemonSet telemetry: 0 of 2 ready");
    assertThat(run.out()).containsPattern("Pod/telemetry-abcde +tenant-a +Ready: False +CrashLoopBackOff");
    // Healthy subtrees are gone.
    assertThat(run.out()).doesNotContain("DPUClusters", "System Components", "3 DPUs...", "BFB/bf-bundle");
  }

  @Test
  void jsonOutputParsesAndHoldsTheRows() throws Exception {
    Run run = describe(ClientFactory.standard(), "describe", "dpusets", "-o", "json", "--grouping=false");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode set = new ObjectMapper().readTree(run.out()).get("items").get(0);
    assertThat(set.get("kind").asText()).isEqualTo("DPUSet");
    assertThat(set.at("/children/1/children")).hasSize(4);
    assertThat(set.at("/children/0/name").asText()).isEqualTo("bf-bundle");
  }

  @Test
  void anUnreachableDpuClusterIsARowAndTheRestIsShown() throws Exception {
    KubernetesClient client = host.client();
    String namespace = "dpu-cplane-tenant2";
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String deadKubeconfig = dpu.kubeconfigYaml().replaceAll("https://127\\.0\\.0\\.1:\\d+", "https://127.0.0.1:"
        + closedPort);
    client.secrets().resource(new SecretBuilder().withMetadata(new ObjectMetaBuilder()
        .withName(namespace + "-admin-kubeconfig").withNamespace(namespace).build())
        .addToStringData("admin.conf", deadKubeconfig).build()).create();
    GenericKubernetesResource cluster = Fleet.load("fleet/fleet.yaml").stream()
        .filter(o -> o.getKind().equals("DPUCluster")).findFirst().orElseThrow();
    cluster.getMetadata().setName(namespace);
    cluster.getMetadata().setNamespace(namespace);
    cluster.setAdditionalProperty("spec", Map.of("type", "kamaji", "version", "v1.36.3"));
    try {
      Fixtures.create(client, List.of(cluster));

      Run run = describe(ClientFactory.standard(), "describe", "dpuclusters");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).containsPattern("DPU cluster dpu-cplane-tenant2 +Unreachable +cannot reach "
          + "https://127.0.0.1:" + closedPort + "/ \\(from Secret dpu-cplane-tenant2/dpu-cplane-tenant2-admin-kubeconfig\\)"
          + ": .*Connection refused");
      assertThat(run.out()).contains("2 Nodes...", "See dpu-worker-1, dpu-worker-2");
    } finally {
      client.namespaces().withName(namespace).delete();
      client.genericKubernetesResources(Kind.DPU_CLUSTER.context()).inNamespace(namespace).withName(namespace).delete();
    }
  }

  @Test
  void contextPicksTheClusterAndAnUnreachableHostIsOneClearLine() throws Exception {
    // A kubeconfig whose current context is the DPU cluster: --context selects the host.
    Config merged = KubeConfigUtils
        .parseConfigFromString(dpu.kubeconfigYaml());
    Config hostConfig = KubeConfigUtils
        .parseConfigFromString(host.kubeconfigYaml());
    merged.getClusters().addAll(hostConfig.getClusters());
    merged.getUsers().addAll(hostConfig.getUsers());
    merged.getContexts().addAll(hostConfig.getContexts());
    Path both = dir.resolve("both.kubeconfig");
    Files.writeString(both, Serialization.asYaml(merged));

    Run onHost = describe(ClientFactory.standard(), "describe", "dpusets", "--kubeconfig=" + both,
        "--context=describe-host");
    Run onDpu = describe(ClientFactory.standard(), "describe", "dpusets", "--kubeconfig=" + both);

    assertThat(onHost.out()).contains("DPUSet/vpc-ovn-dpuset1");
    assertThat(onDpu.exitCode()).as(onDpu.err()).isZero();
    assertThat(onDpu.out()).doesNotContain("DPUSet/").contains("NAME");

    Path dead = dir.resolve("dead.kubeconfig");
    try (ServerSocket socket = new ServerSocket(0)) {
      Files.writeString(dead, host.kubeconfigYaml().replaceAll("https://127\\.0\\.0\\.1:\\d+",
          "https://127.0.0.1:" + socket.getLocalPort()));
    }
    Run unreachable = describe(ClientFactory.standard(), "describe", "all", "--kubeconfig=" + dead);
    assertThat(unreachable.exitCode()).as(unreachable.out() + unreachable.err()).isEqualTo(1);
    assertThat(unreachable.err()).startsWith("describe: cannot reach the host cluster at https://127.0.0.1:")
        .contains("Connection refused");
    assertThat(unreachable.out()).isEmpty();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
