package io.dpf.provisioning.agent;

import io.dpf.api.ApiTypes;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.provisioning.HeapPeak;
import io.dpf.provisioning.bfb.BfbFileServer;
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
 * endpoint and from a plain server: curl into /dev/null (the network alone), curl from a plain server
 * through {@code dd bs=1M} into the same {@code boot} (the raw copy the goal is measured against: not
 * through our image endpoint, which once streamed in 8 KiB {@code transferTo} chunks and slowed the baseline as much as the
 * push, and in 1 MiB writes overlapping the reads, as the agent's), curl alone into boot, curl from the
 * endpoint into boot (the old raw copy) and the JDK HttpClient into nothing (the old baseline); the
 * agent pushing from the plain server too (the agent's own cost, without the endpoint's); and the heap
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
        BfbFileServer plain = BfbFileServer.serving(size + "UPDATE_DPU_OS=yes\n".length());
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
      long imageSize = size + Files.size(dir.resolve("dpu.cfg"));
      String plainUrl = plain.url("plain.bfb");

      double curlNull = HeapPeak.curlSeconds(url, Path.of("/dev/null"));
      double curlPlainNull = -1;
      double curlBoot = -1;
      double curlPlainBoot = -1;
      double curlPlainBootDirect = -1;
      if (curlNull > 0) {
        curlPlainNull = HeapPeak.curlSeconds(plainUrl, Path.of("/dev/null"));
        curlBoot = curlIntoBoot(url, dev, device, false);
        curlPlainBoot = curlIntoBoot(plainUrl, dev, device, true);
        curlPlainBootDirect = curlIntoBoot(plainUrl, dev, device, false);
      }
      double rawSeconds = HeapPeak.rawLoopbackSeconds(url, imageSize);
      HeapPeak heap = HeapPeak.start();
      double pushSeconds = agentPush(cluster, url, dev, uid, device);
      heap.close();
      double plainPushSeconds = agentPush(cluster, plainUrl, dev, uid + "-plain", device);
      double mib = size / 1024.0 / 1024.0;
      BenchReport.Section report = BenchReport.section("rshim push (" + Math.round(mib) + " MiB image)");
      if (curlNull > 0) {
        report.figure("curl loopback read from the image endpoint into /dev/null", mib / curlNull, "MiB/s");
        report.figure("curl loopback read from a plain server into /dev/null", mib / curlPlainNull, "MiB/s");
        report.figure("curl | dd bs=1M from a plain server into boot (raw copy)", mib / curlPlainBoot, "MiB/s");
        report.figure("curl from a plain server straight into boot", mib / curlPlainBootDirect, "MiB/s");
        report.figure("curl loopback copy from the image endpoint into boot (old raw copy)", mib / curlBoot, "MiB/s");
      }
      report.figure("JDK HttpClient loopback read into nothing (old baseline)", mib / rawSeconds, "MiB/s");
      report.figure("host agent push into rshim boot", mib / pushSeconds, "MiB/s");
      report.figure("host agent push from a plain server into rshim boot", mib / plainPushSeconds, "MiB/s");
      if (curlNull > 0) {
        // Which native copy is faster depends on the load (dd adds a copy, curl alone writes 100 KiB at a time).
        double rawCopy = Math.min(curlPlainBoot, curlPlainBootDirect);
        report.figure("host agent / the faster raw copy from a plain server into boot", rawCopy / pushSeconds, "ratio");
        report.figure("host agent from a plain server / the same raw copy", rawCopy / plainPushSeconds, "ratio");
        report.figure("host agent / curl from the image endpoint into boot (old ratio)", curlBoot / pushSeconds, "ratio");
        report.figure("host agent / curl read into /dev/null", curlNull / pushSeconds, "ratio");
      }
      report.figure("host agent / JDK HttpClient read (old ratio)", rawSeconds / pushSeconds, "ratio");
      report.figure("peak heap used during the push (image endpoint + agent)", heap.mib(), "MiB");
      report.figure("max heap", Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0, "MiB");
      report.note("The simulated DPU behind boot (a named pipe, SHA-256 of what it reads) runs on the same cores;"
          + " a real rshim device is bounded by its USB/PCIe link instead. The plain server (BfbFileServer, 256 KiB"
          + " writes of generated bytes of the image's length) stands in for any web server: the image endpoint"
          + " streams through InputStream.transferTo's 8 KiB buffer, so a raw copy from it would share its cost.");
      report.write();
    }
  }

  /** Seconds for curl to copy {@code url} into boot, until the simulated DPU has taken the whole image. */
  private static double curlIntoBoot(String url, Path dev, SimulatedRshimDpu device, boolean throughDd) throws Exception {
    int before = device.images().size();
    long began = System.nanoTime();
    if (throughDd) {
      HeapPeak.curlThroughDdSeconds(url, dev.resolve("rshim0/boot"));
    } else {
      HeapPeak.curlSeconds(url, dev.resolve("rshim0/boot"));
    }
    while (device.images().size() == before) {
      Thread.sleep(5);
    }
    return (System.nanoTime() - began) / 1e9;
  }

  /** Seconds for a host agent (pod {@code uid}) to push {@code url} until the DPU has taken it; then it is stopped. */
  private static double agentPush(LocalControlPlane cluster, String url, Path dev, String uid, SimulatedRshimDpu device)
      throws Exception {
    int before = device.images().size();
    HostAgentArgs args = HostAgentArgs.parse(new String[] {"agent", "--dpu=bench/host-0000-4b-00",
        "--image-url=" + url, "--rshim-root=" + dev}, Map.of("POD_UID", uid));
    long start = System.nanoTime();
    Thread agent = new Thread(() -> {
      try {
        new HostAgent(cluster.client(), args, Clock.systemUTC()).run();
      } catch (InterruptedException ignored) {
        // stopped below once the figure is taken
      }
    });
    agent.start();
    while (device.images().size() == before) {
      Thread.sleep(5);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    agent.join(30_000);
    agent.interrupt();
    agent.join(30_000);
    return seconds;
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
