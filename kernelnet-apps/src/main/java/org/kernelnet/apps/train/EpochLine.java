package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.function.Function;
import org.kernelnet.apps.report.ProgressLog;

/**
 * After every epoch, the line {@code <prefix>epoch e/E <what the application reports>}; when
 * training stops early after it, a second line {@code <prefix><reason>, stopping}.
 *
 * @param <E> the type of each epoch's evaluation
 */
public final class EpochLine<E> extends TrainingListenerAdapter {
  private final TrainingProgress<E> progress;
  private final ProgressLog log;
  private final String prefix;
  private final Function<EpochResult<E>, String> describe;

  /**
   * @param progress the run's progress
   * @param log where the lines go ({@link ProgressLog#always})
   * @param prefix the start of every line, e.g. {@code "ResNet-32 L=31: "}; may be empty
   * @param describe the rest of an epoch's line, e.g. {@code loss 0.1234 (2.0 s)}
   */
  public EpochLine(TrainingProgress<E> progress, ProgressLog log, String prefix,
      Function<EpochResult<E>, String> describe) {
    this.progress = requireNonNull(progress, "progress is null");
    this.log = requireNonNull(log, "log is null");
    this.prefix = requireNonNull(prefix, "prefix is null");
    this.describe = requireNonNull(describe, "describe is null");
  }

  @Override
  public void onEpoch(Trainer trainer) {
    EpochResult<E> result = progress.lastEpoch().orElseThrow(
        () -> new IllegalStateException("onEpoch before any epoch was completed"));
    log.always("%sepoch %d/%d %s", prefix, result.epoch(), progress.epochs(),
        describe.apply(result));
    progress.stopReason().ifPresent(reason -> log.always("%s%s, stopping", prefix, reason));
  }
}
