package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress lines for long work, each prefixed with the elapsed time, e.g. {@code [  12.3 s] split
 * 1/5 iteration 120 loss 0.1234}. {@link #throttled} lines are dropped when the previous one was
 * printed less than the interval ago, so tight loops can report every step without flooding the
 * terminal; {@link #always} lines are printed regardless.
 */
public final class ProgressLog {
  private final PrintWriter out;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long start;
  private long lastPrinted = Long.MIN_VALUE;

  /**
   * @param out where lines go (usually standard error, so results on standard output stay clean)
   * @param interval the least time between two throttled lines
   */
  public ProgressLog(PrintWriter out, Duration interval) {
    this(out, interval, System::nanoTime);
  }

  ProgressLog(PrintWriter out, Duration interval, LongSupplier clock) {
    this.out = requireNonNull(out, "out is null");
    this.intervalNanos = requireNonNull(interval, "interval is null").toNanos();
    if (intervalNanos < 0) {
      throw new IllegalArgumentException("interval must not be negative, got " + interval);
    }
    this.clock = requireNonNull(clock, "clock is null");
    this.start = clock.getAsLong();
  }

  /** Prints a formatted line (Locale.ROOT) now. */
  public void always(String format, Object... args) {
    print(clock.getAsLong(), format, args);
  }

  /**
   * Prints a formatted line unless the previous line was printed less than the interval ago.
   *
   * @return whether the line was printed
   */
  public boolean throttled(String format, Object... args) {
    long now = clock.getAsLong();
    if (lastPrinted != Long.MIN_VALUE && now - lastPrinted < intervalNanos) {
      return false;
    }
    print(now, format, args);
    return true;
  }

  /** Seconds since this log was created. */
  public double elapsedSeconds() {
    return (clock.getAsLong() - start) / 1e9;
  }

  private void print(long now, String format, Object... args) {
    lastPrinted = now;
    out.printf(Locale.ROOT, "[%8.1f s] %s%n", (now - start) / 1e9, String.format(Locale.ROOT, format, args));
    out.flush();
  }
}
