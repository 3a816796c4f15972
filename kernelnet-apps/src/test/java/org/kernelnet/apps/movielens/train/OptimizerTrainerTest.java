package org.kernelnet.apps.movielens.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.movielens.MovieLensApp;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.model.ModelKind;
import org.kernelnet.djl.optim.Lbfgs;

/**
 * Every optimiser on a small synthetic low-rank rating matrix: the loss goes down, the test RMSE
 * ends well below the global-mean baseline, and no array is left behind in the model's manager.
 */
class OptimizerTrainerTest {
  private static KernelnetRegistry registry;
  @TempDir static Path dir;
  private static RatingSplit split;

  @BeforeAll
  static void data() throws IOException {
    registry = KernelnetRegistry.load(OptimizerTrainerTest.class.getClassLoader());
    split = LowRankRatings.split(dir);
  }

  @ParameterizedTest
  @EnumSource(OptimizerKind.class)
  void learnsWithoutLeaking(OptimizerKind optimizer) {
    Engine.getInstance().setRandomSeed(7);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.SPARSE_FC, 1, 20, "hat-sq", 3, 1, 0.01);
    Ratings train = split.train();
    Ratings test = split.test();
    double baseline = MovieLensApp.baselineRmse(train, test);
    int iterations = switch (optimizer) {
      case LBFGS -> 60;
      case RPROP -> 100;
      case ADAM -> 40;
    };
    AutoencoderTrainer trainer = new OptimizerTrainer(
        new TrainingSettings(optimizer, iterations, iterations / 2, 1e-2, 16, 5, 2, 10));
    try (ItemAutoencoder net =
        ItemAutoencoder.create(spec, train.numUsers(), registry, Device.cpu())) {
      int before = net.model().getNDManager().getManagedArrays().size();
      List<AutoencoderTrainer.Checkpoint> seen = new ArrayList<>();
      AutoencoderTrainer.Outcome outcome = trainer.train(net, 80, train, test,
          train.scale(), seen::add);
      int after = net.model().getNDManager().getManagedArrays().size();

      // a checkpoint every iterations/2; an L-BFGS round may end early (converged), adding one
      assertThat(seen).hasSizeBetween(2, 3).isEqualTo(outcome.history());
      assertThat(seen.get(seen.size() - 1).loss()).isLessThan(seen.get(0).loss());
      assertThat(outcome.last().iteration()).isEqualTo(iterations);
      assertThat(outcome.last().testRmse()).as("baseline %s", baseline).isLessThan(baseline - 0.1);
      assertThat(outcome.last().trainRmse()).isLessThan(outcome.last().testRmse());
      assertThat(outcome.evaluations()).isGreaterThanOrEqualTo(iterations);
      // optimiser state (Adam moments, Rprop steps) lives in the trainer, closed with it
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  void refusesAnLbfgsHistoryThatCannotFitInTheHeapBeforeStarting() {
    int parameters = 1 << 30;
    Lbfgs lbfgs = Lbfgs.builder().optHistorySize(1000).build();
    // (8 * 1000 + 48) * 2^30 bytes, about 8.6 TB
    assertThatThrownBy(() -> OptimizerTrainer.requireHeapFor(lbfgs, parameters, 1000))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("8641.47 GB").hasMessageContaining("--history 1000")
        .hasMessageContaining("JAVA_OPTS=-Xmx");
    OptimizerTrainer.requireHeapFor(Lbfgs.builder().optHistorySize(10).build(), 1000, 10);
  }

  @Test
  void settingsRefuseACountBelowOneNamingEveryCount() {
    assertThatThrownBy(() -> new TrainingSettings(OptimizerKind.ADAM, 10, 5, 1e-3, 0, 1, 2, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("iterations, evalEvery, batchSize, threads and history must be >= 1, got 10,"
            + " 5, 0, 2, 10");
  }
}
