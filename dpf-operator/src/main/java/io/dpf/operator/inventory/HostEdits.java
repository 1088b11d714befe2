package io.dpf.operator.inventory;

import io.dpf.api.LabelKeys;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edits every host-cluster component gets (as DPF makes them): the config's namespace, the
 * component and ApplySet labels, pull secrets, scheduling onto control-plane nodes, and the image of
 * the container named {@code manager}.
 */
final class HostEdits {

  static final String MANAGER_CONTAINER = "manager";
  private static final Set<String> CLUSTER_SCOPED =
      Set.of("ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "Namespace");

  private HostEdits() {}

  static void apply(List<HasMetadata> objects, RenderInputs in) {
    for (HasMetadata object : objects) {
      if (!CLUSTER_SCOPED.contains(object.getKind())) {
        object.getMetadata().setNamespace(in.namespace());
      }
      Map<String, String> labels = new LinkedHashMap<>(Optional.ofNullable(object.getMetadata().getLabels()).orElse(Map.of()));
      labels.put(LabelKeys.COMPONENT, in.settings().name());
      labels.put(LabelKeys.APPLYSET_PART_OF, in.applySetId());
      object.getMetadata().setLabels(labels);
      if (object instanceof ClusterRoleBinding binding) {
        binding.getSubjects().forEach(s -> s.setNamespace(in.namespace()));
      } else if (object instanceof RoleBinding binding) {
        binding.getSubjects().forEach(s -> s.setNamespace(in.namespace()));
      }
      podSpec(object).ifPresent(pod -> editPod(pod, in));
    }
  }

  static Optional<PodSpec> podSpec(HasMetadata object) {
    if (object instanceof Deployment d) {
      return Optional.of(d.getSpec().getTemplate().getSpec());
    } else if (object instanceof StatefulSet s) {
      return Optional.of(s.getSpec().getTemplate().getSpec());
    } else if (object instanceof DaemonSet d) {
      return Optional.of(d.getSpec().getTemplate().getSpec());
    }
    return Optional.empty();
  }

  private static void editPod(PodSpec pod, RenderInputs in) {
    List<LocalObjectReference> secrets = new ArrayList<>();
    in.imagePullSecrets().forEach(name -> secrets.add(new LocalObjectReference(name)));
    pod.setImagePullSecrets(secrets.isEmpty() ? null : secrets);
    pod.setAffinity(controlPlaneAffinity());
    List<Toleration> tolerations = new ArrayList<>();
    for (String role : List.of(LabelKeys.NODE_ROLE_MASTER, LabelKeys.NODE_ROLE_CONTROL_PLANE)) {
      tolerations.add(new TolerationBuilder().withKey(role).withOperator("Exists").withEffect("NoSchedule").build());
    }
    pod.setTolerations(tolerations);
    String image = in.image();
    if (image != null) {
      pod.getContainers().stream().filter(c -> MANAGER_CONTAINER.equals(c.getName()))
          .forEach(c -> c.setImage(image));
    }
  }

  /** Required: a node labelled master OR control-plane (two node selector terms are ORed). */
  private static Affinity controlPlaneAffinity() {
    return new AffinityBuilder().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm().addNewMatchExpression().withKey(LabelKeys.NODE_ROLE_MASTER).withOperator("Exists")
            .endMatchExpression().endNodeSelectorTerm()
        .addNewNodeSelectorTerm().addNewMatchExpression().withKey(LabelKeys.NODE_ROLE_CONTROL_PLANE)
            .withOperator("Exists").endMatchExpression().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build();
  }
}
