package org.kernelnet.apps.movielens.data;

import java.math.BigDecimal;

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
