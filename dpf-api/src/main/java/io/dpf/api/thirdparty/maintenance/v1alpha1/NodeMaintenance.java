package io.dpf.api.thirdparty.maintenance.v1alpha1;

import io.dpf.api.PrinterColumns;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Typed subset of the NVIDIA maintenance operator's NodeMaintenance; unknown fields are kept. */
@Group("maintenance.nvidia.com")
@Version("v1alpha1")
@Plural("nodemaintenances")
@AdditionalPrinterColumn(name = "Node", jsonPath = ".spec.nodeName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = PrinterColumns.READY, type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class NodeMaintenance extends CustomResource<NodeMaintenanceSpec, NodeMaintenanceStatus> implements Namespaced {
}
