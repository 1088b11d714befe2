package io.dpf.operator.inventory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** One system component the operator deploys: rendering is pure, readiness reads the cluster. */
public interface Component {

  String name();

  /** The objects this component consists of for the given config (never called when disabled). */
  List<HasMetadata> render(RenderInputs inputs) throws InvalidConfigException;
}
