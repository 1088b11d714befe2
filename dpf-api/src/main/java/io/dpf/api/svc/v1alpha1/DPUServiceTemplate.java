package io.dpf.api.svc.v1alpha1;

import io.dpf.api.CrdAnnotations;
import io.dpf.api.common.EmptyStatus;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** The static part of a service in a DPUDeployment: chart, baseline values and resources. */
@Group(DPUService.GROUP)
@Version(DPUService.VERSION)
@Plural("dpuservicetemplates")
@Annotations(CrdAnnotations.KEEP_ON_UNINSTALL)
public class DPUServiceTemplate extends CustomResource<DPUServiceTemplateSpec, EmptyStatus> implements Namespaced {
}
