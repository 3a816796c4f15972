package org.kernelnet.apps.mnist.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MnistSetTest {
  /** n images of 1 x 2 whose first pixel is the image's index (an identity tag) and label i % 10. */
  private static MnistSet tagged(int n) {
    float[] images = new float[2 * n];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      images[2 * i] = i;
      images[2 * i + 1] = 0.5f;
      labels[i] = (byte) (i % 10);
    }
    return new MnistSet(images, labels, 1, 2);
  }

  private static List<Integer> tags(MnistSet set) {
    List<Integer> tags = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      tags.add((int) set.images()[2 * i]);
      assertThat(set.label(i)).isEqualTo(tags.get(i) % 10);
    }
    return tags;
  }

  @Test
  void splitIsDisjointCompleteAndOrdered() {
    MnistSet.Split split = tagged(1000).split(100, 42L);

    List<Integer> train = tags(split.train());
    List<Integer> validation = tags(split.validation());
    assertThat(validation).hasSize(100).isSorted();
    assertThat(train).hasSize(900).isSorted();
    Set<Integer> all = new HashSet<>(train);
    all.addAll(validation);
    assertThat(all).hasSize(1000);
    assertThat(all).allMatch(t -> t >= 0 && t < 1000);
  }

  @Test
  void splitIsReproducibleAndDependsOnTheSeed() {
    MnistSet set = tagged(1000);
    List<Integer> first = tags(set.split(100, 7L).validation());
    List<Integer> again = tags(set.split(100, 7L).validation());
    List<Integer> other = tags(set.split(100, 8L).validation());

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    // A random 10 % sample is not the first or last block of indices.
    assertThat(first.get(first.size() - 1)).isGreaterThan(500);
    assertThat(first.get(0)).isLessThan(500);
  }

  @Test
  void splitRejectsSizesOutsideTheSet() {
    MnistSet set = tagged(10);
    assertThatThrownBy(() -> set.split(-1, 1L)).hasMessageContaining("0..9").hasMessageContaining(
        "got -1");
    assertThatThrownBy(() -> set.split(10, 1L)).hasMessageContaining("got 10");
  }

  @Test
  void aSplitOfSizeZeroKeepsEveryImageForTraining() {
    MnistSet.Split split = tagged(10).split(0, 1L);

    assertThat(tags(split.train())).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(split.validation().size()).isZero();
  }

  @Test
  void aRandomSplitIsTheDefault() {
    MnistSet set = tagged(1000);

    assertThat(tags(set.split(100, 7L, ValidationSplit.RANDOM).validation()))
        .isEqualTo(tags(set.split(100, 7L).validation()));
  }

  @Test
  void blockSplitIsAContiguousBlockAndTheRestInOrder() {
    MnistSet.Split split = tagged(1000).split(100, 42L, ValidationSplit.BLOCK);

    List<Integer> validation = tags(split.validation());
    List<Integer> train = tags(split.train());
    int start = validation.get(0);
    assertThat(validation).hasSize(100);
    for (int k = 0; k < 100; k++) {
      assertThat(validation.get(k)).isEqualTo(start + k);
    }
    assertThat(train).hasSize(900).isSorted().doesNotContainAnyElementsOf(validation);
  }

  @Test
  void blockSplitIsReproducibleAndItsStartCoversTheSet() {
    MnistSet set = tagged(1000);
    List<Integer> first = tags(set.split(100, 7L, ValidationSplit.BLOCK).validation());

    assertThat(tags(set.split(100, 7L, ValidationSplit.BLOCK).validation())).isEqualTo(first);
    int lowest = Integer.MAX_VALUE;
    int highest = Integer.MIN_VALUE;
    for (long seed = 0; seed < 200; seed++) {
      int start = tags(set.split(100, seed, ValidationSplit.BLOCK).validation()).get(0);
      assertThat(start).isBetween(0, 900);
      lowest = Math.min(lowest, start);
      highest = Math.max(highest, start);
    }
    assertThat(lowest).isLessThan(50);
    assertThat(highest).isGreaterThan(850);
  }

  @Test
  void blockSplitChecksSizesAndKeepsEverythingForSizeZero() {
    MnistSet set = tagged(10);

    assertThat(tags(set.split(0, 1L, ValidationSplit.BLOCK).train()))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(tags(set.split(9, 1L, ValidationSplit.BLOCK).validation())).hasSize(9);
    assertThatThrownBy(() -> set.split(10, 1L, ValidationSplit.BLOCK))
        .hasMessageContaining("0..9").hasMessageContaining("got 10");
    assertThatThrownBy(() -> set.split(-1, 1L, ValidationSplit.BLOCK)).hasMessageContaining("got -1");
  }

  @Test
  void selectHeadAndCounts() {
    MnistSet set = tagged(25);
    assertThat(tags(set.select(new int[] {3, 1, 24}))).containsExactly(3, 1, 24);
    assertThat(tags(set.head(4))).containsExactly(0, 1, 2, 3);
    assertThat(set.labelCounts()).containsExactly(3, 3, 3, 3, 3, 2, 2, 2, 2, 2);
    assertThatThrownBy(() -> set.select(new int[] {25})).hasMessageContaining("0..24");
  }

  @Test
  void rejectsInconsistentArrays() {
    assertThatThrownBy(() -> new MnistSet(new float[5], new byte[1], 2, 2))
        .hasMessageContaining("5 values");
    assertThatThrownBy(() -> new MnistSet(new float[4], new byte[] {10}, 2, 2))
        .hasMessageContaining("label 10 at index 0");
  }

  @Test
  void datasetServesBatchesWithLimit() throws Exception {
    MnistSet set = tagged(50);
    try (NDManager manager = NDManager.newBaseManager()) {
      ArrayDataset dataset = set.toDataset(manager, 8, false, 20);
      assertThat(dataset.size()).isEqualTo(20);
      List<Integer> seen = new ArrayList<>();
      int batches = 0;
      for (Batch batch : dataset.getData(manager)) {
        NDList data = batch.getData();
        NDList labels = batch.getLabels();
        assertThat(data.head().getShape().get(1)).isEqualTo(2);
        float[] x = data.head().toFloatArray();
        float[] y = labels.head().toFloatArray();
        for (int k = 0; k < y.length; k++) {
          seen.add((int) x[2 * k]);
          assertThat(y[k]).isEqualTo((int) x[2 * k] % 10);
        }
        batches++;
        batch.close();
      }
      assertThat(batches).isEqualTo(3);
      assertThat(seen).hasSize(20).containsExactlyElementsOf(tags(set.head(20)));

      ArrayDataset full = set.toDataset(manager, 50, true);
      Batch only = full.getData(manager).iterator().next();
      assertThat(only.getData().head().getShape()).isEqualTo(new Shape(50, 2));
      List<Integer> shuffled = new ArrayList<>();
      for (float v : only.getData().head().toFloatArray()) {
        if (v != 0.5f) {
          shuffled.add((int) v);
        }
      }
      assertThat(shuffled).containsExactlyInAnyOrderElementsOf(tags(set)).isNotEqualTo(tags(set));
      only.close();
      assertThatThrownBy(() -> set.toDataset(manager, 8, false, 51))
          .hasMessageContaining("1..50");
      assertThatThrownBy(() -> set.toDataset(manager, 0, false))
          .hasMessageContaining("batchSize");
    }
  }
}
