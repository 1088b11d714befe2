package io.dpf.operator;

import static io.dpf.operator.OperatorTestSupport.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.ImageComponentConfiguration;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceStatus;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's operator flow on a real API server. One operator and cluster for the class; each test
 * first brings the config to the state it starts from ({@link #freshConfig} or {@link #readyConfig}),
 * so any test runs alone or in any order.
 */
class DPFOperatorConfigIT {

  static final List<String> DPU_SERVICES = List.of("servicechainset-controller", "multus", "sriov-device-plugin",
      "flannel", "nvidia-k8s-ipam", "ovs-cni", "sfc-controller");
  static final Duration WAIT = Duration.ofSeconds(90);

  static LocalControlPlane host;
  static KubernetesClient client;
  static WriteCounter writes = new WriteCounter();
  static Manager operator;

  @BeforeAll
  static void start() {
    host = LocalControlPlane.start("operator-it");
    client = host.client();
    OperatorTestSupport.prepareHost(host);
    operator = OperatorTestSupport.startOperator(host, writes);
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    host.close();
  }

  @Test
  void seedConfigDeploysEveryComponentAndWaitsForTheDpuServices() {
    freshConfig();

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_RECONCILED)).hasValueSatisfying(c ->
          assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
      assertThat(condition(ConditionTypes.DPFOperatorConfig.IMAGE_PULL_SECRETS_RECONCILED))
          .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
    });
    assertThat(config().getMetadata().getFinalizers()).contains(Finalizers.DPF_OPERATOR_CONFIG);
    assertThat(client.secrets().inNamespace(NAMESPACE).withName("dpf-pull-secret").get().getMetadata().getLabels())
        .containsKey(LabelKeys.IMAGE_PULL_SECRET);
    Deployment provisioning = client.apps().deployments().inNamespace(NAMESPACE)
        .withName("dpf-provisioning-controller-manager").get();
    assertThat(provisioning.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).contains("--bfb-pvc=bfb-pvc");
    assertThat(client.resources(DPUService.class).inNamespace(NAMESPACE).list().getItems())
        .extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(DPU_SERVICES);
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName("applications.argoproj.io").get()).isNotNull();

    // Host workloads run on the simulated control-plane node; DPUServices wait for their manager.
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_READY))
        .hasValueSatisfying(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getMessage()).contains("DPUService flannel is not Ready").doesNotContain("Deployment");
        }));
    assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
  }

  @Test
  void configBecomesReadyWhenDpuServicesReportReady_markedByTheTestAsTheDpuServiceManagerWould() {
    freshConfig();
    markDpuServicesReady();
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ConditionTypes.READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True")));
    assertThat(config().getStatus().getObservedGeneration()).isEqualTo(config().getMetadata().getGeneration());
    await().atMost(WAIT).untilAsserted(() -> assertThat(client.v1().events().inNamespace(NAMESPACE)
        .withField("involvedObject.name", "dpfoperatorconfig").list().getItems())
        .anySatisfy(e -> {
          assertThat(e.getReason()).isEqualTo("Ready");
          assertThat(e.getType()).isEqualTo("Normal");
        })
        .anySatisfy(e -> assertThat(e.getReason()).isEqualTo("SystemComponentsReconciled")));
  }

  @Test
  void anUnchangedWorldCausesNoWrites() throws InterruptedException {
    readyConfig();
    // Settled first: a reconcile that started from a cache older than our own last status write
    // may repeat that write once, right after convergence.
    awaitOperatorQuiet(Duration.ofSeconds(5));
    // The world must really be unchanged: on a loaded machine a simulated node can miss its heartbeat
    // and a workload turn unready, which the operator rightly reports. Such a window is measured again.
    for (int window = 1; ; window++) {
      String world = operatorInputs();
      int before = writes.count();
      int readsBefore = writes.readCount();
      Thread.sleep(Duration.ofSeconds(20).toMillis());
      if (!world.equals(operatorInputs()) && window < 4) {
        continue;
      }
      assertThat(operatorInputs()).as("the operator's inputs stayed the same for one 20 s window").isEqualTo(world);
      System.out.printf("%n[figures] dpf-operator, 20 s of an unchanged world: %d writes, %d reads (beyond its watches)%n",
          writes.since(before).size(), writes.readsSince(readsBefore).size());
      assertThat(writes.since(before)).as("writes by the operator over 20 s of nothing changing").isEmpty();
      // Its reconciler reads the manager's shared caches: no GET or LIST beyond the informers' watches.
      assertThat(writes.readsSince(readsBefore)).as("reads by the operator over 20 s of nothing changing").isEmpty();
      return;
    }
  }

  /** Until the operator made no write for one {@code window}. */
  private static void awaitOperatorQuiet(Duration window) {
    int[] last = {-1};
    await().atMost(WAIT).pollInterval(window).until(() -> {
      int now = writes.count();
      boolean quiet = now == last[0];
      last[0] = now;
      return quiet;
    });
  }

  /** What the operator watches besides its own config: workloads, DPUServices and Secrets of its namespace. */
  private static String operatorInputs() {
    TreeMap<String, String> versions = new TreeMap<>();
    client.apps().deployments().inNamespace(NAMESPACE).list().getItems()
        .forEach(o -> versions.put("Deployment " + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    client.apps().statefulSets().inNamespace(NAMESPACE).list().getItems()
        .forEach(o -> versions.put("StatefulSet " + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    client.apps().daemonSets().inNamespace(NAMESPACE).list().getItems()
        .forEach(o -> versions.put("DaemonSet " + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    client.resources(DPUService.class).inNamespace(NAMESPACE).list().getItems()
        .forEach(o -> versions.put("DPUService " + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    client.secrets().inNamespace(NAMESPACE).list().getItems()
        .forEach(o -> versions.put("Secret " + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
    return versions.toString();
  }

  @Test
  void aRestartedOperatorRepairsWhatChangedWhileItWasDown() {
    readyConfig();
    operator.close();
    client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").delete();
    await().atMost(WAIT).until(() ->
        client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").get() == null);

    operator = OperatorTestSupport.startOperator(host, writes);

    await().atMost(WAIT).until(() ->
        client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").get() != null);
  }

  @Test
  void aPausedConfigIsLeftAloneUntilResumed() throws InterruptedException {
    readyConfig();
    setPaused(true);
    // A pause shows nowhere in the status (DPF's semantics): a reconcile that began before it may
    // still write, so the deletion below waits until the operator is quiet.
    awaitOperatorQuiet(Duration.ofSeconds(2));
    try {
      client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").delete();
      await().atMost(WAIT).until(() ->
          client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").get() == null);
      Thread.sleep(Duration.ofSeconds(5).toMillis()); // what a paused operator must not do takes no time
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").get())
          .as("recreated while paused").isNull();
    } finally {
      setPaused(false);
    }
    await().atMost(WAIT).until(() ->
        client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").get() != null);
  }

  private static void setPaused(boolean paused) {
    editConfig(c -> {
      c.getSpec().getOverrides().setPaused(paused);
      return c;
    });
  }

  @Test
  void overridesAreAppliedAndDisabledComponentsPruned() {
    readyConfig();
    editConfig(c -> {
      ImageComponentConfiguration image = new ImageComponentConfiguration();
      image.setImage("registry.local:5000/dpf/dpuservice-manager:dev");
      c.getSpec().setDpuServiceController(image);
      c.getSpec().getOverrides().setDisableSystemComponents(List.of("flannel"));
      return c;
    });
    await().atMost(WAIT).untilAsserted(() -> {
      Deployment manager = client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").get();
      assertThat(manager).isNotNull();
      assertThat(manager.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
          .isEqualTo("registry.local:5000/dpf/dpuservice-manager:dev");
      assertThat(client.resources(DPUService.class).inNamespace(NAMESPACE).withName("flannel").get()).isNull();
      assertThat(client.secrets().inNamespace(NAMESPACE).withName("flannel-applyset").get()).isNull();
    });
  }

  @Test
  void badInputIsReportedInConditionsAndRecoveredFrom() {
    readyConfig();
    editConfig(c -> {
      c.getSpec().getOverrides().setDisableSystemComponents(List.of("flanel"));
      c.getSpec().setImagePullSecrets(List.of("no-such-secret"));
      return c;
    });
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_RECONCILED)).hasValueSatisfying(c -> {
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getReason()).isEqualTo("Error");
        assertThat(c.getMessage()).contains("unknown component \"flanel\"");
      });
      assertThat(condition(ConditionTypes.DPFOperatorConfig.IMAGE_PULL_SECRETS_RECONCILED)).hasValueSatisfying(c ->
          assertThat(c.getMessage()).contains("no-such-secret"));
    });
    editConfig(c -> {
      c.getSpec().getOverrides().setDisableSystemComponents(null);
      c.getSpec().setImagePullSecrets(null);
      return c;
    });
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_RECONCILED))
          .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
      assertThat(client.resources(DPUService.class).inNamespace(NAMESPACE).withName("flannel").get()).isNotNull();
    });
  }

  @Test
  void deletionGoesStageByStageAndRemovesEverythingTheOperatorWrote() {
    readyConfig();
    // A user's chain that cannot go yet (its finalizer stands for the SFC controller's cleanup) and a BFB.
    client.resource(client.getKubernetesSerialization().unmarshal(String.join("\n",
        "apiVersion: svc.dpu.nvidia.com/v1alpha1", "kind: DPUServiceChain",
        "metadata: {name: user-chain, namespace: " + NAMESPACE + ", finalizers: [test.dpf.io/hold]}",
        "spec: {template: {spec: {template: {spec: {switches: [{ports: [{serviceInterface: {matchLabels: {a: b}}}]}]}}}}}"),
        GenericKubernetesResource.class)).create();
    client.resource(client.getKubernetesSerialization().unmarshal(String.join("\n",
        "apiVersion: provisioning.dpu.nvidia.com/v1alpha1", "kind: BFB",
        "metadata: {name: user-bfb, namespace: " + NAMESPACE + "}",
        "spec: {url: 'http://bfb-server/bf-bundle.bfb'}"), GenericKubernetesResource.class)).create();

    client.resources(DPFOperatorConfig.class).inNamespace(NAMESPACE).withName("dpfoperatorconfig").delete();

    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_RECONCILED))
        .hasValueSatisfying(c -> {
          assertThat(c.getReason()).isEqualTo("AwaitingDeletion");
          assertThat(c.getMessage()).contains("DPUServiceChain " + NAMESPACE + "/user-chain");
        }));
    assertThat(client.resources(DPUService.class).inNamespace(NAMESPACE).list().getItems())
        .as("DPUServices wait for the chains").isNotEmpty();
    assertThat(client.genericKubernetesResources("provisioning.dpu.nvidia.com/v1alpha1", "BFB").inNamespace(NAMESPACE)
        .withName("user-bfb").get()).as("BFBs wait for everything before them").isNotNull();

    client.genericKubernetesResources("svc.dpu.nvidia.com/v1alpha1", "DPUServiceChain").inNamespace(NAMESPACE)
        .withName("user-chain").edit(chain -> {
          chain.getMetadata().getFinalizers().clear();
          return chain;
        });
    await().atMost(Duration.ofSeconds(120)).until(() ->
        client.resources(DPFOperatorConfig.class).inNamespace(NAMESPACE).withName("dpfoperatorconfig").get() == null);
    assertThat(client.genericKubernetesResources("provisioning.dpu.nvidia.com/v1alpha1", "BFB").inNamespace(NAMESPACE)
        .withName("user-bfb").get()).isNull();
    assertThat(objectsWithComponentLabel()).as("objects labelled " + LabelKeys.COMPONENT + " after deletion").isEmpty();
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName("applications.argoproj.io").get()).isNull();
  }

  /**
   * The seed's config just created, its DPUServices not Ready yet: a config left by another test is
   * deleted first (a held chain of the deletion test released), and its deletion awaited.
   */
  static void freshConfig() {
    if (config() != null) {
      client.genericKubernetesResources("svc.dpu.nvidia.com/v1alpha1", "DPUServiceChain").inNamespace(NAMESPACE).list()
          .getItems().forEach(chain -> client.resource(chain).edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
          }));
      client.resources(DPFOperatorConfig.class).inNamespace(NAMESPACE).withName("dpfoperatorconfig").delete();
      await().atMost(Duration.ofSeconds(120)).until(() -> config() == null);
    }
    client.resource(OperatorTestSupport.seedConfig(client)).create();
  }

  /**
   * The seed's config Ready: created when missing, its spec put back to the seed's (another test may
   * have changed it), the DPUServices marked Ready as the DPUService manager would.
   */
  static void readyConfig() {
    if (config() == null) {
      client.resource(OperatorTestSupport.seedConfig(client)).create();
    } else {
      DPFOperatorConfig seed = OperatorTestSupport.seedConfig(client);
      editConfig(c -> {
        c.setSpec(seed.getSpec());
        return c;
      });
    }
    markDpuServicesReady();
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ConditionTypes.READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True")));
  }

  /** Once the operator made every system DPUService, marks those not Ready yet as Ready. */
  static void markDpuServicesReady() {
    await().atMost(WAIT).untilAsserted(() -> assertThat(client.resources(DPUService.class).inNamespace(NAMESPACE)
        .list().getItems()).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(DPU_SERVICES));
    for (DPUService service : client.resources(DPUService.class).inNamespace(NAMESPACE).list().getItems()) {
      boolean ready = service.getStatus() != null && service.getStatus().getConditions() != null
          && service.getStatus().getConditions().stream()
              .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      if (!ready) {
        Condition condition = new ConditionBuilder().withType("Ready").withStatus("True").withReason("Success")
            .withMessage("").withLastTransitionTime(Instant.now().toString()).build();
        service.setStatus(new DPUServiceStatus());
        service.getStatus().setConditions(List.of(condition));
        client.resource(service).updateStatus();
      }
    }
  }

  /** Every object of every listable kind on the cluster that carries the component label. */
  static List<String> objectsWithComponentLabel() {
    List<String> found = new ArrayList<>();
    for (var group : client.getApiGroups().getGroups()) {
      discover(group.getPreferredVersion().getGroupVersion(), found);
    }
    discover("v1", found);
    return found;
  }

  private static void discover(String groupVersion, List<String> found) {
    for (var resource : client.getApiResources(groupVersion).getResources()) {
      if (resource.getName().contains("/") || !resource.getVerbs().contains("list")) {
        continue;
      }
      var kind = client.genericKubernetesResources(groupVersion, resource.getKind());
      List<GenericKubernetesResource> items = Boolean.TRUE.equals(resource.getNamespaced())
          ? kind.inAnyNamespace().withLabel(LabelKeys.COMPONENT).list().getItems()
          : kind.withLabel(LabelKeys.COMPONENT).list().getItems();
      items.forEach(i -> found.add(resource.getKind() + " " + i.getMetadata().getNamespace() + "/" + i.getMetadata().getName()));
    }
  }

  /**
   * Edits the config as a user would, again on a conflict: the operator writes its status
   * concurrently, and an edit carries the resourceVersion it read.
   */
  static void editConfig(UnaryOperator<DPFOperatorConfig> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.resources(DPFOperatorConfig.class).inNamespace(NAMESPACE).withName("dpfoperatorconfig").edit(change);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  static DPFOperatorConfig config() {
    return client.resources(DPFOperatorConfig.class).inNamespace(NAMESPACE).withName("dpfoperatorconfig").get();
  }

  static Optional<Condition> condition(String type) {
    DPFOperatorConfig config = config();
    if (config == null || config.getStatus() == null || config.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return config.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
