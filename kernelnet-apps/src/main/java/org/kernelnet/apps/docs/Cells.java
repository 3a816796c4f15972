package org.kernelnet.apps.docs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kernelnet.apps.mnist.analysis.MeanAndError;

/**
 * How the tables write numbers, the same way in every table. A value that was not measured (NaN) is
 * an en dash.
 */
final class Cells {
  /** The cell of a value that was not measured. */
  static final String NONE = "–";

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Cells() {}

  /** A value with {@code decimals} decimals, e.g. an RMSE {@code 0.8932}. */
  static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** Values with {@code decimals} decimals joined by {@code " / "}. */
  static String fixedList(double[] values, int decimals) {
    return Arrays.stream(values).mapToObj(v -> fixed(v, decimals))
        .collect(Collectors.joining(" / "));
  }

  /** {@code mean ± s.e.} with {@code decimals} decimals; the mean alone for one measurement. */
  static String meanAndError(double mean, double standardError, int count, int decimals) {
    if (count < 2 || Double.isNaN(standardError)) {
      return fixed(mean, decimals);
    }
    return fixed(mean, decimals) + " ± " + fixed(standardError, decimals);
  }

  /** {@code mean ± s.e.} of the values (NaN values left out), with {@code decimals} decimals. */
  static String meanAndError(double[] values, int decimals) {
    double[] measured = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    if (measured.length == 0) {
      return NONE;
    }
    MeanAndError summary = MeanAndError.of(measured);
    return meanAndError(summary.mean(), summary.standardError(), summary.count(), decimals);
  }

  /** A fraction as a percentage with two decimals, {@code 98.93 %}. */
  static String percent(double fraction) {
    return Double.isNaN(fraction) ? NONE : fixed(100 * fraction, 2) + " %";
  }

  /**
   * Fractions as percentages joined by {@code " / "}, {@code 98.94 / 98.90 %}; an en dash if none
   * was measured.
   */
  static String percentList(double[] fractions) {
    if (Arrays.stream(fractions).allMatch(Double::isNaN)) {
      return NONE;
    }
    return fixedList(Arrays.stream(fractions).map(f -> 100 * f).toArray(), 2) + " %";
  }

  /** {@code mean ± s.e.} of fractions as percentages, {@code 98.93 ± 0.02 %}. */
  static String percentMeanAndError(double[] fractions) {
    String cell = meanAndError(Arrays.stream(fractions).map(f -> 100 * f).toArray(), 2);
    return cell.equals(NONE) ? NONE : cell + " %";
  }

  /** A count with thousands separators, {@code 2,550,410}. */
  static String count(double value) {
    return Double.isNaN(value) ? NONE : String.format(Locale.ROOT, "%,d", Math.round(value));
  }

  /** Seconds with three decimals, {@code 0.237 s}. */
  static String seconds(double value) {
    return Double.isNaN(value) ? NONE : fixed(value, 3) + " s";
  }

  /**
   * A wall time: whole seconds under two minutes ({@code 55 s}), else minutes ({@code 29.3 min}).
   */
  static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return NONE;
    }
    return seconds < 120 ? fixed(seconds, 0) + " s" : fixed(seconds / 60, 1) + " min";
  }

  /** Memory in GiB with two decimals, {@code 2.40 GiB}. */
  static String gib(double value) {
    return Double.isNaN(value) ? NONE : fixed(value, 2) + " GiB";
  }

  /** Bytes as GiB with two decimals; a negative count (unknown) is an en dash. */
  static String bytesAsGib(double bytes) {
    return Double.isNaN(bytes) || bytes < 0 ? NONE : gib(bytes / (1L << 30));
  }

  /** An ISO-8601 instant to the minute in UTC, {@code 2026-12-07 16:57}. */
  static String minute(String instant) {
    return MINUTE.format(Instant.parse(instant));
  }
}
