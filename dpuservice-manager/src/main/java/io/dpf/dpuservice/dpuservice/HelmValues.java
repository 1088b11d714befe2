package io.dpf.dpuservice.dpuservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dpf.api.AnnotationKeys;
import io.dpf.api.LabelKeys;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceSpec;
import java.util.Iterator;
import java.util.Map;

/**
 * The Helm values of a DPUService's Applications: {@code {"serviceDaemonSet": ...}} (with the
 * service's pod label and its Multus networks) deep-merged with the user's {@code values}, the
 * user's winning where both set a field.
 */
public final class HelmValues {

  private HelmValues() {}

  /** @param multusNetworks the networks annotation built from the service's interfaces, or null */
  public static ObjectNode of(DPUService service, String multusNetworks) {
    DPUServiceSpec spec = service.getSpec();
    ObjectNode daemonSet = spec.getServiceDaemonSet() == null
        ? JsonNodeFactory.instance.objectNode()
        : (ObjectNode) Json.tree(spec.getServiceDaemonSet());
    if (spec.getServiceID() != null) {
      daemonSet.withObject("labels").put(LabelKeys.SERVICE_ID, spec.getServiceID());
    }
    if (multusNetworks != null) {
      daemonSet.withObject("annotations").put(AnnotationKeys.MULTUS_NETWORKS, multusNetworks);
    }
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    values.set("serviceDaemonSet", daemonSet);
    JsonNode user = spec.getHelmChart().getValues();
    if (user != null && user.isObject()) {
      merge(values, (ObjectNode) user);
    }
    return values;
  }

  /** Deep merge of {@code overlay} into {@code base}: objects merge by key, anything else replaces. */
  public static void merge(ObjectNode base, ObjectNode overlay) {
    for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode existing = base.get(field.getKey());
      if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode overlayObject) {
        merge(existingObject, overlayObject);
      } else {
        base.set(field.getKey(), field.getValue().deepCopy());
      }
    }
  }
}
