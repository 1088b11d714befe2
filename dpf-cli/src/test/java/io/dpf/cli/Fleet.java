package io.dpf.cli;

import io.dpf.cli.read.DpuClusterView;
import io.dpf.cli.read.Kind;
import io.dpf.cli.read.Snapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshots built from the YAML fixtures in {@code fleet/}, as the reader would have read them. */
public final class Fleet {

  /** A day after the DPFOperatorConfig became Ready. */
  public static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

  private static final List<Kind> KINDS = List.of(Kind.DPF_OPERATOR_CONFIG, Kind.DPU_CLUSTER, Kind.DPU_DEPLOYMENT,
      Kind.DPU_SET, Kind.BFB_KIND, Kind.DPU_KIND, Kind.DPU_SERVICE, Kind.DPU_SERVICE_TEMPLATE, Kind.DPU_SERVICE_CHAIN,
      Kind.DPU_SERVICE_INTERFACE, Kind.DPU_SERVICE_IPAM, Kind.DPU_SERVICE_CREDENTIAL_REQUEST, Kind.APPLICATION,
      Kind.NODE, Kind.DEPLOYMENT, Kind.DAEMON_SET, Kind.STATEFUL_SET, Kind.POD);

  private Fleet() {
  }

  /** The fleet with its DPU cluster read. */
  public static Snapshot snapshot() {
    return new Snapshot(byKind(load("fleet/fleet.yaml")), Map.of(), Map.of("dpu-cplane-tenant1/dpu-cplane-tenant1",
        new DpuClusterView("dpu-cplane-tenant1", "dpu-cplane-tenant1", null, byKind(load("fleet/dpu-cluster.yaml")))));
  }

  /** The fleet with its DPU cluster unreachable. */
  public static Snapshot withUnreachableDpuCluster(String problem) {
    return new Snapshot(byKind(load("fleet/fleet.yaml")), Map.of(), Map.of("dpu-cplane-tenant1/dpu-cplane-tenant1",
        DpuClusterView.unreachable("dpu-cplane-tenant1", "dpu-cplane-tenant1", problem)));
  }

  public static Map<Kind, List<GenericKubernetesResource>> byKind(List<GenericKubernetesResource> objects) {
    Map<Kind, List<GenericKubernetesResource>> byKind = new LinkedHashMap<>();
    for (GenericKubernetesResource object : objects) {
      Kind kind = KINDS.stream().filter(k -> k.name().equals(object.getKind())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no kind " + object.getKind()));
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(object);
    }
    return byKind;
  }

  /** A test resource as text. */
  public static String text(String resource) {
    try (InputStream in = Fleet.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<GenericKubernetesResource> load(String resource) {
    String yaml = text(resource);
    List<GenericKubernetesResource> objects = new ArrayList<>();
    KubernetesSerialization serialization = new KubernetesSerialization();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (!document.replaceAll("(?m)^#.*$", "").isBlank()) {
        objects.add(serialization.unmarshal(document, GenericKubernetesResource.class));
      }
    }
    return objects;
  }
}
