package org.kernelnet.apps.cli;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The default of a list option written once, as the comma-separated compile-time constant its
 * help text quotes ({@code "(default: " + DIMENSIONS + ")"}), and parsed here when the option is
 * left out.
 */
public final class ListDefault {
  private ListDefault() {}

  /**
   * The default's elements.
   *
   * @param csv the default, e.g. {@code "1,2,10"}
   * @param element parses one element, e.g. {@code Integer::valueOf}
   */
  public static <T> List<T> parse(String csv, Function<String, T> element) {
    requireNonNull(csv, "csv is null");
    requireNonNull(element, "element is null");
    return Arrays.stream(csv.split(",")).map(element).toList();
  }

  /**
   * The given list, or else the default's elements.
   *
   * @param given the option's value, null when left out
   */
  public static <T> List<T> orElse(List<T> given, String csv, Function<String, T> element) {
    return given != null ? given : parse(csv, element);
  }
}
