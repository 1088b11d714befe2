package io.dpf.e2e;

import io.dpf.testkit.EnvtestBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code .dpf/}: the local clusters' kubeconfigs and a kubectl of the matching version, for a second terminal. */
record StateDirectory(Path dir, Path hostKubeconfig, Path dpuKubeconfig, Path bin) {

  static StateDirectory write(Path dir, LocalEnvironment env) throws IOException {
    Path root = Files.createDirectories(dir).toAbsolutePath();
    Path host = root.resolve("host.kubeconfig");
    Path dpu = root.resolve(LocalEnvironment.DPU_CLUSTER + ".kubeconfig");
    Files.writeString(host, env.host().kubeconfigYaml());
    Files.writeString(dpu, env.dpu().kubeconfigYaml());
    Path bin = Files.createDirectories(root.resolve("bin"));
    for (String tool : new String[] {"kubectl", "helm"}) {
      Path link = bin.resolve(tool);
      Files.deleteIfExists(link);
      Path target = EnvtestBinaries.directory().resolve(tool);
      if (Files.exists(target)) {
        Files.createSymbolicLink(link, target);
      }
    }
    return new StateDirectory(root, host, dpu, bin);
  }

  String exportLine() {
    return "export PATH=" + bin + ":$PATH KUBECONFIG=" + hostKubeconfig;
  }
}
