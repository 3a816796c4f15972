package org.kernelnet.apps.train;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.Map;

/**
 * Counts, over an epoch's training batches, the examples whose predicted class {@code argmax_k
 * z_bk} (of the first prediction, {@code [B, K]} logits) equals the label {@code y_b} (the first
 * target, {@code [B]} class indices as floats). The count starts again after every epoch, so an
 * {@link EpochEvaluation} reads the epoch's accuracy with {@link #epochAccuracy()}.
 */
public final class TrainingAccuracy extends TrainingListenerAdapter {
  private long correct;
  private long examples;

  /** The fraction of the current epoch's training examples classified correctly; NaN before any. */
  public double epochAccuracy() {
    return examples == 0 ? Double.NaN : (double) correct / examples;
  }

  @Override
  public void onTrainingBatch(Trainer trainer, BatchData batchData) {
    if (batchData.getPredictions().isEmpty()) {
      throw new IllegalStateException("the training accuracy needs a batch loss that shows its"
          + " predictions and targets (BatchLoss.Output), this one shows none");
    }
    Map<Device, NDList> targets = batchData.getLabels();
    for (Map.Entry<Device, NDList> entry : batchData.getPredictions().entrySet()) {
      NDList labels = targets.get(entry.getKey());
      correct += entry.getValue().head().argMax(1).toType(DataType.FLOAT32, false)
          .eq(labels.head()).sum().getLong();
      examples += labels.head().getShape().get(0);
    }
  }

  @Override
  public void onEpoch(Trainer trainer) {
    correct = 0;
    examples = 0;
  }
}
