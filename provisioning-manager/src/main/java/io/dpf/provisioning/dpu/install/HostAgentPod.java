package io.dpf.provisioning.dpu.install;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The rshim host agent's Pod for one DPU (pure): the manager's image in agent mode, pinned to the
 * DPU's host node, privileged with the host's {@code /dev} (rshim devices are character devices
 * there), tolerating every taint (the DPU's own node effect may have tainted or drained the node).
 * An HTTPS image endpoint's certificate goes along in the pod, and the agent trusts only it.
 */
public final class HostAgentPod {

  public static final String APP = "dpf-provisioning-host-agent";
  public static final String DPU_UID_LABEL = "provisioning.dpu.nvidia.com/dpu-uid";
  public static final String DPU_ANNOTATION = "provisioning.dpu.nvidia.com/dpu";
  public static final String DEV = "/dev";

  private HostAgentPod() {}

  /**
   * {@code rshim-<dpu>-<hash>}: DPUs of different namespaces share the agent namespace, so a short
   * hash of namespace/name keeps names apart; long DPU names are cut to stay a valid name.
   */
  public static String name(DPU dpu) {
    String name = dpu.getMetadata().getName();
    String base = "rshim-" + (name.length() > 45 ? name.substring(0, 45) : name);
    return base.replaceAll("[-.]+$", "") + "-" + hash(dpu.getMetadata().getNamespace() + "/" + name);
  }

  /** The env variable carrying the image endpoint's certificate (PEM, public) for the agent to pin. */
  public static final String IMAGE_CERTIFICATE_ENV = "IMAGE_ENDPOINT_CERTIFICATE";

  public static Pod render(DPU dpu, HostAgentSettings settings, OsInstaller.InstallImage image) {
    String reference = dpu.getMetadata().getNamespace() + "/" + dpu.getMetadata().getName();
    return new PodBuilder()
        .withNewMetadata().withName(name(dpu)).withNamespace(settings.namespace())
            .withLabels(Map.of("app.kubernetes.io/name", APP, "app.kubernetes.io/part-of", "dpf",
                DPU_UID_LABEL, dpu.getMetadata().getUid()))
            .withAnnotations(Map.of(DPU_ANNOTATION, reference))
        .endMetadata()
        .withNewSpec()
            .withNodeName(dpu.getSpec().getNodeName())
            .withServiceAccountName(settings.serviceAccount())
            // A crashed agent is restarted by the kubelet and carries on from its report in the DPU's status.
            .withRestartPolicy("OnFailure")
            .addNewToleration().withOperator("Exists").endToleration()
            .withImagePullSecrets(settings.imagePullSecrets().stream().map(LocalObjectReference::new).toList())
            .addNewContainer()
                .withName("agent")
                .withImage(settings.image())
                .withArgs("agent", "--dpu=" + reference, "--image-url=" + image.url(), "--rshim-root=" + DEV)
                .addNewEnv().withName("POD_UID").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.uid")
                    .endFieldRef().endValueFrom().endEnv()
                .addAllToEnv(image.endpointCertificatePem() == null ? List.of()
                    : List.of(new EnvVar(IMAGE_CERTIFICATE_ENV, image.endpointCertificatePem(), null)))
                .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .addNewVolumeMount().withName("dev").withMountPath(DEV).endVolumeMount()
                .withNewResources()
                    .withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("96Mi")))
                    .withLimits(Map.of("memory", new Quantity("256Mi")))
                .endResources()
            .endContainer()
            .addNewVolume().withName("dev").withNewHostPath().withPath(DEV).withType("Directory").endHostPath().endVolume()
        .endSpec()
        .build();
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 3);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
