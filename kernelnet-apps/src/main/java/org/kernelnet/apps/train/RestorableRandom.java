package org.kernelnet.apps.train;

import java.util.Random;

/**
 * A {@link Random} whose state can be read and set, drawing exactly the numbers a {@code
 * java.util.Random} with the same seed draws: the same 48-bit linear congruential generator
 * ({@code x = (0x5DEECE66D x + 0xB) mod 2^48}, the seed scrambled as {@code seed ^ 0x5DEECE66D}),
 * and the same polar method for {@link #nextGaussian()}. {@code java.util.Random} keeps its state
 * private (reading it needs reflection into {@code java.base}), so a generator that a checkpoint
 * must save and restore in place, such as the one {@link ShuffledBatches} and its assembler share,
 * is this subclass. Not thread-safe.
 */
public final class RestorableRandom extends Random {
  private static final long serialVersionUID = 1L;
  private static final long MULTIPLIER = 0x5DEECE66DL;
  private static final long ADDEND = 0xBL;
  private static final long MASK = (1L << 48) - 1;

  private long state;
  private double nextNextGaussian;
  private boolean haveNextNextGaussian;

  /** A generator drawing what {@code new Random(seed)} draws. */
  public RestorableRandom(long seed) {
    super(seed);
    setSeed(seed);
  }

  /**
   * The generator's state.
   *
   * @param lcg the 48-bit state of the linear congruential generator
   * @param nextGaussian the second value of the last Gaussian pair, if {@code hasNextGaussian}
   * @param hasNextGaussian whether {@link #nextGaussian()} returns {@code nextGaussian} next
   */
  public record State(long lcg, double nextGaussian, boolean hasNextGaussian) {}

  /** The current state, for {@link #restore}. */
  public State state() {
    return new State(state, nextNextGaussian, haveNextNextGaussian);
  }

  /** Continues from {@code saved}: the generator draws what it drew after {@link #state()}. */
  public void restore(State saved) {
    state = saved.lcg() & MASK;
    nextNextGaussian = saved.nextGaussian();
    haveNextNextGaussian = saved.hasNextGaussian();
  }

  @Override
  public void setSeed(long seed) {
    // called by Random's constructor before this class's fields are initialised; they are set here
    state = (seed ^ MULTIPLIER) & MASK;
    haveNextNextGaussian = false;
  }

  @Override
  protected int next(int bits) {
    state = (state * MULTIPLIER + ADDEND) & MASK;
    return (int) (state >>> (48 - bits));
  }

  @Override
  public double nextGaussian() {
    if (haveNextNextGaussian) {
      haveNextNextGaussian = false;
      return nextNextGaussian;
    }
    double v1;
    double v2;
    double s;
    do {
      v1 = 2 * nextDouble() - 1;
      v2 = 2 * nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    nextNextGaussian = v2 * multiplier;
    haveNextNextGaussian = true;
    return v1 * multiplier;
  }
}
