package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.movielens.data.Ratings;

/**
 * The training ratings as the sparse item-major matrix {@code R [items, users]}, split into row
 * shards: shard {@code s} holds items {@code [from_s, to_s)} as two sparse COO arrays, the ratings
 * {@code X_s [rows_s, users]} and the observation pattern {@code P_s [rows_s, users]} (1 where
 * rated). A shard is a mini-batch of items: the full-batch loss and gradient of an item autoencoder
 * are sums over shards, so shards can be processed in parallel and a dense {@code [rows_s, users]}
 * output never exceeds {@link #maxShardEntries} entries.
 *
 * <p>Shards are cut so that every shard has about the same cost {@code sum_i (users + 3 n_i)} over
 * its items ({@code n_i} the item's ratings: the dense output row, and the three sparse products per
 * rating), and there are at least {@code minShards} of them when there are that many items.
 *
 * <p>Each sparse array is made by PyTorch from a dense chunk ({@code NDArray.toSparse}), so it owns
 * its memory: DJL's {@code NDManager.createCoo} builds the tensor over Java buffers that may be
 * garbage-collected while it is still in use. Memory: about {@code 2 * 20} bytes per rating (int64
 * indices and a float value, for X and P) plus two dense staging buffers of the largest shard.
 */
final class RatingShards implements AutoCloseable {
  /** The default bound on {@code rows_s * users}: 2^24 floats, 64 MB per dense chunk. */
  static final long DEFAULT_MAX_SHARD_ENTRIES = 1L << 24;

  /** One shard: items {@code [from, to)}, ratings {@code X [to - from, users]}, pattern P. */
  record Shard(int from, int to, int ratings, NDArray values, NDArray pattern) {
    int rows() {
      return to - from;
    }
  }

  private final int items;
  private final int users;
  private final NDManager manager;
  private final List<Shard> shards;

  private RatingShards(int items, int users, NDManager manager, List<Shard> shards) {
    this.items = items;
    this.users = users;
    this.manager = manager;
    this.shards = List.copyOf(shards);
  }

  /**
   * Shards {@code ratings} restricted to items {@code [0, items)}.
   *
   * @param ratings the training ratings; every item index below {@code items}; no rating is 0
   * @param items the number of rows
   * @param parent the manager the shards' own sub-manager is made from
   * @param minShards the least number of shards (e.g. the threads that will process them), {@code
   *     >= 1}
   * @param maxShardEntries the most {@code rows_s * users} of a shard unless one item alone is
   *     more, {@code >= 1}
   * @throws IllegalArgumentException if an item index is {@code >= items} or a rating is 0 (a zero
   *     would vanish from the sparse matrix)
   */
  static RatingShards of(
      Ratings ratings, int items, NDManager parent, int minShards, long maxShardEntries) {
    requireNonNull(ratings, "ratings is null");
    requireNonNull(parent, "parent is null");
    if (items < 1 || minShards < 1 || maxShardEntries < 1) {
      throw new IllegalArgumentException("items, minShards and maxShardEntries must be >= 1, got "
          + items + ", " + minShards + ", " + maxShardEntries);
    }
    int users = ratings.numUsers();
    int[] perItem = new int[items];
    for (int k = 0; k < ratings.size(); k++) {
      int item = ratings.item(k);
      if (item >= items) {
        throw new IllegalArgumentException(
            "rating " + k + " has item index " + item + ", outside [0, " + items + ")");
      }
      if (ratings.rating(k) == 0f) {
        throw new IllegalArgumentException("rating " + k + " is 0; sparse shards need non-zero"
            + " ratings");
      }
      perItem[item]++;
    }
    int[] cuts = cuts(perItem, users, minShards, maxShardEntries);
    int[][] byItem = groupByItem(ratings, perItem);
    long largest = 0;
    for (int s = 0; s + 1 < cuts.length; s++) {
      largest = Math.max(largest, (long) (cuts[s + 1] - cuts[s]) * users);
    }
    // one pair of dense staging buffers for all shards, cleared after use
    float[] values = new float[Math.toIntExact(largest)];
    float[] pattern = new float[values.length];
    NDManager manager = parent.newSubManager();
    List<Shard> shards = new ArrayList<>();
    try {
      for (int s = 0; s + 1 < cuts.length; s++) {
        shards.add(shard(ratings, byItem, cuts[s], cuts[s + 1], users, values, pattern, manager));
      }
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
    return new RatingShards(items, users, manager, shards);
  }

  /** Shard boundaries {@code 0 = c_0 < c_1 < ... = items} of about equal cost. */
  static int[] cuts(int[] perItem, int users, int minShards, long maxShardEntries) {
    int items = perItem.length;
    double total = 0;
    for (int n : perItem) {
      total += users + 3.0 * n;
    }
    long rowsPerShard = Math.max(1, maxShardEntries / users);
    int count = (int) Math.max(Math.min(minShards, items), (items + rowsPerShard - 1) / rowsPerShard);
    List<Integer> cuts = new ArrayList<>();
    cuts.add(0);
    double done = 0;
    int start = 0;
    for (int i = 0; i < items; i++) {
      double cost = users + 3.0 * perItem[i];
      // cut before item i when the shard is full or i's midpoint passes the next equal-cost mark
      boolean full = i - start >= rowsPerShard || done + cost / 2 > total * cuts.size() / count;
      if (i > start && full) {
        cuts.add(i);
        start = i;
      }
      done += cost;
    }
    cuts.add(items);
    return cuts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int[][] groupByItem(Ratings ratings, int[] perItem) {
    int[][] byItem = new int[perItem.length][];
    int[] fill = new int[perItem.length];
    for (int i = 0; i < perItem.length; i++) {
      byItem[i] = new int[perItem[i]];
    }
    for (int k = 0; k < ratings.size(); k++) {
      int item = ratings.item(k);
      byItem[item][fill[item]++] = k;
    }
    return byItem;
  }

  /** One shard, staged densely in the (zero) buffers {@code values} and {@code pattern}. */
  private static Shard shard(Ratings ratings, int[][] byItem, int from, int to, int users,
      float[] values, float[] pattern, NDManager manager) {
    int rows = to - from;
    int count = 0;
    for (int i = from; i < to; i++) {
      for (int k : byItem[i]) {
        int at = (i - from) * users + ratings.user(k);
        values[at] = ratings.rating(k);
        pattern[at] = 1f;
        count++;
      }
    }
    Shape shape = new Shape(rows, users);
    Shard shard = new Shard(from, to, count, sparse(manager, values, shape),
        sparse(manager, pattern, shape));
    for (int i = from; i < to; i++) {
      for (int k : byItem[i]) {
        int at = (i - from) * users + ratings.user(k);
        values[at] = 0f;
        pattern[at] = 0f;
      }
    }
    return shard;
  }

  private static NDArray sparse(NDManager manager, float[] dense, Shape shape) {
    try (NDArray chunk = manager.create(FloatBuffer.wrap(dense, 0, (int) shape.size()), shape)) {
      return chunk.toSparse(SparseFormat.COO);
    }
  }

  /** The number of rows (items). */
  int items() {
    return items;
  }

  /** The number of columns (users). */
  int users() {
    return users;
  }

  /** The shards, in item order. */
  List<Shard> shards() {
    return shards;
  }

  @Override
  public void close() {
    manager.close();
  }
}
