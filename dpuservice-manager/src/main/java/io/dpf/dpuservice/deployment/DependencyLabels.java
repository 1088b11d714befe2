package io.dpf.dpuservice.deployment;

import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Marks what a DPUDeployment depends on (its BFB, flavor, templates and configurations) with
 * {@code svc.dpu.nvidia.com/consumed-by-dpudeployment-<digest>}, so users and controllers can see
 * who uses an object, and removes the mark from what it no longer uses. Writes only where a label changes.
 */
final class DependencyLabels {

  static final List<Class<? extends HasMetadata>> KINDS =
      List.of(BFB.class, DPUFlavor.class, DPUServiceTemplate.class, DPUServiceConfiguration.class);

  private final KubernetesClient host;

  DependencyLabels(KubernetesClient host) {
    this.host = host;
  }

  /** {@code consumed-by-dpudeployment-} and the first 10 hex digits of sha256("<ns>/<name>"): within 63 characters. */
  static String label(DPUDeployment deployment) {
    String key = deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return LabelKeys.CONSUMED_BY_DPU_DEPLOYMENT_PREFIX + HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Labels {@code used} and unlabels every other object of these kinds in the namespace that carries the label. */
  void reconcile(DPUDeployment deployment, Collection<? extends HasMetadata> used) {
    String label = label(deployment);
    Set<String> keep = used.stream().map(DependencyLabels::key).collect(Collectors.toSet());
    for (HasMetadata dependency : used) {
      if (!labels(dependency).containsKey(label)) {
        setLabel(dependency, label, true);
      }
    }
    for (Class<? extends HasMetadata> kind : KINDS) {
      for (HasMetadata marked : host.resources(kind).inNamespace(deployment.getMetadata().getNamespace())
          .withLabel(label).list().getItems()) {
        if (!keep.contains(key(marked))) {
          setLabel(marked, label, false);
        }
      }
    }
  }

  /** On deletion: the deployment uses nothing any more. */
  void releaseAll(DPUDeployment deployment) {
    reconcile(deployment, List.of());
  }

  private void setLabel(HasMetadata object, String label, boolean present) {
    host.resource(object).edit(o -> {
      Map<String, String> labels = new HashMap<>(labels(o));
      if (present) {
        labels.put(label, "");
      } else {
        labels.remove(label);
      }
      o.getMetadata().setLabels(labels);
      return o;
    });
  }

  private static Map<String, String> labels(HasMetadata object) {
    return Optional.ofNullable(object.getMetadata().getLabels()).orElse(Map.of());
  }

  private static String key(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }
}
