package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The allowed rating values of a data set: {@code min, min + step, ..., max}, i.e. {@code r} is
 * allowed iff {@code min <= r <= max} and {@code (r - min) / step} is an integer.
 *
 * @param min the lowest rating
 * @param max the highest rating, {@code > min}, reached from {@code min} in whole steps
 * @param step the spacing of the allowed values, {@code > 0}
 */
public record RatingScale(double min, double max, double step) {
  private static final double TOLERANCE = 1e-9;
  /** How far a difference of ratings may be from a whole number of inferred steps. */
  public static final double INFERENCE_TOLERANCE = 1e-6;
  /** The most levels an inferred scale may have. */
  public static final int MAX_INFERRED_LEVELS = 100;

  /** Integer stars 1..5, as in ML-100K and ML-1M. */
  public static final RatingScale STARS_1_TO_5 = new RatingScale(1, 5, 1);
  /** Half stars 0.5..5, as in ML-10M. */
  public static final RatingScale HALF_STARS_05_TO_5 = new RatingScale(0.5, 5, 0.5);

  /** Checks that the bounds are finite and {@code max} is a whole number of steps above {@code min}. */
  public RatingScale {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
      throw new IllegalArgumentException("rating scale needs finite min < max, got min=" + min
          + ", max=" + max);
    }
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("rating step must be a finite number > 0, got " + step);
    }
    double steps = (max - min) / step;
    if (Math.abs(steps - Math.rint(steps)) > TOLERANCE) {
      throw new IllegalArgumentException("rating scale max - min = " + (max - min)
          + " is not a whole number of steps of " + step);
    }
  }

  /**
   * The scale written {@code min:max:step}, e.g. {@code 1:5:1} or {@code 0.5:5:0.5}, as {@code
   * --scale} takes it and {@link #text()} writes it.
   *
   * @throws IllegalArgumentException naming the text and the problem
   */
  public static RatingScale parse(String text) {
    requireNonNull(text, "text is null");
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("expected min:max:step, e.g. 1:5:1 or 0.5:5:0.5, got '"
          + text + "'");
    }
    double[] numbers = new double[3];
    for (int k = 0; k < 3; k++) {
      try {
        numbers[k] = Double.parseDouble(parts[k].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected min:max:step, e.g. 1:5:1 or 0.5:5:0.5, got '"
            + text + "' ('" + parts[k].trim() + "' is not a number)");
      }
    }
    return new RatingScale(numbers[0], numbers[1], numbers[2]);
  }

  /**
   * The scale that {@code values} (the distinct ratings of a file, in any order) are drawn from:
   * from their least to their greatest value in the largest step that divides every difference
   * between them to within {@value #INFERENCE_TOLERANCE}, the step rounded to 9 decimals where
   * that keeps every value on the scale.
   *
   * @throws IllegalArgumentException saying what the values were, if they do not look like a
   *     rating scale: fewer than two values, or more than {@value #MAX_INFERRED_LEVELS} levels
   */
  public static RatingScale infer(double[] values) {
    double[] v = Arrays.stream(values).sorted().distinct().toArray();
    if (v.length < 2) {
      throw new IllegalArgumentException(v.length == 0 ? "there are no ratings"
          : "every rating is " + format(v[0]) + ", so no scale can be inferred");
    }
    if (v.length > MAX_INFERRED_LEVELS) {
      throw new IllegalArgumentException("the ratings take more than " + MAX_INFERRED_LEVELS
          + " distinct values (" + format(v[0]) + " to " + format(v[v.length - 1])
          + "), which does not look like a rating scale");
    }
    double range = v[v.length - 1] - v[0];
    double smallest = v[1] - v[0];
    // the step divides the smallest difference: smallest / k for the least k that fits them all
    for (int k = 1; range / (smallest / k) + 1 <= MAX_INFERRED_LEVELS + INFERENCE_TOLERANCE; k++) {
      double step = smallest / k;
      if (dividesAll(v, step)) {
        double rounded = BigDecimal.valueOf(step).setScale(9, RoundingMode.HALF_EVEN).doubleValue();
        double steps = Math.rint(range / step);
        boolean roundedFits = rounded > 0 && Math.abs(range / rounded - steps) <= TOLERANCE
            && Arrays.stream(v).allMatch(x -> Math.abs((x - v[0]) / rounded
                - Math.rint((x - v[0]) / rounded)) <= TOLERANCE);
        return new RatingScale(v[0], v[v.length - 1], roundedFits ? rounded : range / steps);
      }
    }
    throw new IllegalArgumentException("the " + v.length + " distinct ratings " + list(v)
        + " have no common step that makes a scale of at most " + MAX_INFERRED_LEVELS + " levels");
  }

  private static boolean dividesAll(double[] sorted, double step) {
    for (double value : sorted) {
      double difference = value - sorted[0];
      if (Math.abs(difference - Math.rint(difference / step) * step) > INFERENCE_TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /** Up to 12 values, then how many more. */
  private static String list(double[] sorted) {
    String shown = Arrays.stream(sorted).limit(12).mapToObj(RatingScale::format)
        .collect(Collectors.joining(", "));
    return sorted.length > 12 ? shown + ", ... (" + (sorted.length - 12) + " more)" : shown;
  }

  /** Whether {@code value} is one of the allowed ratings. */
  public boolean contains(double value) {
    if (!(value >= min - TOLERANCE && value <= max + TOLERANCE)) {
      return false;
    }
    double steps = (value - min) / step;
    return Math.abs(steps - Math.rint(steps)) <= TOLERANCE;
  }

  /** The number of allowed values, {@code (max - min) / step + 1}. */
  public int levels() {
    return (int) Math.rint((max - min) / step) + 1;
  }

  /** The {@code i}-th allowed value, {@code min + i * step}, for {@code 0 <= i < levels()}. */
  public double level(int i) {
    if (i < 0 || i >= levels()) {
      throw new IllegalArgumentException("level must be in [0, " + levels() + "), got " + i);
    }
    return i == levels() - 1 ? max : min + i * step;
  }

  /** {@code min:max:step}, as {@link #parse} reads it. */
  public String text() {
    return format(min) + ":" + format(max) + ":" + format(step);
  }

  /** A value as MovieLens writes it: {@code 5}, {@code 3.5}. */
  public static String format(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Override
  public String toString() {
    return step == 1 && min == Math.rint(min)
        ? "integers " + format(min) + ".." + format(max)
        : format(min) + ".." + format(max) + " in steps of " + format(step);
  }
}
