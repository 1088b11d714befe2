package io.dpf.api;

/** Regular expressions the CRDs validate with (RE2 syntax, which Java's regex engine also accepts). */
public final class ApiPatterns {
  /** A BFB is fetched over HTTP(S) and must be a .bfb file. */
  public static final String BFB_URL = "^(http|https)://.+\\.bfb$";
  public static final String BFB_FILE_NAME = "^[A-Za-z0-9_\\-.]+\\.bfb$";
  /** Component chart override: {@code <repo>/<chart>:<version>} from an OCI or HTTPS repository. */
  public static final String HELM_CHART = "^(oci://|https://).+$";
  public static final String HELM_REPO_URL = "^(oci://|https://).+$";
  /** The Docker reference grammar (distribution/reference), as DPF's image fields use. */
  public static final String IMAGE = "^((?:(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
      + "(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?/)?"
      + "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*)"
      + "(?::([a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}))?(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$";
  /** kamaji, static, or a vendor type that carries a prefix. */
  public static final String DPU_CLUSTER_TYPE = "^(kamaji|static|[^/]+/.*)$";
  /** A Go duration such as 10m or 1h30m. */
  public static final String GO_DURATION = "^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";
  /** PCI address in its label form, domain-bus-device: 0000-4b-00. */
  public static final String PCI_ADDRESS_LABEL = "^[0-9a-fA-F]{4}-[0-9a-fA-F]{2}-[0-9a-fA-F]{2}$";
  public static final String IPV4_ADDRESS = "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
      + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$";
  public static final String IPV4_CIDR = "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
      + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])/([0-9]|[12][0-9]|3[0-2])$";
  /** An absolute path on a node. */
  public static final String ABSOLUTE_PATH = "^/.*$";
  /** A NetworkAttachmentDefinition reference: "name" or "namespace/name". */
  public static final String NETWORK_NAME = "^([a-z0-9]([-a-z0-9]*[a-z0-9])?/)?[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  private ApiPatterns() {
  }
}
