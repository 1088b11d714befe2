package io.dpf.api.thirdparty.nvipam.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Typed subset of NVIPAM's IPPool: a subnet split into per-node blocks. */
@Group("nv-ipam.nvidia.com")
@Version("v1alpha1")
@Plural("ippools")
public class IPPool extends CustomResource<IPPoolSpec, IPPoolStatus> implements Namespaced {
}
