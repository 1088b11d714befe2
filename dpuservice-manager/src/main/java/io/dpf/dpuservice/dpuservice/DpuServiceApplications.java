package io.dpf.dpuservice.dpuservice;

import io.dpf.api.AnnotationKeys;
import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.HelmSource;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationDestination;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationSource;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationSourceHelm;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationSpec;
import io.dpf.api.thirdparty.argocd.v1alpha1.SyncPolicy;
import io.dpf.api.thirdparty.argocd.v1alpha1.SyncPolicyAutomated;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;

/** A DPUService's ArgoCD Applications, one per target (no I/O). */
public final class DpuServiceApplications {

  private DpuServiceApplications() {}

  /** Labels that tie an Application to its DPUService (and select all of them). */
  public static Map<String, String> ownerLabels(String namespace, String name) {
    return Map.of(LabelKeys.DPU_SERVICE_NAMESPACE, namespace, LabelKeys.DPU_SERVICE_NAME, name);
  }

  /**
   * Application {@code <cluster>-<dpuservice>} in the ArgoCD namespace.
   *
   * @param multusNetworks the service's networks annotation (from its interfaces), or null
   */
  public static Application application(DPUService service, ArgoCdTarget target, String argoCdNamespace,
      String multusNetworks) {
    String serviceName = service.getMetadata().getName();
    String serviceNamespace = service.getMetadata().getNamespace();
    Application application = new Application();
    application.setMetadata(new ObjectMetaBuilder()
        .withName(Names.application(target.clusterName(), serviceName))
        .withNamespace(argoCdNamespace)
        .addToLabels(LabelKeys.CLUSTER, target.clusterName())
        .addToLabels(ownerLabels(serviceNamespace, serviceName))
        .addToLabels(LabelKeys.COMPONENT, ArgoCdObjects.COMPONENT)
        // ArgoCD deletes what the Application installed before it lets the Application go.
        .addToFinalizers(Finalizers.ARGOCD_RESOURCES)
        .build());
    HelmSource chart = service.getSpec().getHelmChart().getSource();
    ApplicationSource source = new ApplicationSource();
    source.setRepoURL(stripOciScheme(chart.getRepoURL()));
    source.setChart(chart.getChart());
    source.setPath(chart.getPath());
    source.setTargetRevision(chart.getVersion());
    ApplicationSourceHelm helm = new ApplicationSourceHelm();
    helm.setReleaseName(chart.getReleaseName());
    helm.setValuesObject(HelmValues.of(service, multusNetworks));
    source.setHelm(helm);
    ApplicationDestination destination = new ApplicationDestination();
    destination.setName(target.clusterName());
    destination.setNamespace(serviceNamespace);
    SyncPolicyAutomated automated = new SyncPolicyAutomated();
    automated.setPrune(true);
    automated.setSelfHeal(true);
    SyncPolicy syncPolicy = new SyncPolicy();
    syncPolicy.setAutomated(automated);
    ApplicationSpec spec = new ApplicationSpec();
    spec.setProject(target.project());
    spec.setSource(source);
    spec.setDestination(destination);
    spec.setSyncPolicy(syncPolicy);
    application.setSpec(spec);
    return application;
  }

  /**
   * What the pause field manager applies: only the skip annotation while paused, nothing otherwise
   * (applying nothing removes the annotation, and only the annotation, from the live object).
   */
  public static Application pauseMark(String name, String argoCdNamespace, boolean paused) {
    Application application = new Application();
    ObjectMetaBuilder metadata = new ObjectMetaBuilder().withName(name).withNamespace(argoCdNamespace);
    if (paused) {
      metadata.addToAnnotations(AnnotationKeys.ARGOCD_SKIP_RECONCILE, "true");
    }
    application.setMetadata(metadata.build());
    return application;
  }

  /** ArgoCD takes Helm OCI repositories without their scheme. */
  static String stripOciScheme(String repoUrl) {
    return repoUrl != null && repoUrl.startsWith("oci://") ? repoUrl.substring("oci://".length()) : repoUrl;
  }
}
