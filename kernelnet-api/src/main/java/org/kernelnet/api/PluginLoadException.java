package org.kernelnet.api;

import java.util.List;

/**
 * The plugins on the class path (or in a plugin folder) cannot form a registry: a broken service
 * entry, an API-version mismatch, a plugin that failed, or two contributions with the same name.
 * Every problem found is listed, each with the jar it concerns.
 */
public final class PluginLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /** @param problems one message per problem, at least one */
  public PluginLoadException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a PluginLoadException needs at least one problem");
    }
    if (problems.size() == 1) {
      return "kernelnet plugins could not be loaded: " + problems.get(0);
    }
    StringBuilder sb = new StringBuilder("kernelnet plugins could not be loaded (")
        .append(problems.size()).append(" problems):");
    for (String p : problems) {
      sb.append(System.lineSeparator()).append("  - ").append(p);
    }
    return sb.toString();
  }
}
