package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The probe's results in the layout of Table 2 of Mueller et al. 2018: one row per network (the
 * full ResNet, then one per kept-layer count), one accuracy column per test set, each labelled with
 * the set it was measured on, plus the paper's number for reference (measured on the official test
 * set, so only comparable with a lossless test column).
 */
final class Table2 {
  /** The paper's test accuracies for ResNet-32 (n = 5), by layers kept (32 = the full network). */
  static final Map<Integer, Double> PAPER_RESNET32 = Map.of(32, 0.923, 31, 0.926, 21, 0.905, 11, 0.823);

  /**
   * One row.
   *
   * @param network e.g. {@code ResNet-32} or {@code ResNet-32 + kernel head}
   * @param keptLayers the layers kept from the pretrained network
   * @param addedLayers the layers appended (0 for the full network, 3 for the kernel head)
   * @param accuracy test accuracy in {@code [0, 1]} by test-set label, in column order
   * @param paper the paper's accuracy for this row, or null if it reports none (a plain value so
   *     that the row serialises to JSON as is)
   */
  record Row(String network, int keptLayers, int addedLayers, Map<String, Double> accuracy,
      Double paper) {
    Row {
      requireNonNull(network, "network is null");
      accuracy = Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
    }
  }

  private Table2() {}

  /** The paper's accuracy (or null) for a row of a ResNet of {@code depth} keeping {@code keptLayers}. */
  static Double paper(int depth, int keptLayers) {
    return depth == 32 ? PAPER_RESNET32.get(keptLayers) : null;
  }

  /**
   * The table as GitHub Markdown: columns network, layers kept, added layers, one "test accuracy,
   * &lt;set&gt;" per entry of {@code testSets}, and "paper (official test set)". Accuracies are
   * percentages with two decimals; a missing value is {@code -}.
   *
   * @param testSets the test-set labels, in column order
   * @param rows the rows
   */
  static String markdown(List<String> testSets, List<Row> rows) {
    requireNonNull(testSets, "testSets is null");
    requireNonNull(rows, "rows is null");
    List<String> header = new ArrayList<>(List.of("network", "layers kept", "added layers"));
    testSets.forEach(set -> header.add("test accuracy, " + set));
    header.add("paper (official test set)");
    List<List<String>> cells = new ArrayList<>();
    for (Row row : rows) {
      List<String> line = new ArrayList<>();
      line.add(row.network());
      line.add(Integer.toString(row.keptLayers()));
      line.add(Integer.toString(row.addedLayers()));
      for (String set : testSets) {
        Double a = row.accuracy().get(set);
        line.add(a == null ? "-" : percent(a));
      }
      line.add(row.paper() == null ? "-" : percent(row.paper()));
      cells.add(line);
    }
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> line : cells) {
        widths[c] = Math.max(widths[c], line.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendLine(sb, header, widths, false);
    StringBuilder rule = new StringBuilder("|");
    for (int c = 0; c < widths.length; c++) {
      rule.append(c == 0 ? " " + "-".repeat(widths[c]) + " |"
          : " " + "-".repeat(widths[c] - 1) + ": |");
    }
    sb.append(rule).append('\n');
    for (List<String> line : cells) {
      appendLine(sb, line, widths, true);
    }
    return sb.toString();
  }

  /** {@code 0.9283} as {@code 92.83 %}. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
  }

  private static void appendLine(StringBuilder sb, List<String> cells, int[] widths, boolean alignNumbers) {
    sb.append('|');
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      sb.append(' ').append(alignNumbers && c > 0 ? pad + cell : cell + pad).append(" |");
    }
    sb.append('\n');
  }
}
