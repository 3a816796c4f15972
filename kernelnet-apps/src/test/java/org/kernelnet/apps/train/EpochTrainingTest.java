package org.kernelnet.apps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;

/**
 * {@link EpochTraining} on a small 3-class softmax classifier of 4 features: the order of steps,
 * evaluations and listener calls, the epoch's loss, early stopping with the best epoch kept, and a
 * run continued from its progress after a failure.
 */
class EpochTrainingTest {
  private static final int EXAMPLES = 10;
  private static final int BATCH = 4;

  /** Records every event of the run, in order. */
  private static final class Events extends TrainingListenerAdapter {
    final List<String> seen = new ArrayList<>();
    private final TrainingProgress<?> progress;

    Events(TrainingProgress<?> progress) {
      this.progress = progress;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
      seen.add("step " + progress.epoch() + "." + progress.step() + " of "
          + batchData.getBatch().getSize());
    }

    @Override
    public void onEpoch(Trainer trainer) {
      seen.add("epoch " + progress.lastEpoch().orElseThrow().epoch());
    }
  }

  private static Model model() {
    Engine.getInstance().setRandomSeed(3);
    Model model = Model.newInstance("epoch-training");
    // a hidden layer: the gradients of a softmax layer alone sum to zero, which DJL's first step
    // takes for no gradient at all
    model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(5).build())
        .add(Activation::relu).add(Linear.builder().setUnits(3).build()));
    return model;
  }

  private static Trainer trainer(Model model, TrainingListener... listeners) {
    Trainer trainer = model.newTrainer(new DefaultTrainingConfig(new SoftmaxCrossEntropy())
        .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build())
        .addTrainingListeners(listeners));
    trainer.initialize(new Shape(BATCH, 4));
    return trainer;
  }

  /** Ten examples whose class is the index of their largest of the first three features. */
  private static ArrayDataset dataset(Model model) {
    Random random = new Random(1);
    float[] x = new float[EXAMPLES * 4];
    float[] y = new float[EXAMPLES];
    for (int i = 0; i < EXAMPLES; i++) {
      for (int j = 0; j < 4; j++) {
        x[4 * i + j] = (float) random.nextGaussian();
      }
      float a = x[4 * i];
      float b = x[4 * i + 1];
      float c = x[4 * i + 2];
      y[i] = a > Math.max(b, c) ? 0 : b > c ? 1 : 2;
    }
    return new ArrayDataset.Builder()
        .setData(model.getNDManager().create(x, new Shape(EXAMPLES, 4)))
        .optLabels(model.getNDManager().create(y))
        .setSampling(BATCH, false)
        .build();
  }

  private static Map<String, float[]> parameters(Block block) {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
    }
    return values;
  }

  @Test
  void runsEveryStepThenEvaluatesThenTellsTheListeners() throws IOException, TranslateException {
    TrainingProgress<Integer> progress = new TrainingProgress<>(2, EpochLoss.MEAN_OVER_EXAMPLES);
    Events events = new Events(progress);
    List<Float> losses = new ArrayList<>();
    try (Model model = model(); Trainer trainer = trainer(model, events)) {
      BatchLoss recorded = (t, data, labels) -> {
        BatchLoss.Output output = BatchLoss.supervised().compute(t, data, labels);
        losses.add(output.loss().getFloat());
        return output;
      };
      EpochTraining.<Integer>builder()
          .setBatches(EpochBatches.of(dataset(model), BATCH))
          .optLoss(recorded)
          .setEvaluation(epoch -> {
            events.seen.add("evaluate " + epoch + " after " + progress.step() + " steps");
            return 10 * epoch;
          })
          .build()
          .fit(trainer, progress);
    }

    assertThat(events.seen).containsExactly(
        "step 1.1 of 4", "step 1.2 of 4", "step 1.3 of 2", "evaluate 1 after 3 steps", "epoch 1",
        "step 2.1 of 4", "step 2.2 of 4", "step 2.3 of 2", "evaluate 2 after 3 steps", "epoch 2");
    assertThat(progress.history()).extracting(EpochResult::epoch, EpochResult::steps,
            EpochResult::examples, EpochResult::evaluation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 3, 10L, 10),
            org.assertj.core.groups.Tuple.tuple(2, 3, 10L, 20));
    // the mean over the examples: the last batch of two counts half as much as a full one
    double second = ((double) (losses.get(3) * 4) + (double) (losses.get(4) * 4)
        + (double) (losses.get(5) * 2)) / 10;
    assertThat(progress.history().get(1).loss()).isEqualTo(second);
    assertThat(losses.get(5)).isLessThan(losses.get(0));
    assertThat(progress.finished()).isTrue();
    assertThat(progress.stopReason()).isEmpty();
    assertThat(progress.trainingNanos()).isPositive();
  }

  @Test
  void stopsAfterThePatienceRunsOutAndKeepsTheBestEpochsParameters()
      throws IOException, TranslateException {
    double[] scores = {0.5, 0.7, 0.6, 0.65, 0.9};
    TrainingProgress<Double> progress = new TrainingProgress<>(5, EpochLoss.MEAN_OVER_STEPS);
    BestEpoch<Double> best = new BestEpoch<>(score -> score, 2, "score");
    Events events = new Events(progress);
    List<Map<String, float[]>> after = new ArrayList<>();
    try (Model model = model(); Trainer trainer = trainer(model, events)) {
      EpochTraining.<Double>builder()
          .setBatches(EpochBatches.of(dataset(model), BATCH))
          .setEvaluation(epoch -> {
            after.add(parameters(model.getBlock()));
            return scores[epoch - 1];
          })
          .optBestEpoch(best)
          .build()
          .fit(trainer, progress);

      assertThat(progress.history()).hasSize(4);
      assertThat(progress.stopReason()).contains("no better score for 2 epochs");
      assertThat(progress.finished()).isTrue();
      assertThat(events.seen).filteredOn(e -> e.startsWith("epoch"))
          .containsExactly("epoch 1", "epoch 2", "epoch 3", "epoch 4");
      assertThat(best.epoch()).isEqualTo(2);
      assertThat(best.score()).isEqualTo(0.7);
      Map<String, float[]> kept = parameters(model.getBlock());
      assertThat(kept.keySet()).isEqualTo(after.get(1).keySet());
      kept.forEach((name, values) -> {
        assertThat(values).as(name).containsExactly(after.get(1).get(name));
        assertThat(Arrays.equals(values, after.get(3).get(name))).as(name).isFalse();
      });
    }
  }

  @Test
  void aRunThatFailedInAnEpochContinuesWithThatEpochFromItsProgress()
      throws IOException, TranslateException {
    TrainingProgress<Integer> progress = new TrainingProgress<>(3, EpochLoss.SUM_OVER_STEPS);
    Events events = new Events(progress);
    boolean[] failed = {false};
    try (Model model = model(); Trainer trainer = trainer(model, events)) {
      EpochTraining<Integer> training = EpochTraining.<Integer>builder()
          .setBatches(EpochBatches.of(dataset(model), BATCH))
          .setEvaluation(epoch -> {
            if (epoch == 2 && !failed[0]) {
              failed[0] = true;
              throw new IllegalStateException("evaluation failed");
            }
            return epoch;
          })
          .build();
      assertThatThrownBy(() -> training.fit(trainer, progress))
          .hasMessage("evaluation failed");
      assertThat(progress.history()).extracting(EpochResult::epoch).containsExactly(1);

      training.fit(trainer, progress);
    }
    assertThat(progress.history()).extracting(EpochResult::epoch).containsExactly(1, 2, 3);
    assertThat(events.seen).filteredOn(e -> e.startsWith("epoch"))
        .containsExactly("epoch 1", "epoch 2", "epoch 3");
  }

  @Test
  void leavesNoArrayBehindInTheModel() throws IOException, TranslateException {
    try (Model model = model(); Trainer trainer = trainer(model)) {
      EpochTraining<Integer> training = EpochTraining.<Integer>builder()
          .setBatches(EpochBatches.of(dataset(model), BATCH))
          .setEvaluation(epoch -> epoch)
          .build();
      // DJL's first step reads every gradient once into the model's manager
      training.fit(trainer, new TrainingProgress<>(1, EpochLoss.MEAN_OVER_STEPS));
      int before = model.getNDManager().getManagedArrays().size();

      training.fit(trainer, new TrainingProgress<>(3, EpochLoss.MEAN_OVER_STEPS));

      assertThat(model.getNDManager().getManagedArrays()).hasSize(before);
    }
  }

  @Test
  void aLoopNeedsBatchesAndAnEvaluation() {
    assertThatThrownBy(() -> EpochTraining.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("an EpochTraining needs batches (setBatches) and an evaluation"
            + " (setEvaluation)");
    assertThatThrownBy(() -> EpochTraining.<Integer>builder().setEvaluation(epoch -> epoch).build())
        .hasMessage("an EpochTraining needs batches (setBatches)");
  }

  @Test
  void aFinishedRunIsNotRunAgain() throws IOException, TranslateException {
    TrainingProgress<Integer> progress = new TrainingProgress<>(1, EpochLoss.MEAN_OVER_STEPS);
    try (Model model = model(); Trainer trainer = trainer(model)) {
      EpochTraining<Integer> training = EpochTraining.<Integer>builder()
          .setBatches(EpochBatches.of(dataset(model), BATCH))
          .setEvaluation(epoch -> epoch)
          .build();
      training.fit(trainer, progress);
      Map<String, float[]> trained = parameters(model.getBlock());
      training.fit(trainer, progress);
      parameters(model.getBlock()).forEach(
          (name, values) -> assertThat(values).as(name).containsExactly(trained.get(name)));
    }
    assertThat(progress.history()).hasSize(1);
  }
}
