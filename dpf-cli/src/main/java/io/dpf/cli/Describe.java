package io.dpf.cli;

import io.dpf.cli.read.ClientFactory;
import io.dpf.cli.read.ClusterReader;
import io.dpf.cli.read.Snapshot;
import io.dpf.cli.render.Colors;
import io.dpf.cli.render.Since;
import io.dpf.cli.render.StructuredRenderer;
import io.dpf.cli.render.TableRenderer;
import io.dpf.cli.tree.Node;
import io.dpf.cli.tree.Scope;
import io.dpf.cli.tree.TreeBuilder;
import io.dpf.cli.tree.TreeOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;

/**
 * {@code describe} in one call, for the command line and for programs that want the tree (the
 * local demo prints it): read once, build, reshape, render.
 *
 * @param scope what to show
 * @param expandResources show each DPUService's Applications and their workloads
 * @param options conditions, --issues, grouping
 */
public record Describe(Scope scope, boolean expandResources, TreeOptions options) {

  /** Output formats of {@code -o}. */
  public enum Output { TABLE, JSON, YAML }

  /** The default view: the whole tree, grouped, no conditions. */
  public static Describe all() {
    return new Describe(Scope.ALL, false, new TreeOptions(List.of(), false, true));
  }

  /** The rows, read from {@code host} and the DPU clusters it names. */
  public List<Node> tree(KubernetesClient host, ClientFactory clients) {
    Snapshot snapshot = new ClusterReader(host, clients).read(scope.plan(expandResources));
    return options.apply(new TreeBuilder(snapshot, expandResources).build(scope));
  }

  public static String render(List<Node> tree, Output output, Since since, Colors colors) {
    return switch (output) {
      case TABLE -> new TableRenderer(since, colors).render(tree);
      case JSON -> new StructuredRenderer().json(tree);
      case YAML -> new StructuredRenderer().yaml(tree);
    };
  }

  /** The table as a user sees it now, without colour. */
  public String table(KubernetesClient host) {
    return render(tree(host, ClientFactory.standard()), Output.TABLE, Since.relativeTo(Clock.systemUTC()),
        Colors.none());
  }
}
