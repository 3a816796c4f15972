package org.kernelnet.apps.docs;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of a results table, each led by links to the runs it comes from and, when the runs of
 * the table differ in settings it does not show otherwise, a column with those settings.
 */
final class RunRows {
  private final Map<ResultFile, String> settings = new IdentityHashMap<>();
  private final boolean withSettings;
  private final List<String> header = new ArrayList<>(List.of("run"));
  private final List<List<String>> rows = new ArrayList<>();

  /**
   * @param files every file of the table
   * @param shown the settings (last part of the key) that the table's own columns show
   * @param columns the titles of the table's own columns
   */
  RunRows(List<ResultFile> files, Set<String> shown, List<String> columns) {
    List<String> differences = Settings.differences(
        files.stream().map(ResultFile::configuration).toList(), shown);
    for (int i = 0; i < files.size(); i++) {
      settings.put(files.get(i), differences.get(i));
    }
    withSettings = differences.stream().anyMatch(s -> !s.isEmpty());
    if (withSettings) {
      header.add("settings");
    }
    header.addAll(columns);
  }

  /** Adds a row from one or more runs with the same settings (the first one's are shown). */
  void add(List<ResultFile> runs, List<String> cells) {
    requireNonNull(cells, "cells is null");
    List<String> row = new ArrayList<>();
    row.add(runs.stream().map(ResultFile::link).collect(Collectors.joining(", ")));
    if (withSettings) {
      row.add(requireNonNull(settings.get(runs.get(0)), "a run that is not one of the table's"));
    }
    row.addAll(cells);
    rows.add(row);
  }

  MarkdownTable table() {
    return new MarkdownTable(header, rows);
  }

  /**
   * The table of the rows each run gives, in the order of the files.
   *
   * @param rowsOfRun the cells of each row a run gives, without the run and settings columns
   */
  static MarkdownTable of(List<ResultFile> files, Set<String> shown, List<String> columns,
      Function<ResultFile, List<List<String>>> rowsOfRun) {
    RunRows rows = new RunRows(files, shown, columns);
    for (ResultFile file : files) {
      rowsOfRun.apply(file).forEach(cells -> rows.add(List.of(file), cells));
    }
    return rows.table();
  }
}
