package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of {@code n} ratings {@code (u_k, i_k, r_k)}, {@code k = 0..n-1}, of {@code U}
 * users and {@code I} items, stored as three parallel arrays of length {@code n}: user index
 * {@code u_k in [0, U)}, item index {@code i_k in [0, I)} and rating {@code r_k} (float). Indices are
 * compact and map to the original ids, which are text ({@link IdMapping}): user index {@code j}
 * stands for the {@code j}-th user id in numeric order (when every user id is a non-negative
 * integer, as in MovieLens) or else in text order, likewise for items. The ratings form a sparse
 * {@code [U, I]} matrix {@code R[u_k, i_k] = r_k} with no (user, item) pair twice.
 *
 * <p>It records where it came from: the source file, the SHA-256 of its bytes as stored (the
 * compressed bytes for a gzip file) and the format it was read with, every setting resolved. A
 * {@link #select selection} keeps the full index space {@code [U, I]} and its ids, so train and
 * test subsets of one data set index the same matrix.
 */
public final class Ratings {
  private final String source;
  private final String sourceSha256;
  private final RatingsFormat format;
  private final RatingScale scale;
  private final IdMapping userIds;
  private final IdMapping itemIds;
  private final int[] users;
  private final int[] items;
  private final float[] values;
  private final double mean;

  /**
   * Takes ownership of the arrays; the caller has checked them.
   *
   * @param format the format read with, its scale resolved
   */
  Ratings(String source, String sourceSha256, RatingsFormat format, IdMapping userIds,
      IdMapping itemIds, int[] users, int[] items, float[] values) {
    this.source = requireNonNull(source, "source is null");
    this.sourceSha256 = requireNonNull(sourceSha256, "sourceSha256 is null");
    this.format = requireNonNull(format, "format is null");
    this.scale = format.scale().orElseThrow(
        () -> new IllegalArgumentException("the format's scale is not resolved: " + format));
    this.userIds = userIds;
    this.itemIds = itemIds;
    this.users = users;
    this.items = items;
    this.values = values;
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    this.mean = values.length == 0 ? Double.NaN : sum / values.length;
  }

  /** The number of ratings {@code n}. */
  public int size() {
    return values.length;
  }

  /** The number of users {@code U} of the whole data set (a selection keeps it). */
  public int numUsers() {
    return userIds.size();
  }

  /** The number of items {@code I} of the whole data set (a selection keeps it). */
  public int numItems() {
    return itemIds.size();
  }

  /** The user index {@code u_k in [0, U)} of rating {@code k}. */
  public int user(int k) {
    return users[k];
  }

  /** The item index {@code i_k in [0, I)} of rating {@code k}. */
  public int item(int k) {
    return items[k];
  }

  /** The rating value {@code r_k} of rating {@code k}. */
  public float rating(int k) {
    return values[k];
  }

  /** A copy of the user indices, length {@code n}. */
  public int[] userIndices() {
    return users.clone();
  }

  /** A copy of the item indices, length {@code n}. */
  public int[] itemIndices() {
    return items.clone();
  }

  /** A copy of the rating values, length {@code n}. */
  public float[] values() {
    return values.clone();
  }

  /** The original id of user index {@code u}, as written in the file. */
  public String userId(int u) {
    return userIds.id(u);
  }

  /** The original id of item index {@code i}, as written in the file. */
  public String itemId(int i) {
    return itemIds.id(i);
  }

  /** The index of the original user id {@code userId}, if the data set has it. */
  public OptionalInt userIndex(String userId) {
    return userIds.indexOf(userId);
  }

  /** The index of the original item id {@code itemId}, if the data set has it. */
  public OptionalInt itemIndex(String itemId) {
    return itemIds.indexOf(itemId);
  }

  /** Every user id by index, and the index of each. */
  public IdMapping userIds() {
    return userIds;
  }

  /** Every item id by index, and the index of each. */
  public IdMapping itemIds() {
    return itemIds;
  }

  /** The mean rating {@code (1/n) sum_k r_k}, {@code NaN} for an empty selection. */
  public double mean() {
    return mean;
  }

  /** How many ratings have each value, by value. */
  public SortedMap<Float, Integer> histogram() {
    SortedMap<Float, Integer> counts = new TreeMap<>();
    for (float v : values) {
      counts.merge(v, 1, Integer::sum);
    }
    return counts;
  }

  /** The number of distinct users that have at least one rating here. */
  public int activeUsers() {
    return countDistinct(users, userIds.size());
  }

  /** The number of distinct items that have at least one rating here. */
  public int activeItems() {
    return countDistinct(items, itemIds.size());
  }

  private static int countDistinct(int[] indices, int range) {
    boolean[] seen = new boolean[range];
    int count = 0;
    for (int j : indices) {
      if (!seen[j]) {
        seen[j] = true;
        count++;
      }
    }
    return count;
  }

  /** The source file the ratings were read from. */
  public String source() {
    return source;
  }

  /** The SHA-256 (hex) of the source file's bytes as stored. */
  public String sourceSha256() {
    return sourceSha256;
  }

  /** The rating scale: the values were checked against it, or it was inferred from them. */
  public RatingScale scale() {
    return scale;
  }

  /** The format the file was read with: delimiter, header, columns and scale all resolved. */
  public RatingsFormat format() {
    return format;
  }

  /**
   * The ratings at {@code positions} (distinct, each in {@code [0, n)}), in that order, with the same user
   * and item index space {@code [U, I]} and the same provenance.
   */
  public Ratings select(int[] positions) {
    requireNonNull(positions, "positions is null");
    int m = positions.length;
    int[] u = new int[m];
    int[] i = new int[m];
    float[] v = new float[m];
    boolean[] taken = new boolean[values.length];
    for (int k = 0; k < m; k++) {
      int p = positions[k];
      if (p < 0 || p >= values.length) {
        throw new IllegalArgumentException("position must be in [0, " + values.length + "), got " + p);
      }
      if (taken[p]) {
        throw new IllegalArgumentException("position " + p + " is selected twice");
      }
      taken[p] = true;
      u[k] = users[p];
      i[k] = items[p];
      v[k] = values[p];
    }
    return new Ratings(source, sourceSha256, format, userIds, itemIds, u, i, v);
  }

  @Override
  public String toString() {
    return "Ratings[" + size() + " ratings, " + numUsers() + " users, " + numItems() + " items, scale "
        + scale + ", source " + source + " sha256 " + sourceSha256 + "]";
  }
}
