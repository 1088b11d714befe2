package io.dpf.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @TempDir
  Path dir;

  @AfterEach
  void clearProperties() {
    System.clearProperty("bench.dir");
    System.clearProperty("bench.previous");
  }

  @Test
  void sectionsFromSeveralBenchmarksMakeOneReportWithChartsAndData() throws Exception {
    System.setProperty("bench.dir", dir.toString());
    BenchReport.section("Beta").figure("writes", 12, "requests").write();
    BenchReport.section("Alpha").figure("time", 1.5, "s")
        .chart("time vs N", "N", "s", Map.of("ours", Map.of(10.0, 1.0, 100.0, 3.0))).write();

    String report = Files.readString(dir.resolve("report.md"));
    assertThat(report.indexOf("## Alpha")).isPositive().isLessThan(report.indexOf("## Beta"));
    assertThat(report).contains("| time | 1.50 | s |", "| writes | 12 | requests |", "![time vs N](alpha-0.png)");
    assertThat(ImageIO.read(dir.resolve("alpha-0.png").toFile()).getWidth()).isPositive();
    assertThat(Files.readAllLines(dir.resolve("report.tsv"))).contains("Alpha\ttime\t1.5\ts", "Beta\twrites\t12.0\trequests");
  }

  @Test
  void aPreviousRunAddsItsValueAndTheRatio() throws Exception {
    Path previous = Files.writeString(dir.resolve("previous.tsv"), "Alpha\ttime\t3.0\ts\n");
    System.setProperty("bench.dir", dir.resolve("now").toString());
    System.setProperty("bench.previous", previous.toString());
    BenchReport.section("Alpha").figure("time", 1.5, "s").figure("new figure", 7, "MiB").write();

    String report = Files.readString(dir.resolve("now/report.md"));
    assertThat(report).contains("| figure | value | unit | previous | now / previous |",
        "| time | 1.50 | s | 3 | 0.50 |", "| new figure | 7 | MiB | |");
  }
}
