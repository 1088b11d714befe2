package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.common.TemplateMetadata;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.NodeSelector;

/** Exactly one mode: ipv4Network (a CIDRPool, one prefix per node) or ipv4Subnet (an IPPool, one block per node). */
@ValidationRule(value = "has(self.ipv4Network) != has(self.ipv4Subnet)",
    message = "exactly one of ipv4Network or ipv4Subnet must be set", fieldPath = ".ipv4Network")
@ValidationRule(value = "has(self.ipv4Network) == has(oldSelf.ipv4Network)",
    message = "switching between ipv4Network and ipv4Subnet is not allowed; create a new DPUServiceIPAM",
    fieldPath = ".ipv4Network")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUServiceIPAMSpec {
  /** Labels and annotations for the pools; chain ports select pools by these labels. */
  @JsonProperty("metadata")
  private TemplateMetadata metadata;
  @JsonProperty("ipv4Network")
  private IPV4Network ipv4Network;
  @JsonProperty("ipv4Subnet")
  private IPV4Subnet ipv4Subnet;
  @JsonProperty("clusterSelector")
  private LabelSelector clusterSelector;
  /** DPU-cluster nodes that get addresses from the pool. */
  @JsonProperty("nodeSelector")
  private NodeSelector nodeSelector;

  public TemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(TemplateMetadata metadata) {
    this.metadata = metadata;
  }

  public IPV4Network getIpv4Network() {
    return ipv4Network;
  }

  public void setIpv4Network(IPV4Network ipv4Network) {
    this.ipv4Network = ipv4Network;
  }

  public IPV4Subnet getIpv4Subnet() {
    return ipv4Subnet;
  }

  public void setIpv4Subnet(IPV4Subnet ipv4Subnet) {
    this.ipv4Subnet = ipv4Subnet;
  }

  public LabelSelector getClusterSelector() {
    return clusterSelector;
  }

  public void setClusterSelector(LabelSelector clusterSelector) {
    this.clusterSelector = clusterSelector;
  }

  public NodeSelector getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(NodeSelector nodeSelector) {
    this.nodeSelector = nodeSelector;
  }
}
