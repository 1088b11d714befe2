package io.dpf.api.thirdparty.argocd.v1alpha1;

import io.dpf.api.thirdparty.OpenObject;

public class AppProjectStatus extends OpenObject {
}
