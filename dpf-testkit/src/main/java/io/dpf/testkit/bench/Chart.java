package io.dpf.testkit.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/** A small line chart drawn with Java2D into a PNG (no charting library: a few axes and lines are enough). */
final class Chart {

  record Series(String name, String xLabel, String yLabel, Map<String, Map<Double, Double>> lines) {}

  private static final List<Color> COLORS = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0xff7f0e), new Color(0x9467bd));
  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;
  private static final int LEFT = 80;
  private static final int RIGHT = 180;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;

  private Chart() {}

  static void draw(Series series, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    double maxX = 0;
    double maxY = 0;
    for (Map<Double, Double> line : series.lines().values()) {
      for (Map.Entry<Double, Double> point : line.entrySet()) {
        maxX = Math.max(maxX, point.getKey());
        maxY = Math.max(maxY, point.getValue());
      }
    }
    maxX = maxX == 0 ? 1 : maxX;
    maxY = maxY == 0 ? 1 : maxY * 1.1;
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(series.name(), LEFT, 24);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    g.drawLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
    g.drawLine(LEFT, TOP, LEFT, TOP + plotH);
    for (int i = 0; i <= 4; i++) {
      int y = TOP + plotH - plotH * i / 4;
      g.setColor(Color.LIGHT_GRAY);
      g.drawLine(LEFT + 1, y, LEFT + plotW, y);
      g.setColor(Color.BLACK);
      g.drawString(BenchReport.format(maxY * i / 4), 8, y + 4);
      int x = LEFT + plotW * i / 4;
      g.drawString(BenchReport.format(maxX * i / 4), x - 10, TOP + plotH + 16);
    }
    g.drawString(series.xLabel(), LEFT + plotW / 2 - 30, HEIGHT - 20);
    g.drawString(series.yLabel(), 8, TOP - 8);
    int index = 0;
    for (Map.Entry<String, Map<Double, Double>> line : series.lines().entrySet()) {
      Color color = COLORS.get(index % COLORS.size());
      g.setColor(color);
      g.setStroke(new BasicStroke(2f));
      int[] previous = null;
      for (Map.Entry<Double, Double> point : new TreeMap<>(line.getValue()).entrySet()) {
        int x = LEFT + (int) (plotW * point.getKey() / maxX);
        int y = TOP + plotH - (int) (plotH * point.getValue() / maxY);
        g.fillOval(x - 3, y - 3, 6, 6);
        if (previous != null) {
          g.drawLine(previous[0], previous[1], x, y);
        }
        previous = new int[] {x, y};
      }
      g.drawString(line.getKey(), LEFT + plotW + 12, TOP + 16 + 18 * index);
      index++;
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }
}
