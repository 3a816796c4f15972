package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.train.BatchLoss;
import org.kernelnet.apps.train.EpochBatches;
import org.kernelnet.apps.train.EpochCheckpoint;
import org.kernelnet.apps.train.EpochEvaluation;
import org.kernelnet.apps.train.EpochLine;
import org.kernelnet.apps.train.EpochLoss;
import org.kernelnet.apps.train.EpochResult;
import org.kernelnet.apps.train.EpochTraining;
import org.kernelnet.apps.train.StepLine;
import org.kernelnet.apps.train.TrainingProgress;
import org.kernelnet.djl.optim.ResumableAdam;

/**
 * The {@link EmbedTrainer} of {@code embed mnist}: Adam at a fixed learning rate on the
 * objective's loss ({@link Objective#loss()}: the classes, or the pixels of the input), the
 * training examples reshuffled every epoch ({@link EpochTraining}), with a throttled line per step
 * and a line per epoch on the progress log.
 *
 * <p>Resumable: the training state is checkpointed at the end of every epoch in {@value
 * #CHECKPOINT} in the run folder ({@link EpochCheckpoint}), and a run that resumes another
 * continues from its last completed epoch.
 */
final class AdamEmbedTrainer implements EmbedTrainer {
  /** The training state at the end of the last completed epoch. */
  static final String CHECKPOINT = "checkpoint.bin";

  private final ResultsWriter writer;

  @Inject
  AdamEmbedTrainer(ResultsWriter writer) {
    this.writer = requireNonNull(writer, "writer is null");
  }

  @Override
  public Training begin(Model model, EmbeddingNetwork network, EmbedConfig config,
      ProgressLog log) {
    requireNonNull(network, "network is null");
    requireNonNull(config, "config is null");
    TrainingProgress<ValidationScores> progress =
        new TrainingProgress<>(config.epochs(), EpochLoss.MEAN_OVER_EXAMPLES);
    ResumableAdam adam = ResumableAdam.builder()
        .optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build();
    EpochCheckpoint<ValidationScores> checkpoint = new EpochCheckpoint<>(writer, CHECKPOINT,
        "embed", config.seed(), ValidationScores.class);
    model.setBlock(network.block());
    DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(config.objective().loss())
        .optDevices(new Device[] {model.getNDManager().getDevice()})
        .optOptimizer(adam)
        .addTrainingListeners(new StepLine(progress, log, ""),
            new EpochLine<>(progress, log, "", epoch -> describe(config, epoch)), checkpoint);
    Trainer trainer = model.newTrainer(trainingConfig);
    try {
      trainer.initialize(network.inputShape());
    } catch (RuntimeException e) {
      trainer.close();
      throw e;
    }
    return new Training() {
      @Override
      public List<EpochResult<ValidationScores>> fit(MnistSet train,
          EpochEvaluation<ValidationScores> evaluation) throws IOException, TranslateException {
        if (checkpoint.begin(network.block(), adam, null, progress) > 0) {
          log.always("resumed after epoch %d of %d from %s", progress.epoch(), config.epochs(),
              CHECKPOINT);
        }
        ArrayDataset dataset = train.toDataset(model.getNDManager(), config.batchSize(), true);
        EpochTraining.<ValidationScores>builder()
            .setBatches(EpochBatches.of(dataset, config.batchSize()))
            .optLoss(config.objective() == Objective.AUTOENCODER ? BatchLoss.reconstruction()
                : BatchLoss.supervised())
            .setEvaluation(evaluation)
            .build()
            .fit(trainer, progress);
        return List.copyOf(progress.history());
      }

      @Override
      public void close() {
        trainer.close();
      }
    };
  }

  /** The rest of an epoch's progress line. */
  private static String describe(EmbedConfig config, EpochResult<ValidationScores> epoch) {
    ValidationScores scores = epoch.evaluation();
    return String.format(Locale.ROOT, "train loss %.4f, validation loss %.4f%s, map"
        + " %d-NN %.2f %% (%.0f s)", epoch.loss(), scores.loss(),
        config.objective() == Objective.AUTOENCODER ? ""
            : String.format(Locale.ROOT, ", accuracy %.2f %%", 100 * scores.accuracy()),
        config.knnK(), 100 * scores.knn(), epoch.seconds());
  }
}
