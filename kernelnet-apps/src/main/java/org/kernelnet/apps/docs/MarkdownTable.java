package org.kernelnet.apps.docs;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub Markdown table: a header row, the separator and one line per row, cells separated by
 * {@code " | "}; a {@code |} inside a cell is escaped.
 *
 * @param header the column titles
 * @param rows the cells of each row, as many as there are columns
 */
record MarkdownTable(List<String> header, List<List<String>> rows) {
  /** Validates and copies the table. */
  MarkdownTable {
    header = List.copyOf(header);
    List<List<String>> copies = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("a row has " + row.size() + " cells but the header has "
            + header.size() + ": " + row);
      }
      copies.add(List.copyOf(row));
    }
    rows = List.copyOf(copies);
  }

  /** The table's lines, each ending with a line break. */
  String markdown() {
    StringBuilder text = new StringBuilder();
    line(text, header);
    line(text, header.stream().map(h -> "---").toList());
    rows.forEach(row -> line(text, row));
    return text.toString();
  }

  private static void line(StringBuilder text, List<String> cells) {
    text.append('|');
    for (String cell : cells) {
      text.append(' ').append(requireNonNull(cell, "cell is null").replace("|", "\\|"))
          .append(" |");
    }
    text.append('\n');
  }
}
