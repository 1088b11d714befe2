package io.dpf.dpuservice.dpuservice;

import io.dpf.api.AnnotationKeys;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.InterfaceType;
import io.dpf.api.svc.v1alpha1.ServiceDef;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSpec;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A DPUService's {@code interfaces}: each must be a DPUServiceInterface of type service with the
 * service's serviceID, used by no other DPUService. They are marked {@code consumed-by} and become
 * the Multus networks annotation of the service's pods. The mark is applied under its own field
 * manager, so releasing it (applying nothing) removes only the mark.
 */
final class ServiceInterfaces {

  static final String FIELD_MANAGER = "dpuservice-manager-interfaces";

  /** @param networks the Multus annotation value, null when the service has no interfaces */
  record Outcome(String networks, List<String> problems) {}

  private final ServerSideApply apply;
  private final KindCache<DPUServiceInterface> cache;

  /** Interfaces come from the manager's shared cache, the one the DPUService controller watches. */
  ServiceInterfaces(KubernetesClient host, KindCache<DPUServiceInterface> cache) {
    this.apply = new ServerSideApply(host, FIELD_MANAGER);
    this.cache = cache;
  }

  Outcome reconcile(DPUService service) {
    List<String> names = Optional.ofNullable(service.getSpec().getInterfaces()).orElse(List.of());
    List<Map<String, String>> networks = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      DPUServiceInterface found = cache.get(service.getMetadata().getNamespace(), name);
      String problem = problemWith(found, name, service);
      if (problem != null) {
        problems.add(problem);
        continue;
      }
      apply.apply(mark(found, service.getMetadata().getName()));
      networks.add(networkSelection(serviceDef(found)));
    }
    return new Outcome(networks.isEmpty() ? null : Json.write(networks), problems);
  }

  /** Removes our mark from every interface in the namespace that carries it. */
  void releaseAll(DPUService service) {
    String name = service.getMetadata().getName();
    for (DPUServiceInterface marked : cache.list(service.getMetadata().getNamespace())) {
      Map<String, String> annotations = marked.getMetadata().getAnnotations();
      if (annotations != null && name.equals(annotations.get(AnnotationKeys.CONSUMED_BY))) {
        apply.apply(mark(marked, null));
      }
    }
  }

  static String problemWith(DPUServiceInterface found, String name, DPUService service) {
    if (found == null) {
      return "DPUServiceInterface " + name + " not found";
    }
    ServiceDef def = serviceDef(found);
    if (def == null) {
      return "DPUServiceInterface " + name + " is not of type service";
    }
    if (!Objects.equals(def.getServiceID(), service.getSpec().getServiceID())) {
      return "DPUServiceInterface " + name + " has serviceID " + def.getServiceID() + ", not "
          + service.getSpec().getServiceID();
    }
    Map<String, String> annotations = found.getMetadata().getAnnotations();
    String consumer = annotations == null ? null : annotations.get(AnnotationKeys.CONSUMED_BY);
    if (consumer != null && !consumer.equals(service.getMetadata().getName())) {
      return "DPUServiceInterface " + name + " is already used by DPUService " + consumer;
    }
    return null;
  }

  static ServiceDef serviceDef(DPUServiceInterface found) {
    if (found.getSpec() == null || found.getSpec().getTemplate() == null
        || found.getSpec().getTemplate().getSpec() == null
        || found.getSpec().getTemplate().getSpec().getTemplate() == null) {
      return null;
    }
    ServiceInterfaceSpec spec = found.getSpec().getTemplate().getSpec().getTemplate().getSpec();
    return spec == null || spec.getInterfaceType() != InterfaceType.SERVICE ? null : spec.getService();
  }

  /** Multus NetworkSelectionElement: network "ns/name" or "name", and the pod's interface name. */
  static Map<String, String> networkSelection(ServiceDef def) {
    Map<String, String> element = new LinkedHashMap<>();
    String network = def.getNetwork();
    int slash = network == null ? -1 : network.indexOf('/');
    if (slash >= 0) {
      element.put("name", network.substring(slash + 1));
      element.put("namespace", network.substring(0, slash));
    } else {
      element.put("name", network);
    }
    if (def.getInterfaceName() != null) {
      element.put("interface", def.getInterfaceName());
    }
    return element;
  }

  private static DPUServiceInterface mark(DPUServiceInterface found, String consumer) {
    DPUServiceInterface mark = new DPUServiceInterface();
    mark.getMetadata().setName(found.getMetadata().getName());
    mark.getMetadata().setNamespace(found.getMetadata().getNamespace());
    if (consumer != null) {
      mark.getMetadata().setAnnotations(Map.of(AnnotationKeys.CONSUMED_BY, consumer));
    }
    return mark;
  }
}
