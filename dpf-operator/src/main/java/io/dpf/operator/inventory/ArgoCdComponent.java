package io.dpf.operator.inventory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD on the host cluster: the Application and AppProject CRDs (generated in dpf-api) and what
 * its chart renders. DPUServices become Applications that Argo CD syncs into the DPU clusters.
 */
final class ArgoCdComponent extends HostComponent {

  private static final List<String> CRDS = List.of(
      "/META-INF/fabric8/applications.argoproj.io-v1.yml", "/META-INF/fabric8/appprojects.argoproj.io-v1.yml");

  ArgoCdComponent() {
    super(Inventory.ARGOCD);
  }

  @Override
  public List<HasMetadata> render(RenderInputs inputs) throws InvalidConfigException {
    List<HasMetadata> objects = new ArrayList<>();
    for (String crd : CRDS) {
      objects.addAll(parse(load(crd)));
    }
    HostEdits.apply(objects, inputs); // labels only: CRDs are cluster-scoped
    objects.addAll(super.render(inputs));
    return objects;
  }
}
