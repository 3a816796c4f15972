package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kernelnet.apps.movielens.data.Ratings;

/**
 * The training ratings as the sparse item-major matrix {@code R [items, users]}, its rows ordered by
 * decreasing number of ratings ({@link #row}: ties by item index) and split into row shards: shard
 * {@code s} holds rows {@code [from_s, to_s)} and its {@code n_s} ratings in row-major order (by
 * row, then user) as
 *
 * <ul>
 *   <li>{@code indices [2, n_s]} int64: the local row {@code r - from_s} and the user of each
 *       rating;
 *   <li>{@code targets [n_s]} float32: the ratings;
 *   <li>{@code rowPointer [rows_s + 1]}: the ratings of local row {@code r} are {@code
 *       [rowPointer[r], rowPointer[r + 1])}, in Java and as an int64 array, so that ({@code
 *       rowPointer}, users, targets) is the compressed-row form of {@code X_s [rows_s, users]};
 *   <li>the same ratings by user, then row: {@code userPointer [users + 1]}, their local rows {@code
 *       rowsByUser [n_s]} and ratings {@code targetsByUser [n_s]}, the compressed-row form of
 *       {@code X_s^T}, and {@code userMajorOrder [n_s]}, the row-major position of each, to put
 *       row-major values (the residuals) in that order.
 * </ul>
 *
 * The products with {@code X_s} and {@code X_s^T} (and with the residuals in their place) are
 * {@link org.kernelnet.apps.torch.Csr#product}s.
 *
 * A shard is a mini-batch of items: the full-batch loss and gradient of an item autoencoder are
 * sums over shards, so shards can be processed in parallel. Nothing of size {@code rows_s * users}
 * is ever made: memory is about 40 bytes per rating (an int64 coordinate pair, an int64 row and
 * position by user, two float values) plus {@code long[]} staging arrays of the largest shard.
 *
 * <p>Shards are cut so that every shard has about the same number of ratings, there are at least
 * {@code minShards} of them when there are that many items, and none has more than {@code
 * maxShardRatings} ratings unless one item alone has more.
 *
 * <p>The rows are ordered by popularity for the output layer's {@link SampledProduct}: it computes a
 * block of rows as one matrix product when the block's ratings fill enough of it and samples the
 * pairs of the others one by one, and popular items side by side make denser blocks. The model
 * itself does not depend on the order of the items.
 */
public final class RatingShards implements AutoCloseable {
  /**
   * The default bound on the ratings of one shard. Each shard's transposed products {@code X_s^T
   * dA} and {@code D_s^T [H, 1]} make a new {@code [users, h]} array that is then added to the
   * running sum, so shards are as large as this allows (ML-10M in two shards rather than nine);
   * a shard's own arrays are 40 bytes per rating and, while it is built, {@code long[]} staging
   * arrays of its size.
   */
  public static final int DEFAULT_MAX_SHARD_RATINGS = 1 << 23;

  /**
   * One shard: rows {@code [from, to)}, its ratings' coordinates {@code indices [2, ratings]}
   * (local row, user) with each row's range {@code rowPointer [to - from + 1]} (also as the int64
   * array {@code rowOffsets}), their values {@code targets [ratings]}, and the same ratings by user:
   * each user's range {@code userPointer [users + 1]}, local rows {@code rowsByUser}, values {@code
   * targetsByUser} and row-major positions {@code userMajorOrder}.
   */
  record Shard(int from, int to, int ratings, NDArray indices, int[] rowPointer,
      NDArray rowOffsets, NDArray targets, NDArray userPointer, NDArray rowsByUser,
      NDArray targetsByUser, NDArray userMajorOrder) {
    int rows() {
      return to - from;
    }

    /** The local rows {@code [ratings]} of the ratings (a view of {@code indices}). */
    NDArray rowIndex() {
      return indices.get(0);
    }

    /** The users {@code [ratings]} of the ratings (a view of {@code indices}). */
    NDArray userIndex() {
      return indices.get(1);
    }
  }

