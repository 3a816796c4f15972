package org.kernelnet.apps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.listener.TrainingListener.BatchData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.report.ProgressLog;

/**
 * The listeners and the loss measures of {@link TrainingProgress}, fed by hand as {@link
 * EpochTraining} feeds them.
 */
class ProgressListenersTest {
  private final StringWriter text = new StringWriter();
  private final ProgressLog log = new ProgressLog(new PrintWriter(text), Duration.ZERO);

  /** The printed lines without their time stamps. */
  private List<String> lines() {
    return text.toString().lines().map(line -> line.replaceFirst("^\\[ *[0-9.]+ s\\] ", ""))
        .toList();
  }

  /** Two steps of 4 and 2 examples with losses 0.5 and 2. */
  private static <E> TrainingProgress<E> twoSteps(int epochs, EpochLoss measure) {
    TrainingProgress<E> progress = new TrainingProgress<>(epochs, measure);
    progress.beginEpoch(2);
    progress.addStep(0.5f, 4);
    progress.addStep(2f, 2);
    return progress;
  }

  @Test
  void theEpochLossIsTheMeasureOfItsSteps() {
    assertThat(twoSteps(1, EpochLoss.MEAN_OVER_STEPS).loss()).isEqualTo(1.25);
    assertThat(twoSteps(1, EpochLoss.MEAN_OVER_EXAMPLES).loss()).isEqualTo(6.0 / 6);
    assertThat(twoSteps(1, EpochLoss.SUM_OVER_STEPS).loss()).isEqualTo(2.5);
    TrainingProgress<Void> fresh = new TrainingProgress<>(1, EpochLoss.SUM_OVER_STEPS);
    fresh.beginEpoch(3);
    assertThat(fresh.loss()).isNaN();
  }

  @Test
  void aStepLineSaysWhereTheEpochStands() {
    TrainingProgress<Void> progress = twoSteps(3, EpochLoss.MEAN_OVER_STEPS);

    new StepLine(progress, log, "grid ").onTrainingBatch(null, null);

    assertThat(lines()).containsExactly("grid epoch 1/3 step 2/2 loss 1.2500");
  }

  @Test
  void anEpochLineDescribesTheEpochAndWhyTrainingStops() {
    TrainingProgress<Double> progress = twoSteps(5, EpochLoss.MEAN_OVER_STEPS);
    progress.endEpoch(new EpochResult<>(1, progress.loss(), 2, 6, 1.5, 2, 0.75));
    EpochLine<Double> line = new EpochLine<>(progress, log, "head: ",
        e -> String.format(java.util.Locale.ROOT, "loss %.2f accuracy %.2f (%.1f s)", e.loss(),
            e.evaluation(), e.seconds()));

    line.onEpoch(null);
    progress.stop("no better accuracy for 1 epochs");
    line.onEpoch(null);

    assertThat(lines()).containsExactly("head: epoch 1/5 loss 1.25 accuracy 0.75 (2.0 s)",
        "head: epoch 1/5 loss 1.25 accuracy 0.75 (2.0 s)",
        "head: no better accuracy for 1 epochs, stopping");
  }

  @Test
  void theTrainingAccuracyCountsAnEpochsCorrectPredictions() {
    TrainingAccuracy accuracy = new TrainingAccuracy();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList logits = new NDList(manager.create(new float[][] {{2, 1, 0}, {0, 3, 1}, {0, 1, 5}}));
      Device device = manager.getDevice();

      accuracy.onTrainingBatch(null, new BatchData(null,
          Map.of(device, new NDList(manager.create(new float[] {0, 1, 1}))),
          Map.of(device, logits)));
      assertThat(accuracy.epochAccuracy()).isEqualTo(2.0 / 3);
      accuracy.onTrainingBatch(null, new BatchData(null,
          Map.of(device, new NDList(manager.create(new float[] {0, 0, 2}))),
          Map.of(device, logits)));
      assertThat(accuracy.epochAccuracy()).isEqualTo(4.0 / 6);

      accuracy.onEpoch(null);
      assertThat(accuracy.epochAccuracy()).isNaN();
      assertThatThrownBy(() -> accuracy.onTrainingBatch(null, new BatchData(null, Map.of(),
          Map.of()))).hasMessageContaining("needs a batch loss that shows its predictions");
    }
  }
}
