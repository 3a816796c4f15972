package org.kernelnet.apps.movielens.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;

/**
 * How well a prediction matrix scores and ranks held-out ratings: the {@link RatingErrors} (RMSE
 * and MAE of clipped predictions) and three ranking metrics, each computed per user and then
 * averaged over users with equal weight.
 *
 * <p><b>Ranking.</b> For each user {@code u}, the {@code n_u} items {@code u} rated in the held-out
 * set (and only those) are ranked by their predicted score {@code clip(p)}, higher first, ties by
 * lower item index ({@link TopItems}); clipping is what {@code recommend} shows, and ties among
 * items predicted above the scale are what it makes. With {@code k_u = min(k, n_u)} (the cut-off
 * capped at the user's held-out items, so a user with fewer than {@code k} is not punished for
 * the items it lacks), relevance {@code rel(r)} as {@link RankingSettings#relevant}, and {@code
 * r_(j)} the held-out rating at rank {@code j = 1..k_u}:
 *
 * <pre>
 *   precision@k_u = (#relevant among ranks 1..k_u) / k_u
 *   recall@k_u    = (#relevant among ranks 1..k_u) / (#relevant among all n_u)
 *   DCG@k_u       = sum_{j=1..k_u} (2^r_(j) - 1) / log2(j + 1)
 *   NDCG@k_u      = DCG@k_u / (DCG@k_u of the ratings sorted from highest)
 * </pre>
 *
 * NDCG has the graded gains {@code 2^r - 1} and the discounts of GLocal-K's evaluation code
 * ({@code call_ndcg}, which also ranks clipped predictions with a stable sort, so ties by item
 * index), but that ranks all {@code n_u} items of every user with at least two, relevant or not:
 * with {@code k} at least every {@code n_u} and the threshold at the scale's minimum (every rating
 * relevant), this NDCG is exactly GLocal-K's.
 *
 * <p><b>Which users count.</b> Precision is averaged over the {@link #users} with at least one
 * held-out rating. Recall and NDCG are undefined for a user with no relevant held-out item; those
 * users are skipped ({@link #usersWithoutRelevant} of them) and the rest, {@link
 * #usersWithRelevant}, are averaged. NDCG also skips users with a single held-out rating, as
 * GLocal-K's {@code call_ndcg} does: one item ranks only one way, so its NDCG is 1 whatever the
 * model predicts; {@link #ndcgUsers} are averaged. Note that for a user with {@code n_u <= k} the
 * precision and recall do not depend on the predictions at all (all {@code n_u} items are in the
 * top {@code k_u}); only NDCG then measures the order. A metric no user qualifies for is NaN, as
 * is NDCG on a scale with negative ratings (graded gains need ratings {@code >= 0}).
 *
 * @param rmse the RMSE of clipped predictions over the held-out ratings
 * @param mae the MAE of clipped predictions over the held-out ratings
 * @param ndcg the mean NDCG@k over the {@code ndcgUsers}
 * @param precision the mean precision@k over the {@code users}
 * @param recall the mean recall@k over the {@code usersWithRelevant}
 * @param settings the cut-off {@code k} and the relevance threshold
 * @param ratings the number of held-out ratings
 * @param users the users with at least one held-out rating
 * @param usersWithRelevant the users with at least one relevant held-out rating
 * @param ndcgUsers the users with at least one relevant and at least two held-out ratings (and a
 *     positive ideal DCG, which only a user whose held-out ratings are all 0 lacks)
 */
