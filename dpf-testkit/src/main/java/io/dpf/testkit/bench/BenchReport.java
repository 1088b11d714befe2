package io.dpf.testkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one writer of the benchmarks' report, {@code <repository>/target/bench/report.md}: each
 * benchmark adds a section of figures (printed as {@code [figure]} lines too) and, where it has a
 * series, a PNG chart. Sections are kept one file each under {@code target/bench/sections}, so
 * benchmarks running in several JVMs (one per Maven module) add to one report, and a benchmark run
 * again replaces its own section. The figures also go to {@code target/bench/report.tsv} (section,
 * figure, value, unit); {@code -Dbench.previous=<an earlier report.tsv>} adds that run's value and
 * the ratio now/previous to each figure.
 */
public final class BenchReport {

  private BenchReport() {}

  /** Where the report goes: {@code -Dbench.dir}, else {@code <dpf.root>/target/bench}, else {@code target/bench}. */
  public static Path directory() {
    String explicit = System.getProperty("bench.dir");
    if (explicit != null && !explicit.isBlank()) {
      return Paths.get(explicit);
    }
    String root = System.getProperty("dpf.root");
    return root != null && !root.isBlank() ? Paths.get(root, "target", "bench") : Paths.get("target", "bench");
  }

  public static Section section(String title) {
    return new Section(title);
  }

  /** One figure: a value with its unit. */
  public record Figure(String name, double value, String unit) {}

  /** One benchmark's part of the report; {@link #write} puts it in place. */
  public static final class Section {
    private final String title;
    private final List<Figure> figures = new ArrayList<>();
    private final List<Chart.Series> charts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Section(String title) {
      this.title = title;
    }

    /** Adds a figure and prints it. */
    public Section figure(String name, double value, String unit) {
      figures.add(new Figure(name, value, unit));
      System.out.printf(Locale.ROOT, "[figure] %-60s %14s %s%n", title + ": " + name, format(value), unit);
      return this;
    }

    /** A sentence under the table (conditions of the run, why a figure is what it is). */
    public Section note(String text) {
      notes.add(text);
      System.out.println("[figure] " + title + ": " + text);
      return this;
    }

    /** A line chart of {@code y} against {@code x}, one line per series name. */
    public Section chart(String name, String xLabel, String yLabel, Map<String, Map<Double, Double>> lines) {
      charts.add(new Chart.Series(name, xLabel, yLabel, lines));
      return this;
    }

    /** Writes this section and rebuilds report.md and report.tsv from every section there is. */
    public void write() {
      try {
        Path dir = directory();
        Path sections = Files.createDirectories(dir.resolve("sections"));
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Map<String, Double> previous = previous();
        StringBuilder md = new StringBuilder("## " + title + "\n\n");
        md.append(previous.isEmpty() ? "| figure | value | unit |\n|---|---:|---|\n"
            : "| figure | value | unit | previous | now / previous |\n|---|---:|---|---:|---:|\n");
        StringBuilder tsv = new StringBuilder();
        for (Figure figure : figures) {
          md.append("| ").append(figure.name()).append(" | ").append(format(figure.value())).append(" | ")
              .append(figure.unit()).append(" |");
          Double before = previous.get(title + "\t" + figure.name());
          if (!previous.isEmpty()) {
            md.append(before == null ? " | |" : " " + format(before) + " | "
                + (before == 0 ? "" : String.format(Locale.ROOT, "%.2f", figure.value() / before)) + " |");
          }
          md.append('\n');
          tsv.append(title).append('\t').append(figure.name()).append('\t').append(figure.value()).append('\t')
              .append(figure.unit()).append('\n');
        }
        for (String note : notes) {
          md.append("\n").append(note).append("\n");
        }
        // Sections come from different runs and moments: each says how busy the machine was.
        md.append("\nLoad average (1, 5, 15 min) when this section was written: ").append(loadAverage()).append(".\n");
        for (int i = 0; i < charts.size(); i++) {
          String png = slug + "-" + i + ".png";
          Chart.draw(charts.get(i), dir.resolve(png));
          md.append("\n![").append(charts.get(i).name()).append("](").append(png).append(")\n");
        }
        Files.writeString(sections.resolve(slug + ".md"), md.append('\n').toString(), StandardCharsets.UTF_8);
        Files.writeString(sections.resolve(slug + ".tsv"), tsv.toString(), StandardCharsets.UTF_8);
        rebuild(dir, sections);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the benchmark report under " + directory(), e);
      }
    }
  }

  private static void rebuild(Path dir, Path sections) throws IOException {
    Map<String, String> mds = new TreeMap<>();
    StringBuilder tsv = new StringBuilder();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(sections)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.endsWith(".md")) {
          mds.put(name, Files.readString(file, StandardCharsets.UTF_8));
        } else if (name.endsWith(".tsv")) {
          tsv.append(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    String previous = System.getProperty("bench.previous");
    StringBuilder md = new StringBuilder("# Benchmark report\n\nFigures from `mvn -B verify -Pbench`; nothing here is"
        + " asserted. Data: `report.tsv`" + (previous == null || previous.isBlank() ? "" : "; compared with `" + previous + "`")
        + ". Load average when the last section was written: " + loadAverage() + ".\n\n");
    mds.values().forEach(md::append);
    Files.writeString(dir.resolve("report.md"), md.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.tsv"), tsv.toString(), StandardCharsets.UTF_8);
  }

  /** The figures of {@code -Dbench.previous}, keyed "section\tfigure"; empty without one. */
  static Map<String, Double> previous() throws IOException {
    String path = System.getProperty("bench.previous");
    Map<String, Double> values = new HashMap<>();
    if (path == null || path.isBlank()) {
      return values;
    }
    for (String line : Files.readAllLines(Paths.get(path), StandardCharsets.UTF_8)) {
      String[] parts = line.split("\t");
      if (parts.length >= 3) {
        values.put(parts[0] + "\t" + parts[1], Double.parseDouble(parts[2]));
      }
    }
    return values;
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f" : "%.1f", value);
  }
}
