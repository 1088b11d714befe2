package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Simulated nodes: plain Nodes with KWOK's annotation, which the kwok process then keeps Ready (with a
 * heartbeat Lease) and whose Pods it moves to Running. Labels and capacity are those a kubelet would set.
 */
public final class KwokNodes {

  public static final String MANAGED_ANNOTATION = "kwok.x-k8s.io/node";

  private KwokNodes() {}

  public static Node create(KubernetesClient client, String name, Map<String, String> extraLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("type", "kwok");
    labels.putAll(extraLabels);
    Map<String, Quantity> capacity = Map.of(
        "cpu", new Quantity("32"), "memory", new Quantity("256Gi"), "pods", new Quantity("110"),
        "ephemeral-storage", new Quantity("500Gi"));
    Node node = new NodeBuilder()
        .withNewMetadata().withName(name).withLabels(labels)
            .addToAnnotations(MANAGED_ANNOTATION, "fake")
            .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
        .endMetadata()
        .withNewStatus().withCapacity(capacity).withAllocatable(capacity)
            .withNewNodeInfo().withArchitecture("amd64").withOperatingSystem("linux")
                .withKubeletVersion("fake").withKubeProxyVersion("fake").withContainerRuntimeVersion("kwok")
                .withOsImage("kwok").withKernelVersion("kwok").withMachineID(name).withSystemUUID(name)
                .withBootID(name)
            .endNodeInfo()
        .endStatus()
        .build();
    return client.nodes().resource(node).create();
  }
}
