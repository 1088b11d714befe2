package io.dpf.operator.inventory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The API calls each upstream component makes with its service account (from its own deployment
 * manifests and what its code does), and the rules a chart's bindings give a service account.
 */
final class UpstreamPermissions {

  /** One API call: a verb on a resource ({@code group} "" for the core group), cluster-wide or in the release namespace. */
  record Call(String serviceAccount, String group, String resource, String verb, boolean namespaced) {
    @Override
    public String toString() {
      return serviceAccount + ": " + verb + " " + (group.isEmpty() ? "" : group + "/") + resource
          + (namespaced ? " (own namespace)" : "");
    }
  }

  static final Map<String, List<Call>> CALLS = Map.of(
      "multus", List.of(
          call("multus", "k8s.cni.cncf.io", "network-attachment-definitions", "get"),
          call("multus", "", "pods", "get"),
          call("multus", "", "pods", "update"),
          call("multus", "", "pods/status", "update"),
          call("multus", "", "events", "create")),
      "flannel", List.of(
          call("flannel", "", "pods", "get"),
          call("flannel", "", "nodes", "list"),
          call("flannel", "", "nodes", "watch"),
          call("flannel", "", "nodes/status", "patch")),
      "nvidia-k8s-ipam", List.of(
          call("nvidia-k8s-ipam-controller", "", "nodes", "watch"),
          call("nvidia-k8s-ipam-controller", "", "nodes", "patch"),
          call("nvidia-k8s-ipam-controller", "nv-ipam.nvidia.com", "ippools", "list"),
          call("nvidia-k8s-ipam-controller", "nv-ipam.nvidia.com", "cidrpools", "watch"),
          call("nvidia-k8s-ipam-controller", "nv-ipam.nvidia.com", "ippools/status", "update"),
          call("nvidia-k8s-ipam-controller", "nv-ipam.nvidia.com", "cidrpools/status", "patch"),
          new Call("nvidia-k8s-ipam-controller", "coordination.k8s.io", "leases", "update", true),
          call("nvidia-k8s-ipam-controller", "", "events", "create"),
          call("nvidia-k8s-ipam-node", "", "nodes", "get"),
          call("nvidia-k8s-ipam-node", "", "pods", "watch"),
          call("nvidia-k8s-ipam-node", "nv-ipam.nvidia.com", "ippools", "watch"),
          call("nvidia-k8s-ipam-node", "nv-ipam.nvidia.com", "cidrpools", "list")),
      "ovs-cni", List.of(
          call("ovs-cni-marker", "", "nodes", "get"),
          call("ovs-cni-marker", "", "nodes/status", "patch")),
      // The device plugin talks to the kubelet only.
      "sriov-device-plugin", List.of());

  private UpstreamPermissions() {}

  private static Call call(String serviceAccount, String group, String resource, String verb) {
    return new Call(serviceAccount, group, resource, verb, false);
  }

  /** The rules the rendered bindings give a service account of the namespace; namespaced rules only count there. */
  static List<PolicyRule> rules(List<HasMetadata> objects, String serviceAccount, String namespace, boolean namespaced) {
    List<PolicyRule> rules = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof ClusterRoleBinding b && boundTo(b.getSubjects(), serviceAccount, namespace)) {
        rules.addAll(roleRules(objects, b.getRoleRef(), namespace));
      } else if (namespaced && o instanceof RoleBinding b && boundTo(b.getSubjects(), serviceAccount, namespace)
          && namespace.equals(b.getMetadata().getNamespace())) {
        rules.addAll(roleRules(objects, b.getRoleRef(), namespace));
      }
    }
    return rules;
  }

  static boolean grants(List<PolicyRule> rules, Call call) {
    return rules.stream().anyMatch(r -> r.getApiGroups().contains(call.group())
        && r.getResources().contains(call.resource()) && r.getVerbs().contains(call.verb()));
  }

  private static List<PolicyRule> roleRules(List<HasMetadata> objects, RoleRef ref, String namespace) {
    for (HasMetadata o : objects) {
      if (o.getMetadata().getName().equals(ref.getName())) {
        if ("ClusterRole".equals(ref.getKind()) && o instanceof ClusterRole role) {
          return role.getRules();
        }
        if ("Role".equals(ref.getKind()) && o instanceof Role role && namespace.equals(role.getMetadata().getNamespace())) {
          return role.getRules();
        }
      }
    }
    return List.of();
  }

  private static boolean boundTo(List<Subject> subjects, String serviceAccount, String namespace) {
    return subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
        && serviceAccount.equals(s.getName()) && namespace.equals(s.getNamespace()));
  }
}
