package org.kernelnet.apps.cli;

import java.util.List;

/**
 * The user's configuration (options, environment variables, folders named by them) is wrong. The
 * launcher prints every problem, without a stack trace, and exits with status 2.
 */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /** @param problems one message per problem, at least one; all are reported together */
  public ConfigurationException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public ConfigurationException(String problem) {
    this(List.of(problem));
  }

  /** Each problem on its own. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
    }
    return String.join("; ", problems);
  }
}
