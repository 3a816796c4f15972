package org.kernelnet.apps.report;

import java.io.IOException;

/**
 * Receives an application's results once its work is done: writes them into the run folder,
 * prints them on the terminal, or sends them elsewhere (a tracking server, a database). A family
 * module binds the reporters of each results type into a set ({@code
 * org.kernelnet.apps.inject.FamilyModule#reporters}); the application hands its results to every
 * reporter of the set, in the order they were bound. A test or an extension adds its own reporter
 * to the set with Guice's {@code Multibinder}.
 *
 * @param <R> the results record, e.g. {@code MovieLensResults}
 */
@FunctionalInterface
public interface Reporter<R> {
  /**
   * Reports the finished run's results.
   *
   * @throws IOException naming the file or destination and the reason, when it cannot be written
   */
  void report(R results) throws IOException;

  /** Hands {@code results} to each reporter in turn; the first failure ends the reporting. */
  static <R> void reportAll(Iterable<? extends Reporter<? super R>> reporters, R results)
      throws IOException {
    for (Reporter<? super R> reporter : reporters) {
      reporter.report(results);
    }
  }
}
