package io.dpf.dpuservice;

import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.HelmChartRepository;
import io.dpf.testkit.LocalArgoCd;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.TcpProxy;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The DPUService manager with the real Argo CD: a host and two full DPU clusters (garbage collector
 * and a KWOK node each; dpu-b reached through a relay a test can cut), the test chart in an HTTPS
 * chart repository Argo CD trusts, Argo CD watching the DPFOperatorConfig's namespace, and the
 * manager in this JVM acting as the dpuservice-controller chart's service account.
 */
final class ArgoCdEnvironment implements AutoCloseable {

  static final String CHART = "dpu-demo";
  static final String CHART_VERSION = "0.1.0";

  final WriteCounter writes = new WriteCounter();
  LocalControlPlane host;
  LocalControlPlane dpuA;
  LocalControlPlane dpuB;
  TcpProxy dpuBLink;
  HelmChartRepository charts;
  LocalArgoCd argoCd;
  Manager manager;

  private ArgoCdEnvironment() {}

  static ArgoCdEnvironment start(Duration argoCdResync) {
    ArgoCdEnvironment env = new ArgoCdEnvironment();
    try {
      env.boot(argoCdResync);
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private void boot(Duration argoCdResync) {
    // Full clusters: Argo CD's resources finalizer deletes in the foreground, which needs the
    // garbage collector, and the in-cluster Applications land on the host.
    host = LocalControlPlane.start("dpuservice-host");
    dpuA = LocalControlPlane.start("dpuservice-dpu-a");
    dpuB = LocalControlPlane.start("dpuservice-dpu-b");
    dpuA.addNode("dpu-a-worker", Map.of());
    dpuB.addNode("dpu-b-worker", Map.of());
    URI dpuBServer = URI.create(dpuB.client().getConfiguration().getMasterUrl());
    dpuBLink = TcpProxy.to(dpuBServer.getHost(), dpuBServer.getPort());
    charts = HelmChartRepository.serve(List.of(Path.of("src/test/resources/charts", CHART).toAbsolutePath()));
    argoCd = LocalArgoCd.start(host, DpuServiceFixture.ARGOCD_NAMESPACE, argoCdResync);
    argoCd.trust(charts);
    DpuServiceFixture.prepareHostForArgoCd(host);
    registerDpuA();
    registerDpuB();
    DpuServiceFixture.installChartRbac(host);
    manager = DpuServiceFixture.startManager(host, writes);
  }

  void registerDpuA() {
    DpuServiceFixture.registerDpuCluster(host, "dpu-a", dpuA);
  }

  /** dpu-b as the manager and Argo CD reach it: through the relay. */
  void registerDpuB() {
    String direct = dpuB.client().getConfiguration().getMasterUrl().replaceAll("/$", "");
    DpuServiceFixture.registerDpuCluster(host, "dpu-b",
        dpuB.kubeconfigYaml().replace(direct, "https://127.0.0.1:" + dpuBLink.port()));
  }

  KubernetesClient client() {
    return host.client();
  }

  /** A DPUService of the test chart, with a value and its name as serviceID. */
  DPUService dpuService(String namespace, String name) {
    return client().getKubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUService
        metadata: {name: %s, namespace: %s}
        spec:
          serviceID: %s
          helmChart:
            source: {repoURL: "%s", chart: %s, version: "%s"}
            values: {image: {tag: v1}}
        """.formatted(name, namespace, name, charts.url(), CHART, CHART_VERSION), DPUService.class);
  }

  @Override
  public void close() {
    if (manager != null) {
      manager.close();
    }
    for (AutoCloseable part : new AutoCloseable[] {argoCd, charts, dpuBLink, dpuB, dpuA, host}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }
}
