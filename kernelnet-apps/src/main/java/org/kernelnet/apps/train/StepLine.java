package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import org.kernelnet.apps.report.ProgressLog;

/**
 * After every step, a throttled progress line {@code <prefix>epoch e/E step s/S loss x}, the loss
 * being the epoch's running training loss ({@link TrainingProgress#loss()}).
 */
public final class StepLine extends TrainingListenerAdapter {
  private final TrainingProgress<?> progress;
  private final ProgressLog log;
  private final String prefix;

  /**
   * @param progress the run's progress
   * @param log where the lines go ({@link ProgressLog#throttled})
   * @param prefix the start of every line, e.g. {@code "grid "}; may be empty
   */
  public StepLine(TrainingProgress<?> progress, ProgressLog log, String prefix) {
    this.progress = requireNonNull(progress, "progress is null");
    this.log = requireNonNull(log, "log is null");
    this.prefix = requireNonNull(prefix, "prefix is null");
  }

  @Override
  public void onTrainingBatch(Trainer trainer, BatchData batchData) {
    log.throttled("%sepoch %d/%d step %d/%d loss %.4f", prefix, progress.epoch(),
        progress.epochs(), progress.step(), progress.stepsPerEpoch(), progress.loss());
  }
}
