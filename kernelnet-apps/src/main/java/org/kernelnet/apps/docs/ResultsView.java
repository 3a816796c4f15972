package org.kernelnet.apps.docs;

import java.util.List;

/**
 * How the result files of one command become a table and a headline. A view reads only the fields
 * its table shows, so a file with more fields (or a later version of the format with added fields)
 * still renders.
 */
interface ResultsView {
  /** The command whose files this view reads, as recorded in their provenance. */
  String command();

  /**
   * The table of {@code files}, all written by {@link #command}: the first column links each row to
   * its file.
   *
   * @throws IllegalArgumentException if a file lacks a field the table needs
   */
  MarkdownTable table(List<ResultFile> files);

  /**
   * The result in a few characters, for a summary table that links to the experiment's page, e.g.
   * {@code 0.8932 ± 0.0020}.
   */
  String headline(List<ResultFile> files);
}
