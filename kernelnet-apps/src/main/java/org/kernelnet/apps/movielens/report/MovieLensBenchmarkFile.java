package org.kernelnet.apps.movielens.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes the results of {@code movielens benchmark} into the run folder as {@code
 * benchmark.json} and says so on standard output.
 */
public final class MovieLensBenchmarkFile implements Reporter<MovieLensBenchmarkResults> {
  private final Optional<ResultsWriter> writer;
  private final Terminal terminal;

  /**
   * @param writer the run folder's writer; absent for the commands of the family that write no
   *     run folder and report no {@link MovieLensBenchmarkResults}
   */
  @Inject
  MovieLensBenchmarkFile(Optional<ResultsWriter> writer, Terminal terminal) {
    this.writer = requireNonNull(writer, "writer is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(MovieLensBenchmarkResults results) {
    Path json = writer.orElseThrow(() -> new IllegalStateException("movielens benchmark results"
        + " are written into a run folder, and this command opened none"))
        .writeJson("benchmark.json", results);
    terminal.out().println("Wrote " + json);
    terminal.out().flush();
  }
}
