package io.dpf.cli.read;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.dpf.api.svc.v1alpha1.DPUServiceIPAM;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * A kind the describe command lists, identified by the dpf-api (or Kubernetes model) class that
 * declares it. Objects are read as generic resources: a cluster running a newer DPF may carry
 * fields or phases this build does not know, and the tree must still show them.
 */
public record Kind(String name, ResourceDefinitionContext context) {

  public static final Kind DPF_OPERATOR_CONFIG = of(DPFOperatorConfig.class);
  public static final Kind DPU_CLUSTER = of(DPUCluster.class);
  public static final Kind DPU_DEPLOYMENT = of(DPUDeployment.class);
  public static final Kind DPU_SET = of(DPUSet.class);
  public static final Kind BFB_KIND = of(BFB.class);
  public static final Kind DPU_KIND = of(DPU.class);
  public static final Kind DPU_SERVICE = of(DPUService.class);
  public static final Kind DPU_SERVICE_TEMPLATE = of(DPUServiceTemplate.class);
  public static final Kind DPU_SERVICE_CHAIN = of(DPUServiceChain.class);
  public static final Kind DPU_SERVICE_INTERFACE = of(DPUServiceInterface.class);
  public static final Kind DPU_SERVICE_IPAM = of(DPUServiceIPAM.class);
  public static final Kind DPU_SERVICE_CREDENTIAL_REQUEST = of(DPUServiceCredentialRequest.class);
  public static final Kind APPLICATION = of(Application.class);

  /** Read in DPU clusters. */
  public static final Kind NODE = of(Node.class);
  public static final Kind DEPLOYMENT = of(Deployment.class);
  public static final Kind DAEMON_SET = of(DaemonSet.class);
  public static final Kind STATEFUL_SET = of(StatefulSet.class);
  public static final Kind POD = of(Pod.class);

  public static Kind of(Class<? extends HasMetadata> type) {
    return new Kind(HasMetadata.getKind(type), ResourceDefinitionContext.fromResourceType(type));
  }

  /** {@code <plural>.<group>}, as kubectl names a resource type. */
  public String resource() {
    String group = context.getGroup();
    return context.getPlural() + (group == null || group.isEmpty() ? "" : "." + group);
  }

  @Override
  public String toString() {
    return name;
  }
}
