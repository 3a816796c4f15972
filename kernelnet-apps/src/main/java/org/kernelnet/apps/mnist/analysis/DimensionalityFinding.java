package org.kernelnet.apps.mnist.analysis;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Checks the finding of section 3.1 of Mueller et al. (2018) on a table of accuracies by kernel and
 * dimension d:
 *
 * <ol>
 *   <li><b>small d</b>: at the smallest d, the RBF and the polynomial kernel (whose feature spaces
 *       are infinite- and {@code (d+1)(d+2)/2}-dimensional) are more accurate than the dot product
 *       by more than the combined standard error {@code sqrt(se_a^2 + se_b^2)};
 *   <li><b>large d</b>: at the largest d, the dot product catches up: it is at most {@code
 *       max(2 sqrt(se_a^2 + se_b^2), 0.005)} (half a percentage point) below the best of the other
 *       two, or above it.
 * </ol>
 *
 * <p>The check applies only when the table has the kernels {@code dot}, {@code poly} and {@code
 * rbf} at two or more common dimensions.
 *
 * @param applicable whether the three kernels and two dimensions are present
 * @param smallDimensionHolds the first statement
 * @param largeDimensionHolds the second statement
 * @param explanation the numbers behind both, one line each
 */
public record DimensionalityFinding(boolean applicable, boolean smallDimensionHolds,
    boolean largeDimensionHolds, String explanation) {
  /** The least gap that counts as "caught up" at large d, half a percentage point. */
  static final double CATCH_UP_TOLERANCE = 0.005;

  /** Whether both statements hold. */
  public boolean holds() {
    return applicable && smallDimensionHolds && largeDimensionHolds;
  }

  /**
   * Checks the finding.
   *
   * @param table accuracy (mean and standard error) by kernel name, then by d
   */
  public static DimensionalityFinding check(Map<String, ? extends Map<Integer, MeanAndError>> table) {
    requireNonNull(table, "table is null");
    Map<Integer, MeanAndError> dot = table.get("dot");
    Map<Integer, MeanAndError> poly = table.get("poly");
    Map<Integer, MeanAndError> rbf = table.get("rbf");
    if (dot == null || poly == null || rbf == null) {
      return new DimensionalityFinding(false, false, false,
          "not applicable: needs the dot, poly and rbf kernels, got " + table.keySet());
    }
    NavigableMap<Integer, Boolean> common = new TreeMap<>();
    for (Integer d : dot.keySet()) {
      if (poly.containsKey(d) && rbf.containsKey(d)) {
        common.put(d, true);
      }
    }
    if (common.size() < 2) {
      return new DimensionalityFinding(false, false, false,
          "not applicable: needs two or more dimensions common to dot, poly and rbf, got "
              + common.keySet());
    }
    int small = common.firstKey();
    int large = common.lastKey();
    MeanAndError dotSmall = dot.get(small);
    boolean rbfWins = beats(rbf.get(small), dotSmall);
    boolean polyWins = beats(poly.get(small), dotSmall);
    MeanAndError dotLarge = dot.get(large);
    MeanAndError bestOther = rbf.get(large).mean() >= poly.get(large).mean()
        ? rbf.get(large) : poly.get(large);
    double tolerance = Math.max(2 * combined(dotLarge, bestOther), CATCH_UP_TOLERANCE);
    boolean caughtUp = dotLarge.mean() >= bestOther.mean() - tolerance;
    String explanation = String.format(Locale.ROOT,
        "small d=%d: rbf %s, poly %s vs dot %s -> %s%n"
            + "large d=%d: dot %s vs best of rbf/poly %s (tolerance %.2f pp) -> %s",
        small, pct(rbf.get(small)), pct(poly.get(small)), pct(dotSmall),
        rbfWins && polyWins ? "higher-dimensional embeddings win (holds)"
            : "higher-dimensional embeddings do not both win (does not hold)",
        large, pct(dotLarge), pct(bestOther), 100 * tolerance,
        caughtUp ? "dot catches up (holds)" : "dot stays behind (does not hold)");
    return new DimensionalityFinding(true, rbfWins && polyWins, caughtUp, explanation);
  }

  private static boolean beats(MeanAndError a, MeanAndError b) {
    return a.mean() - b.mean() > combined(a, b);
  }

  private static double combined(MeanAndError a, MeanAndError b) {
    return Math.sqrt(a.standardError() * a.standardError() + b.standardError() * b.standardError());
  }

  private static String pct(MeanAndError m) {
    return String.format(Locale.ROOT, "%.2f +- %.2f %%", 100 * m.mean(), 100 * m.standardError());
  }
}
