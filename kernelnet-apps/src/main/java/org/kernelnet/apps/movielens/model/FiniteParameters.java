package org.kernelnet.apps.movielens.model;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the parameters of a block that hold non-finite values (NaN or infinite), which a model that
 * diverged in training or a damaged file carries and which make every prediction NaN.
 */
final class FiniteParameters {
  private FiniteParameters() {}

  /**
   * One line per parameter holding non-finite values, naming it and counting them, e.g. {@code
   * parameter '01Linear_weight' holds 3 NaN and 0 infinite of its 1500 values}; empty if every
   * value is finite or the blocks have no initialised parameters. The counts are computed on the
   * parameters' device; the temporary arrays are closed before returning.
   */
  static List<String> problems(List<Block> blocks) {
    requireNonNull(blocks, "blocks is null");
    List<String> problems = new ArrayList<>();
    for (Pair<String, Parameter> entry : blocks.stream()
        .flatMap(block -> block.getParameters().stream()).toList()) {
      Parameter parameter = entry.getValue();
      if (!parameter.isInitialized()) {
        continue;
      }
      NDArray values = parameter.getArray();
      long nan = count(values.isNaN());
      long infinite = count(values.isInfinite());
      if (nan + infinite > 0) {
        problems.add("parameter '" + entry.getKey() + "' holds " + nan + " NaN and " + infinite
            + " infinite of its " + values.size() + " values");
      }
    }
    return problems;
  }

  /** The true entries of {@code mask}, which is closed. */
  private static long count(NDArray mask) {
    try (mask; NDArray count = mask.countNonzero()) {
      return count.getLong();
    }
  }
}
