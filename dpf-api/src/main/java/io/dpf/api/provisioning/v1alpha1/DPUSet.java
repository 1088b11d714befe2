package io.dpf.api.provisioning.v1alpha1;

import io.dpf.api.CrdAnnotations;
import io.dpf.api.PrinterColumns;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Like a DaemonSet of DPUs: one DPU per selected DPU on each selected host node. */
@Group(BFB.GROUP)
@Version(BFB.VERSION)
@Plural("dpusets")
@Annotations(CrdAnnotations.KEEP_ON_UNINSTALL)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class DPUSet extends CustomResource<DPUSetSpec, DPUSetStatus> implements Namespaced {
}
