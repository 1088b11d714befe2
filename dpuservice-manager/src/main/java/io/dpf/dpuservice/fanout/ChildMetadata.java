package io.dpf.dpuservice.fanout;

import io.dpf.api.common.TemplateMetadata;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metadata of a child in a DPU cluster: the parent's name and namespace, template labels plus the back-links. */
final class ChildMetadata {

  private ChildMetadata() {}

  static ObjectMeta of(HasMetadata parent, TemplateMetadata template, String nameLabel, String namespaceLabel) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (template != null && template.getLabels() != null) {
      labels.putAll(template.getLabels());
    }
    labels.put(nameLabel, parent.getMetadata().getName());
    labels.put(namespaceLabel, parent.getMetadata().getNamespace());
    ObjectMetaBuilder metadata = new ObjectMetaBuilder()
        .withName(parent.getMetadata().getName())
        .withNamespace(parent.getMetadata().getNamespace())
        .withLabels(labels);
    if (template != null && template.getAnnotations() != null && !template.getAnnotations().isEmpty()) {
      metadata.withAnnotations(template.getAnnotations());
    }
    return metadata.build();
  }
}
