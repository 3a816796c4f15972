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
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.report.RunFolder;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;
import org.kernelnet.djl.optim.ParameterAverage;
import org.kernelnet.djl.optim.ResumableAdam;

/**
 * {@link EpochCheckpoint} on a small classifier with dropout, Adam, a weight average and early
 * stopping, fed by DJL's shuffling sampler or by {@link ShuffledBatches}: a run stopped after its
 * second epoch's checkpoint and resumed in a new model, optimiser and run folder ends with the
 * parameters, history and best epoch of a run that never stopped.
 */
class EpochCheckpointTest {
  private static final int EXAMPLES = 24;
  private static final int BATCH = 5;
  private static final int EPOCHS = 5;

  @TempDir Path dir;

  /** Thrown after the checkpoint of the epoch a run is stopped at. */
  private static final class Stopped extends RuntimeException {}

  /** How a run ended. */
  private record Outcome(Map<String, float[]> parameters, List<Double> losses, int bestEpoch,
      int restored) {}

  private static final float[] X = new float[EXAMPLES * 4];
  private static final float[] Y = new float[EXAMPLES];

  static {
    Random random = new Random(1);
    for (int i = 0; i < EXAMPLES; i++) {
      for (int j = 0; j < 4; j++) {
        X[4 * i + j] = (float) random.nextGaussian();
      }
      Y[i] = X[4 * i] > X[4 * i + 1] ? 0 : 1;
    }
  }

  private RunFolder open(Path out, boolean resume) {
    return RunFolder.open(new RunFolder.Request(Optional.of(out), Path.of("unused"),
        RunFolder.Mode.NEW, true, "test", List.of(), List.of()).resumable(resume));
  }

  /** Trains in {@code out}; stops after epoch {@code stopAfter}'s checkpoint unless it is 0. */
  private Outcome train(Path out, boolean resume, int stopAfter, boolean shuffled)
      throws Exception {
    try (RunFolder run = open(out, resume); Model model = Model.newInstance("checkpoint")) {
      Engine.getInstance().setRandomSeed(3);
      model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(6).build())
          .add(Activation::relu).add(Dropout.builder().optRate(0.3f).build())
          .add(Linear.builder().setUnits(2).build()));
      TrainingProgress<Double> progress = new TrainingProgress<>(EPOCHS, EpochLoss.MEAN_OVER_STEPS);
      BestEpoch<Double> best = new BestEpoch<>(score -> score, 10, "score");
      EpochCheckpoint<Double> checkpoint = new EpochCheckpoint<>(run.writer(), "checkpoint.bin",
          "test", 7, Double.class).optBestEpoch(best);
      ResumableAdam adam = ResumableAdam.builder().build();
      ParameterAverage[] average = new ParameterAverage[1];
      TrainingListenerAdapter averaging = new TrainingListenerAdapter() {
        @Override
        public void onTrainingBatch(Trainer trainer, BatchData batchData) {
          average[0].update();
        }
      };
      TrainingListenerAdapter stop = new TrainingListenerAdapter() {
        @Override
        public void onEpoch(Trainer trainer) {
          if (progress.epoch() == stopAfter) {
            throw new Stopped();
          }
        }
      };
      try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(new SoftmaxCrossEntropy())
          .optOptimizer(adam).addTrainingListeners(averaging, checkpoint, stop))) {
        trainer.initialize(new Shape(BATCH, 4));
        Block block = model.getBlock();
        average[0] = ParameterAverage.of(block, 0.5);
        EpochBatches batches = shuffled
            ? new ShuffledBatches(EXAMPLES, BATCH, new RestorableRandom(5), (scope, rows) -> {
                float[] x = new float[rows.length * 4];
                float[] y = new float[rows.length];
                for (int k = 0; k < rows.length; k++) {
                  System.arraycopy(X, 4 * rows[k], x, 4 * k, 4);
                  y[k] = Y[rows[k]];
                }
                return new ShuffledBatches.Contents(
                    new NDList(scope.create(x, new Shape(rows.length, 4))),
                    new NDList(scope.create(y)));
              })
            : EpochBatches.of(new ArrayDataset.Builder()
                .setData(model.getNDManager().create(X, new Shape(EXAMPLES, 4)))
                .optLabels(model.getNDManager().create(Y)).setSampling(BATCH, true).build(),
                BATCH);
        if (shuffled) {
          checkpoint.optBatches((ShuffledBatches) batches);
        }
        int restored = checkpoint.begin(block, adam, average[0], progress);
        try {
          EpochTraining.<Double>builder().setBatches(batches)
              .setEvaluation(epoch -> (double) block.getParameters().get(0).getValue()
                  .getArray().sum().getFloat())
              .optBestEpoch(best).build().fit(trainer, progress);
        } catch (Stopped e) {
          return null;
        }
        average[0].copyIntoParameters();
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
          values.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return new Outcome(values, progress.history().stream().map(EpochResult::loss).toList(),
            best.epoch(), restored);
      } finally {
        average[0].close();
        run.fail("ended");
      }
    }
  }

  private void resumesAsIfNeverStopped(boolean shuffled) throws Exception {
    Outcome whole = train(dir.resolve("whole"), false, 0, shuffled);
    Path out = dir.resolve("stopped");

    assertThat(train(out, false, 2, shuffled)).isNull();
    assertThat(out.resolve("checkpoint.bin")).exists();
    Outcome resumed = train(out, true, 0, shuffled);

    assertThat(resumed.restored()).isEqualTo(2);
    assertThat(whole.restored()).isZero();
    assertThat(resumed.losses()).hasSize(EPOCHS).isEqualTo(whole.losses());
    assertThat(resumed.bestEpoch()).isEqualTo(whole.bestEpoch());
    whole.parameters().forEach((name, values) ->
        assertThat(resumed.parameters().get(name)).as(name).isEqualTo(values));
  }

  @Test
  void aRunOnDjlsSamplerResumedAfterItsSecondEpochEndsAsOneThatNeverStopped() throws Exception {
    resumesAsIfNeverStopped(false);
  }

  @Test
  void aRunOnShuffledBatchesResumedAfterItsSecondEpochEndsAsOneThatNeverStopped()
      throws Exception {
    resumesAsIfNeverStopped(true);
  }

  @Test
  void aDamagedCheckpointIsRefusedNamingTheFile() throws Exception {
    Path out = dir.resolve("run");
    assertThat(train(out, false, 1, false)).isNull();
    Path file = out.resolve("checkpoint.bin");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);

    assertThatThrownBy(() -> train(out, true, 0, false))
        .hasMessage("cannot read the checkpoint " + file + ": its checksum does not match its"
            + " content (the file was damaged or cut short)");
  }

  @Test
  void epochSeedsDifferByEpochAndSeed() {
    assertThat(EpochCheckpoint.epochSeed(42, 2)).isNotEqualTo(EpochCheckpoint.epochSeed(42, 3))
        .isNotEqualTo(EpochCheckpoint.epochSeed(43, 2))
        .isEqualTo(EpochCheckpoint.epochSeed(42, 2));
  }
}
