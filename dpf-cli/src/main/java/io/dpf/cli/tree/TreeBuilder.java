package io.dpf.cli.tree;

import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.cli.read.DpuClusterView;
import io.dpf.cli.read.Fields;
import io.dpf.cli.read.Kind;
import io.dpf.cli.read.Snapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds the status tree from one {@link Snapshot}, the way dpfctl lays it out: the
 * DPFOperatorConfig over DPUClusters, DPUDeployments (their chains, DPUSets with BFB and DPUs,
 * templates and DPUServices), the objects no DPUDeployment owns, and the system components.
 * Every object appears once. Pure: no I/O.
 */
public final class TreeBuilder {

  private final Snapshot snapshot;
  private final ApplicationRows applications;
  private final boolean expandResources;

  public TreeBuilder(Snapshot snapshot, boolean expandResources) {
    this.snapshot = snapshot;
    this.expandResources = expandResources;
    this.applications = new ApplicationRows(snapshot);
  }

  /** The roots for a scope, then a row per kind that could not be listed. */
  public List<Node> build(Scope scope) {
    List<Node> roots = new ArrayList<>(switch (scope) {
      case ALL -> all();
      case DPU_CLUSTERS -> map(Kind.DPU_CLUSTER, o -> true, this::dpuCluster);
      case DPU_DEPLOYMENTS -> map(Kind.DPU_DEPLOYMENT, o -> true, this::dpuDeployment);
      case DPU_SERVICES -> map(Kind.DPU_SERVICE, o -> true, this::dpuService);
      case DPU_SETS -> map(Kind.DPU_SET, o -> true, this::dpuSet);
    });
    snapshot.readErrors().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(Kind::name)))
        .forEach(e -> roots.add(Node.problem("cannot list " + e.getKey().resource(), "Unknown", e.getValue(),
            Health.FAILED)));
    return roots;
  }

  private List<Node> all() {
    List<Node> sections = new ArrayList<>();
    section(sections, "DPUClusters", map(Kind.DPU_CLUSTER, o -> true, this::dpuCluster));
    section(sections, "DPUDeployments", map(Kind.DPU_DEPLOYMENT, o -> true, this::dpuDeployment));
    section(sections, "DPUSets", map(Kind.DPU_SET, TreeBuilder::standalone, this::dpuSet));
    section(sections, "DPUs", map(Kind.DPU_KIND, this::withoutDpuSet, Rows::conditioned));
    section(sections, "DPUServices", map(Kind.DPU_SERVICE, o -> standalone(o) && !systemComponent(o),
        this::dpuService));
    section(sections, "DPUServiceChains", map(Kind.DPU_SERVICE_CHAIN, TreeBuilder::standalone, Rows::conditioned));
    section(sections, "DPUServiceCredentialRequests", map(Kind.DPU_SERVICE_CREDENTIAL_REQUEST, o -> true,
        Rows::conditioned));
    section(sections, "DPUServiceIPAMs", map(Kind.DPU_SERVICE_IPAM, o -> true, Rows::conditioned));
    section(sections, "DPUServiceInterfaces", map(Kind.DPU_SERVICE_INTERFACE, TreeBuilder::standalone,
        Rows::conditioned));
    List<Node> system = map(Kind.DPU_SERVICE, o -> standalone(o) && systemComponent(o), this::dpuService);
    if (!system.isEmpty()) {
      sections.add(Node.heading("System Components", List.of(Node.heading("DPUServices", system))));
    }
    List<GenericKubernetesResource> configs = snapshot.all(Kind.DPF_OPERATOR_CONFIG);
    if (configs.isEmpty()) {
      return List.of(Node.problem("DPFOperatorConfig", "", "no DPFOperatorConfig found: the DPF operator deploys "
          + "nothing until one exists", Health.FAILED).withChildren(sections));
    }
    List<Node> roots = new ArrayList<>();
    roots.add(Rows.conditioned(configs.get(0), sections));
    configs.stream().skip(1).forEach(extra -> roots.add(Rows.conditioned(extra, List.of())));
    return roots;
  }

  Node dpuCluster(GenericKubernetesResource cluster) {
    DpuClusterView view = snapshot.dpuCluster(Fields.namespace(cluster), Fields.name(cluster));
    List<Node> children = new ArrayList<>();
    if (view != null && !view.reachable()) {
      children.add(Node.problem("DPU cluster " + view.name(), "Unreachable", view.problem(), Health.FAILED));
    } else if (view != null) {
      List<Node> nodes = view.all(Kind.NODE).stream().map(n -> Rows.conditioned(n, List.of())).toList();
      if (nodes.isEmpty()) {
        children.add(Node.problem("Nodes", "", "no Node has joined this DPU cluster", Health.PENDING));
      } else {
        children.add(Node.heading("Nodes", nodes));
      }
    }
    return Rows.conditioned(cluster, children);
  }

  Node dpuDeployment(GenericKubernetesResource deployment) {
    String owner = Names.ownedByDpuDeployment(Fields.namespace(deployment), Fields.name(deployment));
    Predicate<GenericKubernetesResource> owned = o -> owner.equals(Fields.label(o, LabelKeys.OWNED_BY_DPU_DEPLOYMENT));
    List<Node> children = new ArrayList<>();
    section(children, "DPUServiceChains", map(Kind.DPU_SERVICE_CHAIN, owned, Rows::conditioned));
    section(children, "DPUSets", map(Kind.DPU_SET, owned, this::dpuSet));
    List<Node> services = new ArrayList<>();
    section(services, "DPUServiceTemplates", templates(deployment));
    section(services, "DPUServices", map(Kind.DPU_SERVICE, owned, this::dpuService));
    section(children, "Services", services);
    section(children, "DPUServiceInterfaces", map(Kind.DPU_SERVICE_INTERFACE, owned, Rows::conditioned));
    return Rows.conditioned(deployment, children);
  }

  /** The templates a DPUDeployment names; one it names that does not exist is a problem row. */
  private List<Node> templates(GenericKubernetesResource deployment) {
    Set<String> named = new LinkedHashSet<>();
    Object services = Fields.at(deployment, "spec", "services");
    if (services instanceof Map<?, ?> map) {
      new TreeMap<>(map).values().forEach(v -> {
        if (v instanceof Map<?, ?> service && service.get("serviceTemplate") != null) {
          named.add(String.valueOf(service.get("serviceTemplate")));
        }
      });
    }
    List<Node> rows = new ArrayList<>();
    for (String template : named) {
      snapshot.all(Kind.DPU_SERVICE_TEMPLATE).stream()
          .filter(t -> template.equals(Fields.name(t)) && Fields.namespace(deployment).equals(Fields.namespace(t)))
          .findFirst()
          .ifPresentOrElse(t -> rows.add(Rows.plain(t, "", List.of())),
              () -> rows.add(Node.problem(Kind.DPU_SERVICE_TEMPLATE.name() + "/" + template, "Missing",
                  "not found in namespace " + Fields.namespace(deployment), Health.FAILED)));
    }
    return rows;
  }

  Node dpuSet(GenericKubernetesResource set) {
    List<Node> children = new ArrayList<>();
    String bfbName = Fields.string(set, "spec", "dpuTemplate", "spec", "bfb", "name");
    if (bfbName != null) {
      children.add(snapshot.all(Kind.BFB_KIND).stream()
          .filter(b -> bfbName.equals(Fields.name(b)) && Fields.namespace(set).equals(Fields.namespace(b)))
          .findFirst().map(Rows::bfb)
          .orElse(Node.problem(Kind.BFB_KIND.name() + "/" + bfbName, "Missing", "not found in namespace "
              + Fields.namespace(set), Health.FAILED)));
    }
    List<Node> dpus = map(Kind.DPU_KIND, d -> inDpuSet(d, set), Rows::conditioned);
    section(children, "DPUs", dpus);
    return Rows.plain(set, dpuStatistics(set, dpus.isEmpty()), children);
  }

  Node dpuService(GenericKubernetesResource service) {
    return Rows.conditioned(service, expandResources ? applications.of(service) : List.of());
  }

  private static String dpuStatistics(GenericKubernetesResource set, boolean noDpus) {
    Object stats = Fields.at(set, "status", "dpuStatistics");
    if (stats instanceof Map<?, ?> map && !map.isEmpty()) {
      List<String> parts = new ArrayList<>();
      new TreeMap<>(map).forEach((phase, count) -> parts.add(count + " " + phase));
      return "DPUs: " + String.join(", ", parts);
    }
    return noDpus ? "no DPUs" : "";
  }

  private static boolean inDpuSet(GenericKubernetesResource dpu, GenericKubernetesResource set) {
    return Fields.name(set).equals(Fields.label(dpu, LabelKeys.DPUSET_NAME))
        && Fields.namespace(set).equals(Fields.label(dpu, LabelKeys.DPUSET_NAMESPACE));
  }

  private boolean withoutDpuSet(GenericKubernetesResource dpu) {
    return snapshot.all(Kind.DPU_SET).stream().noneMatch(set -> inDpuSet(dpu, set));
  }

  /** Not made by a DPUDeployment. */
  private static boolean standalone(GenericKubernetesResource object) {
    return Fields.label(object, LabelKeys.OWNED_BY_DPU_DEPLOYMENT) == null;
  }

  /** A DPUService the DPF operator renders from the DPFOperatorConfig (its component label, its ApplySet). */
  static boolean systemComponent(GenericKubernetesResource service) {
    return Fields.ownedBy(service, Kind.DPF_OPERATOR_CONFIG.name())
        || Fields.label(service, LabelKeys.COMPONENT) != null
        || Fields.label(service, LabelKeys.APPLYSET_PART_OF) != null;
  }

  private List<Node> map(Kind kind, Predicate<GenericKubernetesResource> which,
      Function<GenericKubernetesResource, Node> row) {
    return snapshot.all(kind).stream().filter(which).map(row).toList();
  }

  private static void section(List<Node> into, String title, List<Node> rows) {
    if (!rows.isEmpty()) {
      into.add(Node.heading(title, rows));
    }
  }
}
