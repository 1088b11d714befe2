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

/** A BlueField boot image, downloaded once into the provisioning PVC. */
@Group(BFB.GROUP)
@Version(BFB.VERSION)
@Plural("bfbs")
@Annotations(CrdAnnotations.KEEP_ON_UNINSTALL)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class BFB extends CustomResource<BFBSpec, BFBStatus> implements Namespaced {
  public static final String GROUP = "provisioning.dpu.nvidia.com";
  public static final String VERSION = "v1alpha1";
}
