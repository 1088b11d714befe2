package io.dpf.api;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.dpf.api.svc.v1alpha1.DPUServiceIPAM;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSet;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProject;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TenantControlPlane;
import io.dpf.api.thirdparty.maintenance.v1alpha1.NodeMaintenance;
import io.dpf.api.thirdparty.nvipam.v1alpha1.CIDRPool;
import io.dpf.api.thirdparty.nvipam.v1alpha1.IPPool;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every kind this module defines, and where its generated CRD is on the classpath. Charts, the
 * bundle and tests take the CRDs from here rather than from copies.
 */
public final class ApiTypes {
  /** Folder of the generated CRDs inside the dpf-api jar. */
  public static final String CRD_FOLDER = "META-INF/fabric8/";

  /** DPF's own kinds (the v25.1 set). */
  public static final List<Class<? extends CustomResource<?, ?>>> DPF_KINDS = List.of(
      DPFOperatorConfig.class,
      DPUService.class, DPUServiceChain.class, DPUServiceInterface.class, DPUServiceIPAM.class,
      DPUServiceCredentialRequest.class, DPUDeployment.class, DPUServiceTemplate.class, DPUServiceConfiguration.class,
      ServiceChainSet.class, ServiceInterfaceSet.class, ServiceChain.class, ServiceInterface.class,
      BFB.class, DPUFlavor.class, DPUSet.class, DPU.class, DPUCluster.class);

  /** The DPU-cluster side kinds, shipped into DPU clusters rather than the host. */
  public static final List<Class<? extends CustomResource<?, ?>>> DPU_CLUSTER_KINDS = List.of(
      ServiceChainSet.class, ServiceInterfaceSet.class, ServiceChain.class, ServiceInterface.class);

  /** Typed subsets of third-party kinds; their CRDs exist so tests can run on a bare API server. */
  public static final List<Class<? extends CustomResource<?, ?>>> THIRD_PARTY_KINDS = List.of(
      Application.class, AppProject.class, TenantControlPlane.class, IPPool.class, CIDRPool.class,
      NodeMaintenance.class);

  private ApiTypes() {
  }

  /** Every kind, DPF's first. */
  public static List<Class<? extends CustomResource<?, ?>>> all() {
    List<Class<? extends CustomResource<?, ?>>> all = new ArrayList<>(DPF_KINDS);
    all.addAll(THIRD_PARTY_KINDS);
    return List.copyOf(all);
  }

  /** {@code <plural>.<group>}, the CRD's name. */
  public static String crdName(Class<? extends CustomResource<?, ?>> kind) {
    return CustomResource.getCRDName(kind);
  }

  /** Classpath resource of the kind's generated CRD. */
  public static String crdResource(Class<? extends CustomResource<?, ?>> kind) {
    return CRD_FOLDER + crdName(kind) + "-v1.yml";
  }

  /** The kind's generated CRD, read from the classpath. */
  public static CustomResourceDefinition crd(Class<? extends CustomResource<?, ?>> kind) {
    try (InputStream in = ApiTypes.class.getClassLoader().getResourceAsStream(crdResource(kind))) {
      if (in == null) {
        throw new IllegalStateException("no generated CRD " + crdResource(kind) + " on the classpath");
      }
      return Serialization.unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every generated CRD (DPF's and the third-party subsets'). */
  public static List<CustomResourceDefinition> crds() {
    return all().stream().map(ApiTypes::crd).toList();
  }
}