public record HeldOutMetrics(
    double rmse,
    double mae,
    double ndcg,
    double precision,
    double recall,
    RankingSettings settings,
    int ratings,
    int users,
    int usersWithRelevant,
    int ndcgUsers) {
  /** Validates the record. */
  public HeldOutMetrics {
    requireNonNull(settings, "settings is null");
  }

  /** The users skipped for recall and NDCG because none of their held-out ratings is relevant. */
  public int usersWithoutRelevant() {
    return users - usersWithRelevant;
  }

  /**
   * The metrics of {@code predictions} on {@code heldOut}, in one pass over the held-out ratings
   * and time {@code O(n log k + U + I)} for {@code n} ratings, {@code U} users and {@code I} items.
   *
   * @param predictions {@code P [items, users]} row-major, as {@code ItemAutoencoder.predict}
   *     returns for the rows of a {@code RatingMatrix}: {@code P[i * users + u]} is the prediction
   *     of user {@code u}'s rating of item {@code i}, {@code users = heldOut.numUsers()}
   * @param heldOut the held-out ratings, each of an item {@code < items}
   * @param scale the rating scale predictions are clipped to
   * @param settings the cut-off and the relevance threshold
   * @throws IllegalArgumentException if {@code predictions} is not a whole number of rows of
   *     {@code heldOut.numUsers()} or a held-out item has no row
   */
  public static HeldOutMetrics of(
      float[] predictions, Ratings heldOut, RatingScale scale, RankingSettings settings) {
    requireNonNull(predictions, "predictions is null");
    int users = requireNonNull(heldOut, "heldOut is null").numUsers();
    if (predictions.length % users != 0) {
      throw new IllegalArgumentException(predictions.length + " predictions are not whole rows of "
          + users + " users");
    }
    int items = predictions.length / users;
    float[] atPairs = new float[heldOut.size()];
    for (int k = 0; k < atPairs.length; k++) {
      int item = heldOut.item(k);
      if (item >= items) {
        throw new IllegalArgumentException("held-out rating " + k + " is of item index " + item
            + " but the predictions have " + items + " item rows");
      }
      atPairs[k] = predictions[item * users + heldOut.user(k)];
    }
    return ofPairs(atPairs, heldOut, scale, settings);
  }

  /**
   * The metrics of the predictions of the held-out ratings alone (all the ranking needs), e.g. as
   * a trainer computes them for its test RMSE; same definitions and time as {@link #of}.
   *
   * @param atPairs {@code atPairs[k]} predicts {@code heldOut.rating(k)}
   * @throws IllegalArgumentException if there is not one prediction per held-out rating
   */
  public static HeldOutMetrics ofPairs(
      float[] atPairs, Ratings heldOut, RatingScale scale, RankingSettings settings) {
    requireNonNull(atPairs, "atPairs is null");
    requireNonNull(heldOut, "heldOut is null");
    requireNonNull(scale, "scale is null");
    requireNonNull(settings, "settings is null");
    int n = heldOut.size();
    if (atPairs.length != n) {
      throw new IllegalArgumentException(atPairs.length + " predictions for " + n
          + " held-out ratings");
    }
    int users = heldOut.numUsers();
    int[] start = new int[users + 1]; // counts first, then where each user's ratings start
    for (int k = 0; k < n; k++) {
      start[heldOut.user(k) + 1]++;
    }
    int most = 0;
    for (int u = 0; u < users; u++) {
      most = Math.max(most, start[u + 1]);
      start[u + 1] += start[u];
    }
    RatingErrors errors = RatingErrors.of(atPairs, heldOut, scale);
    return new Ranker(heldOut, scale, settings, heldOut.numItems(), start, most, atPairs)
        .rank(errors);
  }

  /** The per-user ranking pass: scratch arrays sized once, reused for every user. */
  private static final class Ranker {
    private final Ratings heldOut;
    private final RatingScale scale;
    private final RankingSettings settings;
    private final int[] start;
    private final int[] byUser;
    private final float[] atPairs;
    private final float[] ratingOf;
    private final float[] userRatings;
    private final int[] topItems;
    private final float[] topScores;
    private final double[] discount;

    /**
     * @param start user {@code u}'s held-out ratings are the {@code start[u + 1] - start[u]}
     *     ratings from position {@code start[u]} of the user-ordered list
     * @param most the most held-out ratings of one user
     */
    Ranker(Ratings heldOut, RatingScale scale, RankingSettings settings, int items, int[] start,
        int most, float[] atPairs) {
      this.heldOut = heldOut;
      this.scale = scale;
      this.settings = settings;
      this.start = start;
      this.atPairs = atPairs;
      this.byUser = new int[heldOut.size()];
      int[] next = Arrays.copyOf(start, start.length - 1);
      for (int k = 0; k < heldOut.size(); k++) {
        byUser[next[heldOut.user(k)]++] = k;
      }
      int cut = Math.max(1, Math.min(settings.k(), most));
      this.ratingOf = new float[items];
      this.userRatings = new float[most];
      this.topItems = new int[cut];
      this.topScores = new float[cut];
      this.discount = new double[cut];
      for (int j = 0; j < cut; j++) {
        discount[j] = Math.log(2) / Math.log(j + 2); // rank j + 1: 1 / log2(rank + 1)
      }
    }

    HeldOutMetrics rank(RatingErrors errors) {
      boolean graded = scale.min() >= 0;
      double precisionSum = 0;
      double recallSum = 0;
      double ndcgSum = 0;
      int ranked = 0;
      int withRelevant = 0;
      int ndcgUsers = 0;
      for (int u = 0; u + 1 < start.length; u++) {
        int count = start[u + 1] - start[u];
        if (count == 0) {
          continue;
        }
        int cut = Math.min(settings.k(), count);
        TopItems top = new TopItems(cut);
        int relevant = 0;
        for (int p = start[u]; p < start[u + 1]; p++) {
          int k = byUser[p];
          float rating = heldOut.rating(k);
          ratingOf[heldOut.item(k)] = rating;
          userRatings[p - start[u]] = rating;
          relevant += settings.relevant(rating) ? 1 : 0;
          top.offer(heldOut.item(k), (float) RatingErrors.clip(atPairs[k], scale));
        }
        top.drain(topItems, topScores);
        int hits = 0;
        double dcg = 0;
        for (int j = 0; j < cut; j++) {
          float rating = ratingOf[topItems[j]];
          hits += settings.relevant(rating) ? 1 : 0;
          dcg += gain(rating) * discount[j];
        }
        ranked++;
        precisionSum += hits / (double) cut;
        if (relevant == 0) {
          continue;
        }
        withRelevant++;
        recallSum += hits / (double) relevant;
        if (graded && count >= 2) {
          Arrays.sort(userRatings, 0, count);
          double ideal = 0;
          for (int j = 0; j < cut; j++) {
            ideal += gain(userRatings[count - 1 - j]) * discount[j];
          }
          if (ideal > 0) {
            ndcgSum += dcg / ideal;
            ndcgUsers++;
          }
        }
      }
      return new HeldOutMetrics(errors.rmse(), errors.mae(), ndcgSum / ndcgUsers,
          precisionSum / ranked, recallSum / withRelevant, settings, errors.count(), ranked,
          withRelevant, ndcgUsers);
    }

    private static double gain(float rating) {
      return Math.pow(2, rating) - 1;
    }
  }
}