  private final int users;
  private final int[] rowOf;
  private final NDManager manager;
  private final List<Shard> shards;

  private RatingShards(int users, int[] rowOf, NDManager manager, List<Shard> shards) {
    this.users = users;
    this.rowOf = rowOf;
    this.manager = manager;
    this.shards = List.copyOf(shards);
  }

  /**
   * Shards {@code ratings} restricted to items {@code [0, items)}.
   *
   * @param ratings the training ratings; every item index below {@code items}; no (item, user)
   *     pair twice
   * @param items the number of rows
   * @param parent the manager the shards' own sub-manager is made from
   * @param minShards the least number of shards (e.g. the threads that will process them), {@code
   *     >= 1}
   * @param maxShardRatings the most ratings of a shard unless one item alone has more, {@code >= 1}
   * @throws IllegalArgumentException if an item index is {@code >= items} or a pair repeats
   */
  public static RatingShards of(
      Ratings ratings, int items, NDManager parent, int minShards, int maxShardRatings) {
    requireNonNull(ratings, "ratings is null");
    requireNonNull(parent, "parent is null");
    if (items < 1 || minShards < 1 || maxShardRatings < 1) {
      throw new IllegalArgumentException("items, minShards and maxShardRatings must be >= 1, got "
          + items + ", " + minShards + ", " + maxShardRatings);
    }
    int[] perItem = new int[items];
    for (int k = 0; k < ratings.size(); k++) {
      int item = ratings.item(k);
      if (item >= items) {
        throw new IllegalArgumentException(
            "rating " + k + " has item index " + item + ", outside [0, " + items + ")");
      }
      perItem[item]++;
    }
    int[] rowOf = popularityRows(perItem);
    int[] perRow = new int[items];
    for (int item = 0; item < items; item++) {
      perRow[rowOf[item]] = perItem[item];
    }
    int[] cuts = cuts(perRow, minShards, maxShardRatings);
    int[] order = rowMajorOrder(ratings, rowOf);
    NDManager manager = parent.newSubManager();
    List<Shard> shards = new ArrayList<>();
    try {
      int start = 0;
      for (int s = 0; s + 1 < cuts.length; s++) {
        int count = 0;
        for (int r = cuts[s]; r < cuts[s + 1]; r++) {
          count += perRow[r];
        }
        shards.add(shard(ratings, rowOf, order, start, count, cuts[s], cuts[s + 1], manager));
        start += count;
      }
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
    return new RatingShards(ratings.numUsers(), rowOf, manager, shards);
  }

  /**
   * {@code rowOf[item]}: the item's position when the items are sorted by decreasing number of
   * ratings, ties by index.
   */
  private static int[] popularityRows(int[] perItem) {
    int items = perItem.length;
    long[] keys = new long[items];
    for (int item = 0; item < items; item++) {
      keys[item] = ((long) (Integer.MAX_VALUE - perItem[item]) << 32) | item;
    }
    Arrays.sort(keys);
    int[] rowOf = new int[items];
    for (int row = 0; row < items; row++) {
      rowOf[(int) keys[row]] = row;
    }
    return rowOf;
  }

  /**
   * Shard boundaries {@code 0 = c_0 < c_1 < ... = rows} for rows with {@code perItem} ratings each:
   * a cut falls before row {@code i} when the shard already has {@code maxShardRatings} ratings with
   * {@code i}'s, or when {@code i}'s midpoint passes the next of {@code count} equal shares of the
   * ratings.
   */
  static int[] cuts(int[] perItem, int minShards, int maxShardRatings) {
    int items = perItem.length;
    long total = 0;
    for (int n : perItem) {
      total += n;
    }
    int count = (int) Math.max(Math.min(minShards, items),
        (total + maxShardRatings - 1) / maxShardRatings);
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    double done = 0;
    long inShard = 0;
    int start = 0;
    for (int i = 0; i < items; i++) {
      boolean full = inShard + perItem[i] > maxShardRatings
          || done + perItem[i] / 2.0 > (double) total * cuts.size() / count;
      if (i > start && full) {
        cuts.add(i);
        start = i;
        inShard = 0;
      }
      done += perItem[i];
      inShard += perItem[i];
    }
    cuts.add(items);
    return cuts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The rating positions sorted by row, then user (a counting sort on each key).
   *
   * @throws IllegalArgumentException if an (item, user) pair repeats
   */
  private static int[] rowMajorOrder(Ratings ratings, int[] rowOf) {
    int n = ratings.size();
    int[] byUser = countingSort(n, ratings.numUsers(), ratings::user, null);
    int[] order = countingSort(n, rowOf.length, k -> rowOf[ratings.item(k)], byUser);
    for (int k = 1; k < n; k++) {
      int a = order[k - 1];
      int b = order[k];
      if (ratings.item(a) == ratings.item(b) && ratings.user(a) == ratings.user(b)) {
        throw new IllegalArgumentException("ratings " + a + " and " + b + " are both of item "
            + ratings.item(a) + " by user " + ratings.user(a));
      }
    }
    return order;
  }

  /** A stable counting sort of {@code input} (or of {@code 0..n-1}) by {@code key} in [0, keys). */
  private static int[] countingSort(
      int n, int keys, java.util.function.IntUnaryOperator key, int[] input) {
    int[] start = new int[keys + 1];
    for (int k = 0; k < n; k++) {
      start[key.applyAsInt(k) + 1]++;
    }
    for (int c = 0; c < keys; c++) {
      start[c + 1] += start[c];
    }
    int[] out = new int[n];
    for (int j = 0; j < n; j++) {
      int k = input == null ? j : input[j];
      out[start[key.applyAsInt(k)]++] = k;
    }
    return out;
  }

  /** The shard of rows {@code [from, to)}: ratings {@code order[start .. start + count)}. */
  private static Shard shard(Ratings ratings, int[] rowOf, int[] order, int start, int count,
      int from, int to, NDManager manager) {
    long[] coordinates = new long[2 * count];
    float[] values = new float[count];
    int[] rowPointer = new int[to - from + 1];
    for (int j = 0; j < count; j++) {
      int k = order[start + j];
      int row = rowOf[ratings.item(k)] - from;
      rowPointer[row + 1]++;
      coordinates[j] = row;
      coordinates[count + j] = ratings.user(k);
      values[j] = ratings.rating(k);
    }
    for (int r = 0; r < to - from; r++) {
      rowPointer[r + 1] += rowPointer[r];
    }
    NDArray indices = manager.create(coordinates, new Shape(2, count));
    NDArray targets = manager.create(values);
    // the same ratings by user, then row, and where each stands in row-major order
    int users = ratings.numUsers();
    int[] byUser = countingSort(count, users, j -> (int) coordinates[count + j], null);
    long[] userPointer = new long[users + 1];
    long[] rowsByUser = new long[count];
    long[] userMajorOrder = new long[count];
    float[] targetsByUser = new float[count];
    for (int j = 0; j < count; j++) {
      int k = byUser[j];
      userPointer[(int) coordinates[count + k] + 1]++;
      rowsByUser[j] = coordinates[k];
      userMajorOrder[j] = k;
      targetsByUser[j] = values[k];
    }
    for (int u = 0; u < users; u++) {
      userPointer[u + 1] += userPointer[u];
    }
    return new Shard(from, to, count, indices, rowPointer,
        manager.create(Arrays.stream(rowPointer).asLongStream().toArray()), targets,
        manager.create(userPointer), manager.create(rowsByUser), manager.create(targetsByUser),
        manager.create(userMajorOrder));
  }

  /** The number of columns (users). */
  int users() {
    return users;
  }

  /** The row of {@code item} in {@code [0, items)}: its rank by decreasing number of ratings. */
  int row(int item) {
    return rowOf[item];
  }

  /** The number of item shards. */
  public int size() {
    return shards.size();
  }

  /** The shards, in row order. */
  List<Shard> shards() {
    return shards;
  }

  @Override
  public void close() {
    manager.close();
  }
}
