package org.kernelnet.apps.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kernelnet.api.PluginLoadException;
import picocli.CommandLine.ExitCode;

/**
 * Turns an exception that ended a command into what the user sees and the exit status:
 *
 * <ul>
 *   <li>{@link ConfigurationException} and {@link PluginLoadException}: every problem, one per line,
 *       exit {@value ExitCode#USAGE};
 *   <li>anything else: one line with the message and its causes, exit {@value ExitCode#SOFTWARE}.
 * </ul>
 *
 * A stack trace is printed only when {@code debug} is set ({@code --verbose} or {@code
 * KERNELNET_DEBUG=1}).
 */
public final class ErrorReporter {
  private final PrintWriter err;
  private final boolean debug;

  /**
   * @param err where to print
   * @param debug whether to add the stack trace
   */
  public ErrorReporter(PrintWriter err, boolean debug) {
    this.err = requireNonNull(err, "err is null");
    this.debug = debug;
  }

  /** Prints the error and returns the exit status for it. */
  public int report(Throwable error) {
    requireNonNull(error, "error is null");
    int status;
    if (error instanceof PluginLoadException e) {
      printProblems("plugins could not be loaded", e.problems());
      status = ExitCode.USAGE;
    } else if (error instanceof ConfigurationException e) {
      printProblems("invalid configuration", e.problems());
      status = ExitCode.USAGE;
    } else {
      err.println("kernelnet: error: " + describe(error));
      status = ExitCode.SOFTWARE;
    }
    if (debug) {
      error.printStackTrace(err);
    } else if (status == ExitCode.SOFTWARE) {
      err.println("(run with --verbose or KERNELNET_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return status;
  }

  private void printProblems(String title, List<String> problems) {
    if (problems.size() == 1) {
      err.println("kernelnet: " + title + ": " + problems.get(0));
      return;
    }
    err.println("kernelnet: " + title + " (" + problems.size() + " problems):");
    problems.forEach(p -> err.println("  - " + p));
  }

  /** The message of the error and of each cause that adds something, joined by ": caused by ". */
  public static String describe(Throwable error) {
    Set<String> parts = new LinkedHashSet<>();
    String previous = null;
    for (Throwable t = error; t != null && parts.size() < 5; t = t.getCause()) {
      String message = t.getMessage();
      String text = message == null || message.isBlank() ? t.getClass().getName() : message;
      if (previous == null || !previous.contains(text)) {
        parts.add(text);
      }
      previous = text;
      if (t.getCause() == t) {
        break;
      }
    }
    return String.join(": caused by ", parts);
  }
}
