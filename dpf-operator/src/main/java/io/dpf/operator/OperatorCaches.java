package io.dpf.operator;

import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/**
 * What the operator reads from the manager's shared caches (those its watches fill) instead of the
 * API: the config namespace's Secrets, Pods (why a rollout is stuck) and PersistentVolumeClaims (the
 * BFB volume), the component-labelled workloads and DPUServices, and with {@code --no-argocd} the
 * user's Argo CD CRDs, a cache per name (empty when the operator deploys Argo CD itself).
 */
record OperatorCaches(KindCache<Secret> secrets, KindCache<Deployment> deployments,
    KindCache<StatefulSet> statefulSets, KindCache<DaemonSet> daemonSets, KindCache<DPUService> dpuServices,
    KindCache<Pod> pods, KindCache<PersistentVolumeClaim> persistentVolumeClaims,
    Map<String, KindCache<CustomResourceDefinition>> userArgoCdCrds) {}
