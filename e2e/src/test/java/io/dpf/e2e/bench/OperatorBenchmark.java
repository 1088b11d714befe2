package io.dpf.e2e.bench;

import static org.awaitility.Awaitility.await;

import io.dpf.api.ApiTypes;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceStatus;
import io.dpf.operator.OperatorModule;
import io.dpf.operator.OperatorSettings;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.SeedPrerequisites;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The seed's flow timed: apply → components deployed → Ready → quiet → deleted; API writes and heap. */
class OperatorBenchmark {

  static final String NS = SeedPrerequisites.NAMESPACE;

  @Test
  void seedFlowFigures() throws Exception {
    try (LocalControlPlane host = LocalControlPlane.start("operator-bench")) {
      KubernetesClient client = host.client();
      host.addNode("control-plane-0", Map.of("node-role.kubernetes.io/control-plane", ""));
      host.installCrds(ApiTypes.all().stream().filter(k -> !ApiTypes.DPU_CLUSTER_KINDS.contains(k))
          .filter(k -> !k.getPackageName().contains(".argocd.")).map(ApiTypes::crd).toList());
      SeedPrerequisites.create(host);
      WriteCounter writes = new WriteCounter();
      long heapBefore = Figures.heapAfterGcMiB();
      try (KubernetesClient operatorClient = writes.countingClient(host)) {
        Manager operator = Manager.create(new ManagerModule(new ManagerSettings("dpf-operator", 0, null, Duration.ofSeconds(5))),
            ManagerModule.useClient(operatorClient), new OperatorModule(OperatorSettings.defaults()));
        operator.start();
        try {
          Instant applied = Instant.now();
          client.load(OperatorBenchmark.class.getResourceAsStream("/seed/dpfoperatorconfig.yaml")).items()
              .forEach(o -> client.resource(o).create());
          time("seed applied → SystemComponentsReconciled", applied, () -> condition(client, "SystemComponentsReconciled"));
          Figures.print("API writes by the operator to deploy everything", writes.count(), "requests");
          time("seed applied → host Deployments ready (DPUServices pending)", applied, () -> notReadyOnlyDpuServices(client));
          Instant marked = Instant.now();
          markDpuServicesReady(client);
          time("DPUServices Ready → DPFOperatorConfig Ready", marked, () -> condition(client, "Ready"));
          int settled = writes.count();
          Thread.sleep(30_000);
          Figures.print("API writes over 30 s of an unchanged world", writes.count() - settled, "requests");
          Figures.print("operator JVM heap growth after GC (whole test JVM)", Figures.heapAfterGcMiB() - heapBefore, "MiB");
          Instant deleted = Instant.now();
          client.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig").delete();
          time("delete → everything gone, finalizer removed", deleted,
              () -> client.resources(DPFOperatorConfig.class).inNamespace(NS).list().getItems().isEmpty());
        } finally {
          operator.close();
        }
      }
    }
  }

  private static void time(String what, Instant from, BooleanSupplier done) {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(done::getAsBoolean);
    Figures.print(what, Duration.between(from, Instant.now()).toMillis(), "ms");
  }

  private static boolean condition(KubernetesClient client, String type) {
    DPFOperatorConfig config = client.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig").get();
    return config != null && config.getStatus() != null && config.getStatus().getConditions() != null
        && config.getStatus().getConditions().stream().anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean notReadyOnlyDpuServices(KubernetesClient client) {
    DPFOperatorConfig config = client.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig").get();
    return config.getStatus().getConditions().stream().filter(c -> "SystemComponentsReady".equals(c.getType()))
        .anyMatch(c -> !c.getMessage().contains("Deployment") && !c.getMessage().contains("StatefulSet"));
  }

  /** Marks the system DPUServices Ready, as their manager would once Argo CD synced them. */
  private static void markDpuServicesReady(KubernetesClient client) {
    for (DPUService service : client.resources(DPUService.class).inNamespace(NS).list().getItems()) {
      DPUServiceStatus status = new DPUServiceStatus();
      status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True").withReason("Success")
          .withMessage("").withLastTransitionTime(Instant.now().toString()).build()));
      service.setStatus(status);
      client.resource(service).updateStatus();
    }
  }
}
