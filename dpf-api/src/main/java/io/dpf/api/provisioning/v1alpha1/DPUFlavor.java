package io.dpf.api.provisioning.v1alpha1;

import io.dpf.api.CrdAnnotations;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** How a DPU is configured when its OS is installed; immutable so a DPU's configuration never changes under it. */
@Group(BFB.GROUP)
@Version(BFB.VERSION)
@Plural("dpuflavors")
@Annotations(CrdAnnotations.KEEP_ON_UNINSTALL)
public class DPUFlavor extends CustomResource<DPUFlavorSpec, Void> implements Namespaced {
}
