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

/** One BlueField DPU in a host node, and its provisioning state. */
@Group(BFB.GROUP)
@Version(BFB.VERSION)
@Plural("dpus")
@Annotations(CrdAnnotations.KEEP_ON_UNINSTALL)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class DPU extends CustomResource<DPUSpec, DPUStatus> implements Namespaced {
}
