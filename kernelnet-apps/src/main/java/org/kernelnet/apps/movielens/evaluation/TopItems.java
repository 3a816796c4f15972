package org.kernelnet.apps.movielens.evaluation;

/**
 * The {@code n} best of a stream of (item index, score) pairs, best first, in the order every
 * ranking of this package uses: higher score first, and among equal scores the lower item index
 * first. A pair is offered in {@code O(log n)} and most offers are refused after one comparison
 * with the worst kept pair, so choosing {@code n} of {@code m} items costs {@code O(m log n)}
 * rather than the {@code O(m log m)} of sorting them all.
 *
 * <p>Kept as a binary heap in two primitive arrays whose root is the worst kept pair. Not
 * thread-safe; reusable after {@link #drain}.
 */
public final class TopItems {
  private final int[] items;
  private final float[] scores;
  private int size;

  /**
   * @param n how many pairs to keep, {@code >= 1}
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public TopItems(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    this.items = new int[n];
    this.scores = new float[n];
  }

  /** How many pairs are kept: {@code min(n, offered since the last drain)}. */
  public int size() {
    return size;
  }

  /**
   * Offers one pair; it is kept if fewer than {@code n} are kept or it ranks before the worst.
   *
   * @throws IllegalArgumentException if {@code score} is NaN (it has no place in the order)
   */
  public void offer(int item, float score) {
    if (Float.isNaN(score)) {
      throw new IllegalArgumentException("the score of item " + item + " is NaN");
    }
    if (size < items.length) {
      items[size] = item;
      scores[size] = score;
      siftUp(size++);
    } else if (worse(items[0], scores[0], item, score)) {
      items[0] = item;
      scores[0] = score;
      siftDown(0);
    }
  }

  /**
   * Moves the kept pairs, best first, into {@code itemsOut[0, size)} and {@code scoresOut[0,
   * size)} and empties this selection.
   *
   * @return how many pairs were written
   * @throws IllegalArgumentException if an array is shorter than {@link #size()}
   */
  public int drain(int[] itemsOut, float[] scoresOut) {
    int count = size;
    if (itemsOut.length < count || scoresOut.length < count) {
      throw new IllegalArgumentException("need room for " + count + " pairs, got "
          + itemsOut.length + " items and " + scoresOut.length + " scores");
    }
    for (int r = count - 1; r >= 0; r--) {
      itemsOut[r] = items[0];
      scoresOut[r] = scores[0];
      size--;
      items[0] = items[size];
      scores[0] = scores[size];
      siftDown(0);
    }
    return count;
  }

  /** Whether (a, sa) ranks after (b, sb). */
  private static boolean worse(int a, float sa, int b, float sb) {
    return sa < sb || (sa == sb && a > b);
  }

  private boolean worse(int i, int j) {
    return worse(items[i], scores[i], items[j], scores[j]);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && worse(child + 1, child)) {
        child++;
      }
      if (!worse(child, i)) {
        return;
      }
      swap(i, child);
      i = child;
    }
  }

  private void swap(int i, int j) {
    int item = items[i];
    items[i] = items[j];
    items[j] = item;
    float score = scores[i];
    scores[i] = scores[j];
    scores[j] = score;
  }
}
