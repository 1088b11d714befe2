package io.dpf.servicechainset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetRenderingTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void aChainSetsChildIsTheTemplateOnOneNode_namedSetDashNode_ownedByTheSet() {
    ServiceChainSet set = JSON.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceChainSet
        metadata: {name: chains, namespace: ns, uid: u-1}
        spec:
          template:
            metadata: {labels: {team: net}}
            spec:
              node: ignored
              switches: [{ports: [{serviceInterface: {matchLabels: {a: b}}}]}]
        """, ServiceChainSet.class);
    ServiceChain chain = new ServiceChainSetKind(JSON).child(set, "dpu-1");
    assertThat(chain.getMetadata().getName()).isEqualTo("chains-dpu-1");
    assertThat(chain.getMetadata().getNamespace()).isEqualTo("ns");
    assertThat(chain.getMetadata().getLabels()).containsEntry("team", "net")
        .containsEntry("svc.dpu.nvidia.com/servicechainset-name", "chains");
    assertThat(chain.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(chain.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
      assertThat(owner.getUid()).isEqualTo("u-1");
      assertThat(owner.getController()).isTrue();
    });
    assertThat(chain.getSpec().getNode()).isEqualTo("dpu-1");
    assertThat(set.getSpec().getTemplate().getSpec().getNode()).as("the set is not edited").isEqualTo("ignored");
  }

  @Test
  void anInterfaceSetsChildCarriesTheSetNameLabelOfInterfaceSets() {
    ServiceInterfaceSet set = JSON.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceInterfaceSet
        metadata: {name: vfs, namespace: ns}
        spec:
          template:
            spec: {interfaceType: vf, vf: {pfID: 0, vfID: 2}}
        """, ServiceInterfaceSet.class);
    ServiceInterface iface = new ServiceInterfaceSetKind(JSON).child(set, "dpu-2");
    assertThat(iface.getMetadata().getName()).isEqualTo("vfs-dpu-2");
    assertThat(iface.getMetadata().getLabels()).containsExactlyEntriesOf(
        Map.of("svc.dpu.nvidia.com/serviceinterfaceset-name", "vfs"));
    assertThat(iface.getSpec().getNode()).isEqualTo("dpu-2");
    assertThat(iface.getSpec().getVf().getVfID()).isEqualTo(2);
  }
}
