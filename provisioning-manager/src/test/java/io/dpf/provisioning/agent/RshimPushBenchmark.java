package io.dpf.provisioning.agent;

import io.dpf.api.ApiTypes;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.provisioning.HeapPeak;
import io.dpf.provisioning.dpu.ImageServer;
import io.dpf.provisioning.rshim.SimulatedRshimDpu;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.bench.BenchReport;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints figures, asserts nothing timed: the rshim push (the manager's image endpoint → the host
 * agent → the device's {@code boot}) against raw loopback copies of the same bytes from the same
 * endpoint: curl into /dev/null (the network alone), curl into the same {@code boot} (the raw copy
 * the goal is measured against) and the JDK HttpClient into nothing (the old baseline); and the heap
 * of this JVM, which serves the image and runs the agent, meanwhile. The device is a
 * SimulatedRshimDpu taking the stream as fast as it comes (it still hashes it, as the tests need).
 * {@code mvn -B verify -Pbench -Dtest=NONE -Dit.test=RshimPushBenchmark -pl provisioning-manager -am
 * [-Ddpf.bench.gib=4]}.
 */
@EnabledIfSystemProperty(named = "dpf.bench", matches = "true")
class RshimPushBenchmark {

  @TempDir
  Path dir;

  @Test
  void pushThroughputAndHeap() throws Exception {
    long size = (long) (Double.parseDouble(System.getProperty("dpf.bench.gib", "2")) * 1024 * 1024 * 1024);
    writeFile(dir.resolve("bench.bfb"), size);
    Files.writeString(dir.resolve("dpu.cfg"), "UPDATE_DPU_OS=yes\n");
    Path dev = Files.createDirectories(dir.resolve("dev"));
    try (LocalControlPlane cluster = LocalControlPlane.startApiServerOnly("push-bench");
        ImageServer images = new ImageServer(dir, 0, null);
        SimulatedRshimDpu device = SimulatedRshimDpu.create(dev, "rshim0", "0000:4b:00.2", SimulatedRshimDpu.UNLIMITED)) {
      cluster.installCrds(List.of(ApiTypes.crd(DPU.class)));
      cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata()
          .build()).create();
      DPU dpu = new DPU();
      dpu.setMetadata(new ObjectMetaBuilder().withNamespace("bench").withName("host-0000-4b-00").build());
      DPUSpec spec = new DPUSpec();
      spec.setNodeName("host");
      spec.setPciAddress("0000-4b-00");
      spec.setBfb("bench");
      spec.setDpuFlavor("bench");
      dpu.setSpec(spec);
      String uid = cluster.client().resource(dpu).create().getMetadata().getUid();
      String url = images.urlFor("bench.bfb", "dpu.cfg");

      double curlNull = HeapPeak.curlSeconds(url, Path.of("/dev/null"));
      double curlBoot = -1;
      if (curlNull > 0) {
        long began = System.nanoTime();
        HeapPeak.curlSeconds(url, dev.resolve("rshim0/boot"));
        while (device.images().isEmpty()) {
          Thread.sleep(5);
        }
        curlBoot = (System.nanoTime() - began) / 1e9;
      }
      int curlImages = device.images().size();
      double rawSeconds = HeapPeak.rawLoopbackSeconds(url, size + Files.size(dir.resolve("dpu.cfg")));
      HeapPeak heap = HeapPeak.start();
      HostAgentArgs args = HostAgentArgs.parse(new String[] {"agent", "--dpu=bench/host-0000-4b-00",
          "--image-url=" + url, "--rshim-root=" + dev}, Map.of("POD_UID", uid));
      long start = System.nanoTime();
      Thread agent = new Thread(() -> {
        try {
          new HostAgent(cluster.client(), args, Clock.systemUTC()).run();
        } catch (InterruptedException ignored) {
          // stopped below once the figures are taken
        }
      });
      agent.start();
      while (device.images().size() == curlImages) {
        Thread.sleep(5);
      }
      double pushSeconds = (System.nanoTime() - start) / 1e9;
      heap.close();
      agent.join(30_000);
      double mib = size / 1024.0 / 1024.0;
      BenchReport.Section report = BenchReport.section("rshim push (" + Math.round(mib) + " MiB image)");
      if (curlNull > 0) {
        report.figure("curl loopback read from the image endpoint into /dev/null", mib / curlNull, "MiB/s");
        report.figure("curl loopback copy from the image endpoint into boot (raw copy)", mib / curlBoot, "MiB/s");
      }
      report.figure("JDK HttpClient loopback read into nothing (old baseline)", mib / rawSeconds, "MiB/s");
      report.figure("host agent push into rshim boot", mib / pushSeconds, "MiB/s");
      if (curlNull > 0) {
        report.figure("host agent / curl copy into boot", curlBoot / pushSeconds, "ratio");
        report.figure("host agent / curl read into /dev/null", curlNull / pushSeconds, "ratio");
      }
      report.figure("host agent / JDK HttpClient read (old ratio)", rawSeconds / pushSeconds, "ratio");
      report.figure("peak heap used during the push (image endpoint + agent)", heap.mib(), "MiB");
      report.figure("max heap", Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0, "MiB");
      report.note("The simulated DPU behind boot (a named pipe, SHA-256 of what it reads) runs on the same cores;"
          + " a real rshim device is bounded by its USB/PCIe link instead.");
      report.write();
    }
  }

  private static void writeFile(Path file, long size) throws Exception {
    byte[] block = new byte[1 << 20];
    new Random(7).nextBytes(block);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += block.length) {
        out.write(block, 0, (int) Math.min(block.length, size - written));
      }
    }
  }
}
