package io.dpf.operator;

import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * What the operator reads from the manager's shared caches (those its watches fill) instead of the
 * API: the config namespace's Secrets, Pods (why a rollout is stuck) and PersistentVolumeClaims (the
 * BFB volume), and the component-labelled workloads and DPUServices.
 */
record OperatorCaches(KindCache<Secret> secrets, KindCache<Deployment> deployments,
    KindCache<StatefulSet> statefulSets, KindCache<DaemonSet> daemonSets, KindCache<DPUService> dpuServices,
    KindCache<Pod> pods, KindCache<PersistentVolumeClaim> persistentVolumeClaims) {}
