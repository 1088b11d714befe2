package io.dpf.e2e;

import io.dpf.cli.Describe;
import io.dpf.cli.read.ClientFactory;
import io.dpf.cli.render.Colors;
import io.dpf.cli.tree.Scope;
import io.dpf.cli.tree.TreeOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The describe tree of a live flow with the SINCE column masked, and the golden files it is compared with. */
final class DescribeGolden {

  static final String MASKED_TIME = "<t>";

  private DescribeGolden() {
  }

  /** {@code kubectl dpf describe all --expand-resources}, every time shown as {@value #MASKED_TIME}. */
  static String tree(KubernetesClient host) {
    return Describe.render(new Describe(Scope.ALL, true, new TreeOptions(List.of(), false, true))
        .tree(host, ClientFactory.standard()), Describe.Output.TABLE, t -> t == null ? "" : MASKED_TIME, Colors.none());
  }

  static String expected(String resource) {
    try (InputStream in = DescribeGolden.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no golden file " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
