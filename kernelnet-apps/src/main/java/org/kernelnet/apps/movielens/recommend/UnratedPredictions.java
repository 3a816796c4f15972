package org.kernelnet.apps.movielens.recommend;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.evaluation.RatingErrors;
import org.kernelnet.apps.movielens.evaluation.TopItems;
import org.kernelnet.apps.movielens.model.RatingModel;
import org.kernelnet.apps.movielens.train.RatingMatrix;

/**
 * What a rating model (an item autoencoder, GLocal-K) predicts for every (item, user) pair the
 * user has not rated: one forward pass of the whole rating matrix {@code R [items, users]} (every
 * known rating as input), kept as the row-major {@code P [items, users]} with the rated pairs removed, from which each
 * user's best unrated items are chosen by the clipped prediction {@code clip(P[i, u])}, higher
 * first, ties by lower item index ({@link TopItems}).
 *
 * <p>Memory: the forward pass holds {@code R} and {@code P} as arrays of {@code items * users}
 * floats on the heap and on the device (about 90 MB each for ML-1M), as the single-user path
 * always has.
 */
public final class UnratedPredictions {
  /**
   * Users ranked together: each item row's predictions for them are read as one contiguous run,
   * so the matrix is read once per block, in memory order, rather than once per user with a
   * stride of a row.
   */
  static final int USER_BLOCK = 256;

  private final float[] predictions;
  private final int items;
  private final int users;
  private final RatingScale scale;

  /**
   * @param predictions {@code P [items, users]} row-major, NaN at the rated pairs (kept, not
   *     copied)
   */
  UnratedPredictions(float[] predictions, int items, int users, RatingScale scale) {
    this.predictions = predictions;
    this.items = items;
    this.users = users;
    this.scale = scale;
  }

  /**
   * Predicts the unrated pairs of {@code ratings}' first {@code items} items.
   *
   * @param net the model, of {@code ratings.numUsers()} users
   * @param ratings every known rating, each of an item {@code < items}
   * @throws IllegalArgumentException if the network's width is not the number of users
   */
  public static UnratedPredictions of(RatingModel net, Ratings ratings, int items) {
    requireNonNull(net, "net is null");
    requireNonNull(ratings, "ratings is null");
    int users = ratings.numUsers();
    if (net.users() != users) {
      throw new IllegalArgumentException(
          "the network has " + net.users() + " users but the ratings have " + users);
    }
    RatingMatrix matrix = RatingMatrix.of(ratings, items);
    float[] predictions;
    try (NDManager scope = net.model().getNDManager().newSubManager()) {
      predictions = net.predict(matrix.values(scope));
    }
    for (int k = 0; k < ratings.size(); k++) {
      predictions[ratings.item(k) * users + ratings.user(k)] = Float.NaN;
    }
    return new UnratedPredictions(predictions, items, users, ratings.scale());
  }

  /** The number of item rows. */
  public int items() {
    return items;
  }

  /** The number of users. */
  public int users() {
    return users;
  }

  /** Receives one user's best unrated items. */
  @FunctionalInterface
  public interface UserTop {
    /**
     * @param user the user index
     * @param items the item indices, best first, in {@code [0, count)}
     * @param scores their clipped predictions, in {@code [0, count)}
     * @param count {@code min(n, the user's unrated items)}
     */
    void accept(int user, int[] items, float[] scores, int count) throws IOException;
  }

  /**
   * Hands each user of {@code [from, to)}, in order, its {@code n} best unrated items.
   *
   * @throws IllegalArgumentException if the range is not within {@code [0, users)} or {@code n <
   *     1}
   * @throws IOException what {@code consumer} throws; the users after it are not handed over
   */
  public void top(int from, int to, int n, UserTop consumer) throws IOException {
    requireNonNull(consumer, "consumer is null");
    if (from < 0 || to > users || from > to) {
      throw new IllegalArgumentException(
          "users [" + from + ", " + to + ") are not within [0, " + users + ")");
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    int kept = Math.min(n, items);
    int[] bestItems = new int[kept];
    float[] bestScores = new float[kept];
    for (int start = from; start < to; start += USER_BLOCK) {
      int end = Math.min(to, start + USER_BLOCK);
      TopItems[] tops = new TopItems[end - start];
      for (int b = 0; b < tops.length; b++) {
        tops[b] = new TopItems(kept);
      }
      for (int i = 0; i < items; i++) {
        int row = i * users;
        for (int u = start; u < end; u++) {
          float p = predictions[row + u];
          if (!Float.isNaN(p)) {
            tops[u - start].offer(i, (float) RatingErrors.clip(p, scale));
          }
        }
      }
      for (int u = start; u < end; u++) {
        int count = tops[u - start].drain(bestItems, bestScores);
        consumer.accept(u, bestItems, bestScores, count);
      }
    }
  }
}
