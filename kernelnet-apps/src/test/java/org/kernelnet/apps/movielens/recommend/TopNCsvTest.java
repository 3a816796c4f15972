package org.kernelnet.apps.movielens.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsReader;
import org.kernelnet.apps.report.ProgressLog;

/**
 * {@link TopNCsv} and {@link UnratedPredictions#top} on a hand-made prediction matrix.
 *
 * <p>Users 10, 20, 30 (indices 0..2), items 100, 200, 300, 400 (indices 0..3); rated: user 10
 * item 400, user 20 item 100, user 30 items 200 and 300. The predictions {@code P [items, users]}
 * (NaN where rated, clipped to 1..5 in brackets):
 *
 * <pre>
 *   item 100: user 10 4.2       user 20 NaN   user 30 0.3 [1]
 *   item 200: user 10 5.6 [5]   user 20 2.0   user 30 NaN
 *   item 300: user 10 6.0 [5]   user 20 2.0   user 30 NaN
 *   item 400: user 10 NaN       user 20 1.5   user 30 3.14159
 * </pre>
 */
class TopNCsvTest {
  private static final float NAN = Float.NaN;

  @TempDir Path dir;

  private Ratings ids() throws IOException {
    Path file = Files.writeString(dir.resolve("u.data"),
        "10\t400\t3\t0\n20\t100\t4\t0\n30\t200\t5\t0\n30\t300\t2\t0\n");
    return RatingsReader.of(MovieLensDataset.ML_100K).read(file, note -> {});
  }

  private static UnratedPredictions predictions() {
    float[] p = {
      4.2f, NAN, 0.3f,
      5.6f, 2.0f, NAN,
      6.0f, 2.0f, NAN,
      NAN, 1.5f, 3.14159f};
    return new UnratedPredictions(p, 4, 3, RatingScale.STARS_1_TO_5);
  }

  @Test
  void everyUsersTopUnratedItemsWithTiesByItemAndClippedScores() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    TopNCsv.Written written = TopNCsv.write(predictions(), ids(), 2, out,
        new ProgressLog(new PrintWriter(err), Duration.ZERO));

    // user 10: items 200 and 300 tie at 5 (clipped from 5.6 and 6.0): lower id first; 100 (4.2)
    //          is third; 400 is rated
    // user 20: 200 and 300 tie at 2.0; 400 (1.5) third; 100 is rated
    // user 30: 400 (3.14159), then 100 (0.3, clipped to 1); 200 and 300 are rated
    assertThat(out.toString()).isEqualTo("""
        user,rank,item,score
        10,1,200,5.0000
        10,2,300,5.0000
        20,1,200,2.0000
        20,2,300,2.0000
        30,1,400,3.1416
        30,2,100,1.0000
        """);
    assertThat(written).isEqualTo(new TopNCsv.Written(3, 6));
    assertThat(err.toString()).contains("] 3 of 3 users, ").contains(" users/s");
  }

  @Test
  void aUserWithFewerUnratedItemsThanAskedGetsThemAll() throws IOException {
    List<String> seen = new ArrayList<>();

    predictions().top(2, 3, 10, (user, items, scores, count) -> {
      for (int r = 0; r < count; r++) {
        seen.add(user + ":" + items[r] + "=" + scores[r]);
      }
    });

    assertThat(seen).containsExactly("2:3=3.14159", "2:0=1.0");
  }

  @Test
  void refusesUsersOutOfRange() {
    assertThatThrownBy(() -> predictions().top(1, 4, 2, (u, i, s, c) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("users [1, 4) are not within [0, 3)");
    assertThatThrownBy(() -> predictions().top(0, 1, 0, (u, i, s, c) -> {}))
        .hasMessage("n must be >= 1, got 0");
  }

  @Test
  void scoresWithFourDecimalsAsFormatWritesThem() {
    for (float score : new float[] {0f, 1f, 3.14159f, 4.99995f, 4.2f, 12.34567f, 0.00049f, -1.5f,
        99.99999f, 5f}) {
      StringBuilder line = new StringBuilder();

      TopNCsv.appendScore(line, score);

      assertThat(line.toString()).as("%s", score)
          .isEqualTo(String.format(Locale.ROOT, "%.4f", score));
    }
  }
}
