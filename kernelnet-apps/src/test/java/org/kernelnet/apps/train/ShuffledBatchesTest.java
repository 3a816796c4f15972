package org.kernelnet.apps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.nn.core.Linear;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;

class ShuffledBatchesTest {
  /** The indices of every batch of {@code epochs} epochs, with each batch's progress fields. */
  private static List<String> serve(ShuffledBatches batches, int epochs) {
    List<String> served = new ArrayList<>();
    try (Model model = Model.newInstance("shuffled-batches")) {
      model.setBlock(Linear.builder().setUnits(1).build());
      try (Trainer trainer =
          model.newTrainer(new DefaultTrainingConfig(new SoftmaxCrossEntropy()))) {
        for (int epoch = 1; epoch <= epochs; epoch++) {
          for (Batch batch : batches.batches(trainer, epoch)) {
            try (batch) {
              float[] indices = batch.getData().head().toFloatArray();
              StringBuilder line = new StringBuilder();
              for (float index : indices) {
                line.append((int) index).append(' ');
              }
              served.add(line + "size " + batch.getSize() + " progress " + batch.getProgress() + "/"
                  + batch.getProgressTotal());
            }
          }
        }
      }
    }
    return served;
  }

  /** Batches whose data are their indices. */
  private static ShuffledBatches batchesOf(int size, int batchSize, long seed) {
    return new ShuffledBatches(size, batchSize, new Random(seed), (scope, indices) -> {
      float[] values = new float[indices.length];
      for (int k = 0; k < indices.length; k++) {
        values[k] = indices[k];
      }
      return new ShuffledBatches.Contents(new NDList(scope.create(values)), new NDList());
    });
  }

  @Test
  void servesEachEpochsShuffleOfThePreviousOrderInSlices() {
    // the reference: Fisher-Yates on the previous epoch's order with one generator
    Random random = new Random(9);
    int[] order = IntStream.range(0, 7).toArray();
    List<String> expected = new ArrayList<>();
    for (int epoch = 1; epoch <= 2; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      expected.add(order[0] + " " + order[1] + " " + order[2] + " size 3 progress 3/7");
      expected.add(order[3] + " " + order[4] + " " + order[5] + " size 3 progress 6/7");
      expected.add(order[6] + " size 1 progress 7/7");
    }

    ShuffledBatches batches = batchesOf(7, 3, 9);

    assertThat(batches.steps()).isEqualTo(3);
    assertThat(serve(batches, 2)).containsExactlyElementsOf(expected);
  }

  @Test
  void refusesAnEmptySetAndAnEmptyBatch() {
    assertThatThrownBy(() -> batchesOf(0, 3, 1))
        .hasMessage("size and batchSize must be >= 1, got 0 and 3");
    assertThatThrownBy(() -> batchesOf(5, 0, 1))
        .hasMessage("size and batchSize must be >= 1, got 5 and 0");
  }
}
