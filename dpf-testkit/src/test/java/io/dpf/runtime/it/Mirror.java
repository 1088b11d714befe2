package io.dpf.runtime.it;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.ArrayList;
import java.util.List;

/** The test kind of {@code crds/mirrors.test.dpf.io.yaml}. */
@Group("test.dpf.io")
@Version("v1")
public class Mirror extends CustomResource<Mirror.Spec, Mirror.Status> implements Namespaced {

  public static class Spec {
    public String source;
  }

  public static class Status {
    public Long observedGeneration;
    public Integer copiedKeys;
    public List<Condition> conditions = new ArrayList<>();
  }
}
