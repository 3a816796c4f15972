package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.Reporter;

/** Prints the results of {@code cifar probe} as Table 2 ({@link Table2}) on standard output. */
final class ProbeTable implements Reporter<ProbeResults> {
  private final Terminal terminal;

  @Inject
  ProbeTable(Terminal terminal) {
    this.terminal = requireNonNull(terminal, "terminal is null");
  }

  @Override
  public void report(ProbeResults results) {
    PrintWriter out = terminal.out();
    out.println();
    out.print(results.table2());
    out.println();
    out.flush();
  }
}
