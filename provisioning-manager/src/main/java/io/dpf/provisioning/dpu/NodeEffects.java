package io.dpf.provisioning.dpu;

import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.provisioning.v1alpha1.NodeEffect;
import io.dpf.api.thirdparty.maintenance.v1alpha1.DrainSpec;
import io.dpf.api.thirdparty.maintenance.v1alpha1.NodeMaintenance;
import io.dpf.api.thirdparty.maintenance.v1alpha1.NodeMaintenanceSpec;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Applying and releasing a DPU's effect on its host node (DPF's Node Effect phase and its undo). */
public final class NodeEffects {

  private NodeEffects() {}

  /** Applies the effect; true once it is in force (a drain only when its NodeMaintenance is Ready). */
  public static boolean apply(PhaseContext context, NodeEffect effect) {
    String host = context.dpu().getSpec().getNodeName();
    if (effect == null || Boolean.TRUE.equals(effect.getNoEffect())) {
      return true;
    }
    if (effect.getCustomLabel() != null && !effect.getCustomLabel().isEmpty()) {
      context.client().nodes().withName(host).edit(node -> {
        Map<String, String> labels = new HashMap<>(node.getMetadata().getLabels());
        labels.putAll(effect.getCustomLabel());
        node.getMetadata().setLabels(labels);
        return node;
      });
      return true;
    }
    if (effect.getTaint() != null) {
      context.client().nodes().withName(host).edit(node -> {
        List<Taint> taints = node.getSpec().getTaints() == null ? new ArrayList<>() : new ArrayList<>(node.getSpec().getTaints());
        if (taints.stream().noneMatch(t -> t.getKey().equals(effect.getTaint().getKey()))) {
          taints.add(effect.getTaint());
        }
        node.getSpec().setTaints(taints);
        return node;
      });
      return true;
    }
    if (effect.getDrain() != null) {
      return drained(context, host);
    }
    return true;
  }

  /** Undoes the effect, so the host serves workloads again (Ready, Error and Deleting call this). */
  public static void release(PhaseContext context, NodeEffect effect) {
    String host = context.dpu().getSpec().getNodeName();
    if (effect == null || Boolean.TRUE.equals(effect.getNoEffect()) || context.client().nodes().withName(host).get() == null) {
      return;
    }
    if (effect.getCustomLabel() != null && !effect.getCustomLabel().isEmpty()) {
      context.client().nodes().withName(host).edit(node -> {
        Map<String, String> labels = new HashMap<>(node.getMetadata().getLabels());
        effect.getCustomLabel().keySet().forEach(labels::remove);
        node.getMetadata().setLabels(labels);
        return node;
      });
    } else if (effect.getTaint() != null) {
      context.client().nodes().withName(host).edit(node -> {
        if (node.getSpec().getTaints() != null) {
          node.getSpec().setTaints(new ArrayList<>(node.getSpec().getTaints().stream()
              .filter(t -> !t.getKey().equals(effect.getTaint().getKey())).toList()));
        }
        return node;
      });
    } else if (effect.getDrain() != null) {
      context.client().resources(NodeMaintenance.class).inNamespace(context.namespace()).withName(host).delete();
    }
  }

  private static boolean drained(PhaseContext context, String host) {
    var maintenances = context.client().resources(NodeMaintenance.class).inNamespace(context.namespace());
    NodeMaintenance existing = maintenances.withName(host).get();
    if (existing == null) {
      NodeMaintenance maintenance = new NodeMaintenance();
      maintenance.setMetadata(new ObjectMetaBuilder().withName(host).withNamespace(context.namespace())
          .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(context.dpu().getApiVersion())
              .withKind(context.dpu().getKind()).withName(context.name()).withUid(context.dpu().getMetadata().getUid())
              .build()).build());
      NodeMaintenanceSpec spec = new NodeMaintenanceSpec();
      spec.setRequestorID(Names.NODE_MAINTENANCE_REQUESTOR);
      spec.setAdditionalRequestors(List.of(Names.NODE_MAINTENANCE_ADDITIONAL_REQUESTOR));
      spec.setNodeName(host);
      DrainSpec drain = new DrainSpec();
      drain.setForce(true);
      drain.setDeleteEmptyDir(true);
      spec.setDrainSpec(drain);
      maintenance.setSpec(spec);
      maintenances.resource(maintenance).create();
      return false;
    }
    List<String> requestors = existing.getSpec().getAdditionalRequestors();
    if (requestors == null || !requestors.contains(Names.NODE_MAINTENANCE_ADDITIONAL_REQUESTOR)) {
      maintenances.withName(host).edit(m -> {
        List<String> more = m.getSpec().getAdditionalRequestors() == null ? new ArrayList<>()
            : new ArrayList<>(m.getSpec().getAdditionalRequestors());
        more.add(Names.NODE_MAINTENANCE_ADDITIONAL_REQUESTOR);
        m.getSpec().setAdditionalRequestors(more);
        return m;
      });
    }
    List<Condition> conditions = existing.getStatus() == null ? null : existing.getStatus().getConditions();
    return conditions != null && conditions.stream().anyMatch(c -> ConditionTypes.READY.equals(c.getType())
        && Conditions.STATUS_TRUE.equals(c.getStatus()));
  }
}
