package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.kernelnet.apps.movielens.data.Ratings;

/**
 * The item-major dense rating matrix of the item-based autoencoder: {@code R [items, users]} with
 * {@code R[i, u]} the rating of item {@code i} by user {@code u}, 0 where unrated, and the mask
 * {@code M [items, users]}, 1 where rated. Row {@code i} is the input of item {@code i}. Both are
 * row-major float arrays ({@code 4 * items * users} bytes each: 90 MB for ML-1M). Used where dense
 * rows are needed: Adam's mini-batches, the dense reference loss and recommendations; full-batch
 * training works on {@link RatingShards} instead.
 */
public final class RatingMatrix {
  private final int items;
  private final int users;
  private final float[] values;
  private final float[] mask;

  private RatingMatrix(int items, int users, float[] values, float[] mask) {
    this.items = items;
    this.users = users;
    this.values = values;
    this.mask = mask;
  }

  /**
   * The matrix of {@code ratings} restricted to items {@code [0, items)}.
   *
   * @throws IllegalArgumentException if a rating's item is {@code >= items} or the matrix would
   *     exceed {@code 2^31 - 1} entries
   */
  public static RatingMatrix of(Ratings ratings, int items) {
    requireNonNull(ratings, "ratings is null");
    int users = ratings.numUsers();
    long size = (long) items * users;
    if (items < 1 || size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a dense " + items + " x " + users
          + " rating matrix needs 1 to 2^31 - 1 entries, got " + size);
    }
    float[] values = new float[(int) size];
    float[] mask = new float[(int) size];
    for (int k = 0; k < ratings.size(); k++) {
      int item = ratings.item(k);
      if (item >= items) {
        throw new IllegalArgumentException(
            "rating " + k + " has item index " + item + ", outside [0, " + items + ")");
      }
      int at = item * users + ratings.user(k);
      values[at] = ratings.rating(k);
      mask[at] = 1f;
    }
    return new RatingMatrix(items, users, values, mask);
  }

  /** The number of rows. */
  public int items() {
    return items;
  }

  /** The number of columns. */
  public int users() {
    return users;
  }

  /** {@code R [items, users]} on {@code manager}. */
  public NDArray values(NDManager manager) {
    return manager.create(values, new Shape(items, users));
  }

  /** {@code M [items, users]} on {@code manager}. */
  public NDArray mask(NDManager manager) {
    return manager.create(mask, new Shape(items, users));
  }

  /** Rows {@code rows} of R, {@code [rows.length, users]}, on {@code manager}. */
  public NDArray valueRows(NDManager manager, int[] rows) {
    return manager.create(gather(values, rows), new Shape(rows.length, users));
  }

  /** Rows {@code rows} of M, {@code [rows.length, users]}, on {@code manager}. */
  public NDArray maskRows(NDManager manager, int[] rows) {
    return manager.create(gather(mask, rows), new Shape(rows.length, users));
  }

  private float[] gather(float[] source, int[] rows) {
    float[] out = new float[rows.length * users];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(source, rows[r] * users, out, r * users, users);
    }
    return out;
  }
}
