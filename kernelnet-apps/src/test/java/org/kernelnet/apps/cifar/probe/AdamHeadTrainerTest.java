package org.kernelnet.apps.cifar.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.kernels.RbfKernel;

class AdamHeadTrainerTest {
  private static final int ROWS = 600;
  private static final int WIDTH = 12;

  private static ProbeConfig config() {
    return new ProbeConfig(32, List.of(31), OptionalInt.empty(), ProbeConfig.DataFormat.AUTO,
        OptionalInt.empty(), OptionalInt.empty(), 100, 16, 4, 2.0, Optional.empty(),
        OptionalDouble.empty(), 4, 4, 32, 1e-2, 0, 0, true, 0, 200, 1, Optional.empty(), false);
  }

  /** Rows whose feature {@code (label + shift) mod 10} is 4, the rest N(0, 0.5^2). */
  private static FeatureCache.Features features(int[] labels, int shift, long seed) {
    Random random = new Random(seed);
    float[] values = new float[ROWS * WIDTH];
    for (int i = 0; i < ROWS; i++) {
      for (int j = 0; j < WIDTH; j++) {
        values[i * WIDTH + j] = (float) (0.5 * random.nextGaussian());
      }
      values[i * WIDTH + (labels[i] + shift) % 10] += 4;
    }
    return FeatureCache.Features.ofFloats(values, ROWS, WIDTH);
  }

  private static double validationAccuracy(List<FeatureCache.Features> views,
      FeatureCache.Features features, int[] labels) {
    int[][] split = ProbeApp.split(ROWS, 100, 1);
    KernelHead head = new KernelHead(16, 4, 2.0, new RbfKernel(1.125), OptionalDouble.empty(), 0);
    try (Model model = Model.newInstance("head-test")) {
      Standardizer standardizer = Standardizer.of(features, split[0]);
      ProgressLog log = new ProgressLog(new PrintWriter(new StringWriter()), Duration.ZERO);
      HeadTrainer.Result result = new AdamHeadTrainer().train(model, head, features, views, labels,
          split[0], split[1], standardizer, config(), 3, log, "test", null);
      return result.bestValidationAccuracy();
    }
  }

  @Test
  void viewRowsAreTrainedOnInTurn() {
    int[] labels = new int[ROWS];
    Random random = new Random(2);
    for (int i = 0; i < ROWS; i++) {
      labels[i] = random.nextInt(10);
    }
    FeatureCache.Features features = features(labels, 0, 4);

    double alone = validationAccuracy(List.of(), features, labels);
    // View rows that put each class's signal on the next class's feature: half the training draws
    // teach the wrong class for a feature, so the images' own validation rows suffer; with two
    // consistent views beside it, three quarters of the draws teach the right class again.
    FeatureCache.Features contradicting = features(labels, 1, 5);
    double half = validationAccuracy(List.of(contradicting), features, labels);
    double quarter = validationAccuracy(
        List.of(contradicting, features(labels, 0, 6), features(labels, 0, 7)), features, labels);

    String all = "alone " + alone + ", half contradicting " + half + ", a quarter contradicting "
        + quarter;
    assertThat(alone).as(all).isGreaterThan(0.8);
    assertThat(half).as(all).isLessThan(0.6);
    assertThat(quarter).as(all).isGreaterThan(half + 0.1);
  }

  @Test
  void viewFeaturesMustMatchRowForRow() {
    int[] labels = new int[ROWS];
    FeatureCache.Features features = features(labels, 0, 4);
    FeatureCache.Features fewer = FeatureCache.Features.ofFloats(new float[10 * WIDTH], 10, WIDTH);
    int[][] split = ProbeApp.split(ROWS, 100, 1);
    KernelHead head = new KernelHead(16, 4, 2.0, new RbfKernel(1.125), OptionalDouble.empty(), 0);
    try (Model model = Model.newInstance("head-test")) {
      assertThatThrownBy(() -> new AdamHeadTrainer().train(model, head, features,
          List.of(features, fewer), labels, split[0], split[1],
          Standardizer.of(features, split[0]), config(), 3, null, "test", null))
          .hasMessageContaining("view features [10, 12] do not match the features [600, 12]");
    }
  }
}
