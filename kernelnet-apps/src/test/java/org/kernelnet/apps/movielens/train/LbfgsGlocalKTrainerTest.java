package org.kernelnet.apps.movielens.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.movielens.MovieLensApp;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.evaluation.RatingErrors;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.GlocalK;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.model.ModelKind;
import org.kernelnet.apps.movielens.train.GlocalKHistory.Epoch;
import org.kernelnet.apps.movielens.train.GlocalKHistory.Stage;

/**
 * GLocal-K's two stages on a small synthetic low-rank rating matrix: every epoch is reported, the
 * kept parameters are those of the fine-tuning epoch with the lowest validation RMSE (predicting
 * the validation ratings again from the model gives that RMSE), the test RMSE ends well below the
 * global mean's, and no array is left behind in the model's manager.
 */
class LbfgsGlocalKTrainerTest {
  private static final int ITEMS = LowRankRatings.ITEMS;
  private static KernelnetRegistry registry;
  @TempDir static Path dir;
  private static RatingSplit split;

  @BeforeAll
  static void data() throws IOException {
    registry = KernelnetRegistry.load(LbfgsGlocalKTrainerTest.class.getClassLoader());
    split = LowRankRatings.split(dir);
  }

  @Test
  void keepsTheFineTuningEpochWithTheLowestValidationRmseAndTestsItOnce() {
    Engine.getInstance().setRandomSeed(7);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.GLOCAL_K, 1, 20, "hat-sq", 3, 1, 0.01);
    GlocalKSettings settings = new GlocalKSettings(3, 10, 4, 5, 1, 0.1);
    Ratings train = split.train();
    Ratings test = split.test();
    double baseline = MovieLensApp.baselineRmse(train, test);
    List<Epoch> seen = new ArrayList<>();
    try (GlocalK model = GlocalK.create(
        ItemAutoencoder.create(spec, train.numUsers(), registry, Device.cpu()), ITEMS, 1)) {
      NDManager manager = model.local().model().getNDManager();
      int before = manager.getManagedArrays().size();
      GlocalKTrainer.Outcome outcome = new LbfgsGlocalKTrainer(settings, 2, 10)
          .train(model, train, test, train.scale(), 5, seen::add);
      int after = manager.getManagedArrays().size();

      GlocalKHistory history = outcome.history();
      assertThat(history.settings()).isEqualTo(settings);
      assertThat(history.pretraining()).hasSize(3)
          .allSatisfy(e -> assertThat(e.stage()).isEqualTo(Stage.PRETRAINING));
      assertThat(history.fineTuning()).hasSize(4)
          .allSatisfy(e -> assertThat(e.stage()).isEqualTo(Stage.FINE_TUNING));
      List<Epoch> all = new ArrayList<>(history.pretraining());
      all.addAll(history.fineTuning());
      assertThat(seen).isEqualTo(all);
      assertThat(all).extracting(Epoch::epoch).containsExactly(1, 2, 3, 1, 2, 3, 4);
      assertThat(all).allSatisfy(e -> assertThat(e.iterations()).isBetween(1, 10));
      assertThat(all.get(all.size() - 1).loss()).isLessThan(all.get(0).loss());
      assertThat(all).extracting(Epoch::seconds).isSorted();
      assertThat(history.fitRatings() + history.validationRatings()).isEqualTo(train.size());
      assertThat(history.validationRatings()).isEqualTo(Math.round(0.1 * train.size()));

      Epoch best = history.fineTuning().stream()
          .min(Comparator.comparingDouble(Epoch::validationRmse)).orElseThrow();
      assertThat(history.chosenEpoch()).isEqualTo(best.epoch());
      assertThat(history.chosenValidationRmse()).isEqualTo(best.validationRmse());
      // the model holds the chosen epoch's parameters: its validation RMSE again
      RatingSplit held = RatingSplit.random(train, 0.1, 5);
      float[] predictions = model.predict(RatingMatrix.of(held.train(), ITEMS).values(manager));
      assertThat(rmse(predictions, held.test(), train.numUsers()))
          .isCloseTo(best.validationRmse(), within(1e-6));

      assertThat(outcome.testRmse()).as("baseline %s", baseline).isLessThan(baseline - 0.1);
      assertThat(outcome.trainRmse()).isEqualTo(best.trainRmse());
      assertThat(outcome.iterations()).isEqualTo(all.stream().mapToInt(Epoch::iterations).sum());
      assertThat(outcome.evaluations()).isEqualTo(all.stream().mapToLong(Epoch::evaluations).sum());
      assertThat(history.pretrainingSecondsPerEvaluation()).isPositive();
      assertThat(history.fineTuningSecondsPerEvaluation()).isPositive();
      // the dense rating matrices, the shards and every evaluation's arrays are gone
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  void withoutPretrainingOnlyFineTunes() {
    Engine.getInstance().setRandomSeed(7);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.GLOCAL_K, 1, 8, "hat-sq", 3, 1, 0.01);
    Ratings train = split.train();
    try (GlocalK model = GlocalK.create(
        ItemAutoencoder.create(spec, train.numUsers(), registry, Device.cpu()), ITEMS, 2)) {
      GlocalKTrainer.Outcome outcome = new LbfgsGlocalKTrainer(new GlocalKSettings(0, 1, 2, 3, 2, 0.2),
          1, 5).train(model, train, split.test(), train.scale(), 1, e -> { });

      assertThat(outcome.history().pretraining()).isEmpty();
      assertThat(outcome.history().pretrainingSecondsPerEvaluation()).isNaN();
      assertThat(outcome.history().fineTuning()).hasSize(2);
    }
  }

  @Test
  void settingsRefuseValuesOutOfRangeNamingThemAll() {
    assertThatThrownBy(() -> new GlocalKSettings(-1, 5, 0, 5, Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("got -1, 5, 0, 5, NaN, 1.0");
    assertThatThrownBy(() -> new LbfgsGlocalKTrainer(new GlocalKSettings(1, 1, 1, 1, 1, 0.5), 0, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0 and 10");
  }

  private static double rmse(float[] dense, Ratings set, int users) {
    float[] at = new float[set.size()];
    for (int k = 0; k < set.size(); k++) {
      at[k] = dense[set.item(k) * users + set.user(k)];
    }
    return RatingErrors.of(at, set, set.scale()).rmse();
  }
}
