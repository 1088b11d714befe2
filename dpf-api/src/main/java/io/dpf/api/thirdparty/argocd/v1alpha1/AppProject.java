package io.dpf.api.thirdparty.argocd.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Typed subset of ArgoCD's AppProject; unknown fields are kept. */
@Group("argoproj.io")
@Version("v1alpha1")
@Plural("appprojects")
public class AppProject extends CustomResource<AppProjectSpec, AppProjectStatus> implements Namespaced {
}
