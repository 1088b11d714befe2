package io.dpf.operator.ovn;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;

/**
 * OpenShift's OVN-Kubernetes objects in the shape OpenShift 4.14 deploys them (names, containers,
 * mounted ConfigMaps, the lines DPF edits), for tests. Not OpenShift: only what DPF reads.
 */
public final class FakeOpenShift {

  public static final String OVNKUBE_CONF = String.join("\n",
      "[default]", "mtu=\"1400\"", "cluster-subnets=\"10.128.0.0/14/23\"", "", "[kubernetes]",
      "service-cidrs=\"172.30.0.0/16\"", "", "[gateway]", "mode=shared", "nodeport=true");

  public static final String OVNKUBE_LIB = String.join("\n",
      "#!/bin/bash", "vswitch_dbsock=\"/var/run/openvswitch/db.sock\"",
      "ovn-nbctl --db unix:${vswitch_dbsock} show",
      "gateway_mode_flags=\"--gateway-mode shared --gateway-interface br-ex\"");

  private FakeOpenShift() {}

  public static ConfigMap ovnkubeConfig() {
    return new ConfigMapBuilder().withNewMetadata().withName(OpenShiftNames.OVN_CONFIG)
        .withNamespace(OpenShiftNames.OVN_NAMESPACE).endMetadata()
        .addToData(OpenShiftNames.OVN_CONFIG_KEY, OVNKUBE_CONF).build();
  }

  public static ConfigMap ovnkubeScriptLib() {
    return new ConfigMapBuilder().withNewMetadata().withName(OpenShiftNames.OVN_SCRIPT_LIB)
        .withNamespace(OpenShiftNames.OVN_NAMESPACE).endMetadata()
        .addToData(OpenShiftNames.OVN_SCRIPT_KEY, OVNKUBE_LIB).build();
  }

  public static DaemonSet ovnkubeNode() {
    return new DaemonSetBuilder()
        .withNewMetadata().withName(OpenShiftNames.OVN_DAEMONSET).withNamespace(OpenShiftNames.OVN_NAMESPACE).endMetadata()
        .withNewSpec()
            .withNewSelector().addToMatchLabels("app", "ovnkube-node").endSelector()
            .withNewTemplate()
                .withNewMetadata().addToLabels("app", "ovnkube-node").endMetadata()
                .withNewSpec().withHostNetwork(true)
                    .addNewToleration().withOperator("Exists").endToleration()
                    .addNewContainer().withName("ovn-controller").withImage("quay.io/openshift/ovn-kubernetes:4.14")
                    .endContainer()
                    .addNewContainer().withName("ovnkube-controller").withImage("quay.io/openshift/ovn-kubernetes:4.14")
                        .addNewVolumeMount().withName("ovnkube-script-lib").withMountPath("/ovnkube-lib").endVolumeMount()
                        .addNewVolumeMount().withName("ovnkube-config").withMountPath("/run/ovnkube-config/").endVolumeMount()
                    .endContainer()
                    .addNewVolume().withName("ovnkube-script-lib").withNewConfigMap().withName("ovnkube-script-lib")
                        .endConfigMap().endVolume()
                    .addNewVolume().withName("ovnkube-config").withNewConfigMap().withName("ovnkube-config")
                        .endConfigMap().endVolume()
                .endSpec()
            .endTemplate()
        .endSpec()
        .build();
  }
}
