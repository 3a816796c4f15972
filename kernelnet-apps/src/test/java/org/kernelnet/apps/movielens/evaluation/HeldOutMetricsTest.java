package org.kernelnet.apps.movielens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsReader;

/**
 * {@link HeldOutMetrics} against values computed by hand.
 *
 * <p>Five users (ids 1..5 are indices 0..4) and four items (ids 1..4 are indices 0..3) on the 1..5
 * scale; threshold 4, k = 2. The held-out ratings {@code r} and the predictions {@code p} at them
 * (clipped to 1..5 in brackets):
 *
 * <pre>
 *   user 0: item 0 r=5 p=3.0;  item 1 r=3 p=5.5 [5];  item 2 r=4 p=6.0 [5]
 *   user 1: item 0 r=2 p=0.5 [1];  item 3 r=1 p=1.0
 *   user 2: item 3 r=4 p=2.0
 *   user 3: item 0 r=4 p=4.25;  item 2 r=5 p=3.5
 *   user 4: none held out (one training rating only)
 * </pre>
 */
class HeldOutMetricsTest {
  private static final int USERS = 5;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @TempDir Path dir;

  private Ratings heldOut;
  private float[] predictions;

  @BeforeEach
  void ratings() throws IOException {
    // ML-100K format: user, item, rating, timestamp; the last line is user 5's training rating
    String lines = """
        1\t1\t5\t0
        1\t2\t3\t0
        1\t3\t4\t0
        2\t1\t2\t0
        2\t4\t1\t0
        3\t4\t4\t0
        4\t1\t4\t0
        4\t3\t5\t0
        5\t2\t3\t0
        """;
    Path file = Files.writeString(dir.resolve("u.data"), lines);
    Ratings all = RatingsReader.of(MovieLensDataset.ML_100K).read(file, note -> {});
    heldOut = all.select(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    predictions = new float[4 * USERS]; // [items, users]; 0 where nothing is held out
    set(0, 0, 3.0f);
    set(1, 0, 5.5f);
    set(2, 0, 6.0f);
    set(0, 1, 0.5f);
    set(3, 1, 1.0f);
    set(3, 2, 2.0f);
    set(0, 3, 4.25f);
    set(2, 3, 3.5f);
  }

  private void set(int item, int user, float prediction) {
    predictions[item * USERS + user] = prediction;
  }

  @Test
  void errorsOfClippedPredictions() {
    HeldOutMetrics m = HeldOutMetrics.of(predictions, heldOut, RatingScale.STARS_1_TO_5,
        new RankingSettings(2, 4));

    // clip(p) - r: user 0: 3-5 = -2, 5-3 = 2, 5-4 = 1; user 1: 1-2 = -1, 1-1 = 0; user 2: 2-4 = -2;
    // user 3: 4.25-4 = 0.25, 3.5-5 = -1.5.
    // squares: 4 + 4 + 1 + 1 + 0 + 4 + 0.0625 + 2.25 = 16.3125; RMSE = sqrt(16.3125 / 8)
    // absolutes: 2 + 2 + 1 + 1 + 0 + 2 + 0.25 + 1.5 = 9.75;     MAE = 9.75 / 8 = 1.21875
    assertThat(m.ratings()).isEqualTo(8);
    assertThat(m.rmse()).isCloseTo(Math.sqrt(16.3125 / 8), within(1e-12));
    assertThat(m.mae()).isCloseTo(1.21875, within(1e-12));
  }

  @Test
  void rankingMetricsPerUserAveragedOverUsers() {
    HeldOutMetrics m = HeldOutMetrics.of(predictions, heldOut, RatingScale.STARS_1_TO_5,
        new RankingSettings(2, 4));

    // Rankings by clipped score, ties by lower item index:
    //   user 0: item 1 (5, r=3), item 2 (5, r=4) [tie broken by index], item 0 (3, r=5)
    //           top 2 = {r=3, r=4}: 1 relevant; relevant in all = 2 (r=5, r=4)
    //           precision 1/2, recall 1/2
    //           DCG  = (2^3-1)/log2 2 + (2^4-1)/log2 3 = 7 + 15/log2 3
    //           IDCG = (2^5-1)/log2 2 + (2^4-1)/log2 3 = 31 + 15/log2 3
    //   user 1: item 0 (1, r=2), item 3 (1, r=1): no relevant item: precision 0/2, skipped for
    //           recall and NDCG
    //   user 2: one item (r=4): k capped at 1, precision 1/1, recall 1/1, skipped for NDCG
    //           (one item)
    //   user 3: item 0 (4.25, r=4), item 2 (3.5, r=5): precision 2/2, recall 2/2
    //           DCG  = 15/log2 2 + 31/log2 3;  IDCG = 31 + 15/log2 3
    //   user 4: no held-out rating, not counted
    double ndcg0 = (7 + 15 / LOG2_3) / (31 + 15 / LOG2_3); // 0.40688
    double ndcg3 = (15 + 31 / LOG2_3) / (31 + 15 / LOG2_3); // 0.85406
    assertThat(m.precision()).isCloseTo((0.5 + 0 + 1 + 1) / 4, within(1e-12));
    assertThat(m.recall()).isCloseTo((0.5 + 1 + 1) / 3, within(1e-12));
    assertThat(m.ndcg()).isCloseTo((ndcg0 + ndcg3) / 2, within(1e-12));
    assertThat(m.ndcg()).isCloseTo(0.6304719797, within(1e-9));
    assertThat(m.users()).isEqualTo(4);
    assertThat(m.usersWithRelevant()).isEqualTo(3);
    assertThat(m.usersWithoutRelevant()).isEqualTo(1);
    assertThat(m.ndcgUsers()).isEqualTo(2);
    assertThat(m.settings()).isEqualTo(new RankingSettings(2, 4));
  }

  @Test
  void cutOffOneAndThresholdFive() {
    HeldOutMetrics m = HeldOutMetrics.of(predictions, heldOut, RatingScale.STARS_1_TO_5,
        new RankingSettings(1, 5));

    // relevant: r = 5 only (user 0's item 0, user 3's item 2); top 1 of each user:
    //   user 0: item 1 (r=3) -> precision 0, recall 0/1, DCG = 7, IDCG = 31
    //   user 1: item 0 (r=2) -> precision 0, no relevant item
    //   user 2: item 3 (r=4) -> precision 0, no relevant item
    //   user 3: item 0 (r=4) -> precision 0, recall 0/1, DCG = 15, IDCG = 31
    assertThat(m.precision()).isZero();
    assertThat(m.recall()).isZero();
    assertThat(m.ndcg()).isCloseTo((7.0 / 31 + 15.0 / 31) / 2, within(1e-12));
    assertThat(m.usersWithoutRelevant()).isEqualTo(2);
    assertThat(m.ndcgUsers()).isEqualTo(2);
  }

  @Test
  void aCutOffBeyondEveryUsersItemsRanksThemAll() {
    HeldOutMetrics m = HeldOutMetrics.of(predictions, heldOut, RatingScale.STARS_1_TO_5,
        new RankingSettings(50, 4));

    // every user's k is capped at its number of held-out items, so recall is 1 for every user
    // with a relevant item and precision is the share of relevant items:
    //   precision: user 0 2/3, user 1 0/2, user 2 1/1, user 3 2/2
    //   user 0 NDCG over all three: DCG = 7 + 15/log2 3 + 31/2, IDCG = 31 + 15/log2 3 + 7/2
    double ndcg0 = (7 + 15 / LOG2_3 + 31 / 2.0) / (31 + 15 / LOG2_3 + 7 / 2.0);
    double ndcg3 = (15 + 31 / LOG2_3) / (31 + 15 / LOG2_3);
    assertThat(m.precision()).isCloseTo((2.0 / 3 + 0 + 1 + 1) / 4, within(1e-12));
    assertThat(m.recall()).isEqualTo(1.0);
    assertThat(m.ndcg()).isCloseTo((ndcg0 + ndcg3) / 2, within(1e-12));
  }

  @Test
  void everyItemRankedAndEveryRatingRelevantIsGLocalKsNdcg() {
    HeldOutMetrics m = HeldOutMetrics.of(predictions, heldOut, RatingScale.STARS_1_TO_5,
        new RankingSettings(Integer.MAX_VALUE, 1));

    // GLocal-K's call_ndcg: NDCG over all of a user's held-out items, users with >= 2 of them
    //   user 0: (7 + 15/log2 3 + 31/2) / (31 + 15/log2 3 + 7/2), as above
    //   user 1: item 0 (r=2) and item 3 (r=1) tie at 1, item 0 first: the ideal order, NDCG 1
    //   user 3: (15 + 31/log2 3) / (31 + 15/log2 3)
    //   user 2 (one item) is skipped
    double ndcg0 = (7 + 15 / LOG2_3 + 31 / 2.0) / (31 + 15 / LOG2_3 + 7 / 2.0);
    double ndcg3 = (15 + 31 / LOG2_3) / (31 + 15 / LOG2_3);
    assertThat(m.ndcg()).isCloseTo((ndcg0 + 1 + ndcg3) / 3, within(1e-12));
    assertThat(m.ndcgUsers()).isEqualTo(3);
    assertThat(m.usersWithoutRelevant()).isZero();
  }

  @Test
  void noQualifyingUserGivesNaN() {
    Ratings none = heldOut.select(new int[] {3, 4}); // user 1's two irrelevant ratings only

    HeldOutMetrics m = HeldOutMetrics.of(predictions, none, RatingScale.STARS_1_TO_5,
        new RankingSettings(2, 4));

    assertThat(m.precision()).isZero();
    assertThat(m.recall()).isNaN();
    assertThat(m.ndcg()).isNaN();
    assertThat(m.users()).isEqualTo(1);
    assertThat(m.usersWithoutRelevant()).isEqualTo(1);
  }

  @Test
  void refusesPredictionsOfAnotherShape() {
    RankingSettings settings = new RankingSettings(2, 4);
    RatingScale scale = RatingScale.STARS_1_TO_5;

    assertThatThrownBy(() -> HeldOutMetrics.of(new float[7], heldOut, scale, settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("7 predictions are not whole rows of 5 users");
    assertThatThrownBy(() -> HeldOutMetrics.of(new float[3 * USERS], heldOut, scale, settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("held-out rating 4 is of item index 3 but the predictions have 3 item rows");
  }
}
