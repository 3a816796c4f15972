package org.kernelnet.apps.mnist.report;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.BenchmarkResults;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes the benchmark's results with their provenance into the run folder as {@code
 * benchmark.json}, then prints that it did.
 */
public final class BenchmarkFiles implements Reporter<BenchmarkResults> {
  private final ResultsWriter writer;
  private final Terminal terminal;

  /**
   * @param writer the run folder
   * @param terminal where the file written is named
   */
  @Inject
  public BenchmarkFiles(ResultsWriter writer, Terminal terminal) {
    this.writer = requireNonNull(writer, "writer is null");
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(BenchmarkResults results) {
    terminal.out().println("Wrote " + writer.writeJson("benchmark.json", results));
    terminal.out().flush();
  }
}
