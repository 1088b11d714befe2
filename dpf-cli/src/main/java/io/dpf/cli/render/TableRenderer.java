package io.dpf.cli.render;

import io.dpf.cli.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The tree as dpfctl prints it: columns NAME NAMESPACE STATUS REASON SINCE MESSAGE, the NAME
 * column drawn as a tree. Widths are measured on plain text, so colour never shifts a column.
 */
public final class TableRenderer {

  public static final List<String> COLUMNS = List.of("NAME", "NAMESPACE", "STATUS", "REASON", "SINCE", "MESSAGE");
  private static final String GAP = "  ";

  private final Since since;
  private final Colors colors;

  public TableRenderer(Since since, Colors colors) {
    this.since = since;
    this.colors = colors;
  }

  private record Line(String[] cells, Node node) {
  }

  public String render(List<Node> roots) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(COLUMNS.toArray(String[]::new), null));
    for (Node root : roots) {
      add(lines, root, "", "");
    }
    int[] widths = new int[COLUMNS.size()];
    for (Line line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.cells()[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      StringBuilder row = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        String cell = line.cells()[i];
        String padded = i == widths.length - 1 ? cell : cell + " ".repeat(widths[i] - cell.length()) + GAP;
        boolean coloured = line.node() != null && (i == 2 || i == 3);
        row.append(coloured ? colors.paint(line.node().health(), cell) + padded.substring(cell.length()) : padded);
      }
      out.append(row.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private void add(List<Line> lines, Node node, String branch, String indent) {
    lines.add(new Line(new String[] {branch + node.label(), orEmpty(node.namespace()), node.status(), node.reason(),
        since.format(node.since()), node.message()}, node));
    List<Node> children = node.children();
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      add(lines, children.get(i), indent + (last ? "└─" : "├─"), indent + (last ? "  " : "│ "));
    }
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
