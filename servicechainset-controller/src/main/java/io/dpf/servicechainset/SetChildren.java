package io.dpf.servicechainset;

import io.dpf.api.Names;
import io.dpf.api.common.TemplateMetadata;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata of a set's child on one node, DPF's way: named {@code <set>-<node>} in the set's
 * namespace, the template's labels and annotations plus the set-name label, and an owner reference
 * to the set (so the garbage collector also removes children of a set deleted without us).
 */
public final class SetChildren {

  private SetChildren() {}

  public static ObjectMeta metadata(HasMetadata set, TemplateMetadata template, String setNameLabel, String node) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (template != null && template.getLabels() != null) {
      labels.putAll(template.getLabels());
    }
    labels.put(setNameLabel, set.getMetadata().getName());
    ObjectMetaBuilder metadata = new ObjectMetaBuilder()
        .withName(Names.setChild(set.getMetadata().getName(), node))
        .withNamespace(set.getMetadata().getNamespace())
        .withLabels(labels)
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(set.getApiVersion()).withKind(set.getKind())
            .withName(set.getMetadata().getName()).withUid(set.getMetadata().getUid())
            .withController(true).withBlockOwnerDeletion(true).build());
    if (template != null && template.getAnnotations() != null && !template.getAnnotations().isEmpty()) {
      metadata.withAnnotations(template.getAnnotations());
    }
    return metadata.build();
  }
}
