package io.dpf.api.operator.v1alpha1;

import io.dpf.api.CrdAnnotations;
import io.dpf.api.PrinterColumns;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The one object that installs DPF. The operator reconciles only the singleton
 * {@code dpf-operator-system/dpfoperatorconfig} (see {@link OperatorNames}).
 */
@Group(DPFOperatorConfig.GROUP)
@Version(DPFOperatorConfig.VERSION)
@Plural("dpfoperatorconfigs")
@Annotations(CrdAnnotations.KEEP_ON_UNINSTALL)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = PrinterColumns.READY_REASON, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class DPFOperatorConfig extends CustomResource<DPFOperatorConfigSpec, DPFOperatorConfigStatus> implements Namespaced {
  public static final String GROUP = "operator.dpu.nvidia.com";
  public static final String VERSION = "v1alpha1";
}
