package org.kernelnet.apps.movielens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsReader;

class RatingErrorsTest {
  @TempDir Path dir;

  private Ratings read(String lines) throws IOException {
    Path file = Files.writeString(dir.resolve("u.data"), lines);
    return RatingsReader.of(MovieLensDataset.ML_100K).read(file, note -> {});
  }

  @Test
  void clippingBoundsPredictionsToTheScale() {
    RatingScale scale = RatingScale.STARS_1_TO_5;

    assertThat(RatingErrors.clip(0.2, scale)).isEqualTo(1.0);
    assertThat(RatingErrors.clip(7, scale)).isEqualTo(5.0);
    assertThat(RatingErrors.clip(3.25, scale)).isEqualTo(3.25);
    assertThat(RatingErrors.clip(0.2, RatingScale.HALF_STARS_05_TO_5)).isEqualTo(0.5);
  }

  @Test
  void rmseAndMaeOfClippedPredictions() throws IOException {
    Ratings ratings = read("1\t1\t1\t0\n1\t2\t5\t0\n1\t3\t4\t0\n");
    // one prediction per rating: 0 (-> 1), 6.5 (-> 5), 3.5: errors 0, 0, -0.5
    // RMSE = sqrt(0.25 / 3); MAE = 0.5 / 3; unclipped they would be sqrt(3.5 / 3) and 2.5 / 3
    float[] predictions = {0f, 6.5f, 3.5f};

    RatingErrors errors = RatingErrors.of(predictions, ratings, ratings.scale());

    assertThat(errors.rmse()).isCloseTo(Math.sqrt(0.25 / 3), within(1e-12));
    assertThat(errors.mae()).isCloseTo(0.5 / 3, within(1e-12));
    assertThat(errors.count()).isEqualTo(3);
    assertThatThrownBy(() -> RatingErrors.of(new float[2], ratings, ratings.scale()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("2 predictions for 3 ratings");
  }

  @Test
  void noRatingsHaveNoErrors() throws IOException {
    Ratings none = read("1\t1\t1\t0\n").select(new int[0]);

    RatingErrors errors = RatingErrors.of(new float[0], none, none.scale());

    assertThat(errors.rmse()).isNaN();
    assertThat(errors.mae()).isNaN();
  }
}
