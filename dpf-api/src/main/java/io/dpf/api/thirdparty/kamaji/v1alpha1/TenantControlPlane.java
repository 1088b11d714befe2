package io.dpf.api.thirdparty.kamaji.v1alpha1;

import io.dpf.api.PrinterColumns;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Typed subset of Kamaji's TenantControlPlane; unknown fields are kept. */
@Group("kamaji.clastix.io")
@Version("v1alpha1")
@Plural("tenantcontrolplanes")
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.kubernetes.version", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Status", jsonPath = ".status.kubernetesResources.version.status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = PrinterColumns.AGE, type = AdditionalPrinterColumn.Type.DATE)
public class TenantControlPlane extends CustomResource<TenantControlPlaneSpec, TenantControlPlaneStatus> implements Namespaced {
}
