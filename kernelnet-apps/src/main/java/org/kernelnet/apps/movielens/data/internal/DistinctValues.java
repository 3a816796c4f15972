package org.kernelnet.apps.movielens.data.internal;

import java.util.Arrays;

/**
 * The distinct values among many doubles, up to a limit: an open-addressing table of their bits
 * (no boxing), so that a check per rating of a ten-million-line file stays cheap.
 */
public final class DistinctValues {
  private final long[] bits;
  private final boolean[] used;
  private final double[] values;
  private int size;

  /** @param limit the most distinct values held, {@code >= 1} */
  public DistinctValues(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    int capacity = Integer.highestOneBit(4 * limit - 1) << 1;
    bits = new long[capacity];
    used = new boolean[capacity];
    values = new double[limit];
  }

  /**
   * Adds {@code value} ({@code -0.0} counts as {@code 0.0}).
   *
   * @return false if it is new and the limit is reached; it is then not added
   */
  public boolean add(double value) {
    long key = Double.doubleToLongBits(value + 0.0);
    int mask = bits.length - 1;
    int slot = (((int) (key ^ (key >>> 32)) * 0x9E3779B9) >>> 8) & mask;
    for (; used[slot]; slot = (slot + 1) & mask) {
      if (bits[slot] == key) {
        return true;
      }
    }
    if (size == values.length) {
      return false;
    }
    used[slot] = true;
    bits[slot] = key;
    values[size++] = value + 0.0;
    return true;
  }

  /** The distinct values added, in order of first appearance. */
  public double[] values() {
    return Arrays.copyOf(values, size);
  }
}
