package io.dpf.provisioning.flavor;

import io.dpf.api.provisioning.v1alpha1.DPUFlavorSpec;
import java.util.Optional;

/**
 * Everything bf.cfg is made of.
 *
 * @param dpuName the DPU's name, which becomes its hostname and its Node's name in the DPU cluster
 * @param flavorName for the header comment, so a person reading a bf.cfg knows where it came from
 * @param flavor the DPUFlavor's spec
 * @param joinCommand the {@code kubeadm join ...} command for the DPU cluster, when there is one
 */
public record BfCfgInput(String dpuName, String flavorName, DPUFlavorSpec flavor, Optional<String> joinCommand) {}
