package io.dpf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real helm CLI (built with the control plane) against a cluster: what a user runs to install a chart. */
public final class Helm {

  private Helm() {}

  /** {@code helm install <release> <chart> -n <namespace> --create-namespace [args]}; returns helm's output. */
  public static String install(Cluster cluster, String release, Path chart, String namespace, String... args) {
    List<String> command = new ArrayList<>(List.of(EnvtestBinaries.binary("helm").toString(),
        "install", release, chart.toString(), "--namespace", namespace, "--create-namespace",
        "--kubeconfig", cluster.kubeconfig().toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  /** {@code helm template <release> <chartDir> -n <namespace> -f <values>}: the manifests, as YAML text. */
  public static String template(Path chartDir, String release, String namespace, String valuesYaml) {
    try {
      Path values = Files.createTempFile("helm-values", ".yaml");
      try {
        Files.writeString(values, valuesYaml == null ? "" : valuesYaml);
        return run(List.of(EnvtestBinaries.binary("helm").toString(), "template", release, chartDir.toString(),
            "--namespace", namespace, "--values", values.toString()));
      } finally {
        Files.deleteIfExists(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String uninstall(Cluster cluster, String release, String namespace) {
    return run(List.of(EnvtestBinaries.binary("helm").toString(), "uninstall", release, "--namespace", namespace,
        "--kubeconfig", cluster.kubeconfig().toString(), "--wait"));
  }

  static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
