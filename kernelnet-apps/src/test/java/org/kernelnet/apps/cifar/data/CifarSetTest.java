package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CifarSetTest {
  /** n images whose every value is (i % 256) / 255 and label i % 10; pixel 1 tags the index. */
  private static CifarSet tagged(int n) {
    float[] images = new float[n * Cifar10.IMAGE_VALUES];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(images, i * 3072, (i + 1) * 3072, (i % 256) / 255f);
      images[i * 3072 + 1] = i;
      labels[i] = (byte) (i % 10);
    }
    return new CifarSet(images, labels);
  }

  private static List<Integer> tags(CifarSet set) {
    List<Integer> tags = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      tags.add((int) set.images()[i * 3072 + 1]);
    }
    return tags;
  }

  @Test
  void splitIsReproducibleDisjointAndComplete() {
    CifarSet set = tagged(300);
    CifarSet.Split split = set.split(50, 3L);
    List<Integer> validation = tags(split.validation());

    assertThat(validation).hasSize(50).isSorted().isEqualTo(tags(set.split(50, 3L).validation()));
    assertThat(validation).isNotEqualTo(tags(set.split(50, 4L).validation()));
    Set<Integer> all = new HashSet<>(tags(split.train()));
    assertThat(all).hasSize(250).doesNotContainAnyElementsOf(validation);
    all.addAll(validation);
    assertThat(all).hasSize(300);
    for (int i = 0; i < split.train().size(); i++) {
      assertThat(split.train().label(i)).isEqualTo(tags(split.train()).get(i) % 10);
    }
  }

  @Test
  void concatKeepsOrder() {
    CifarSet joined = CifarSet.concat(List.of(tagged(3), tagged(2)));
    assertThat(tags(joined)).containsExactly(0, 1, 2, 0, 1);
    assertThat(joined.labels()).containsExactly(0, 1, 2, 0, 1);
    assertThat(joined.labelCounts()).containsExactly(2, 2, 1, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void datasetIsNchwNormalisedWithFloatLabels() throws Exception {
    CifarSet set = tagged(12);
    try (NDManager manager = NDManager.newBaseManager()) {
      Batch batch = set.toDataset(manager, 4, false, 8, ChannelNormalization.IMAGENET)
          .getData(manager).iterator().next();
      assertThat(batch.getData().head().getShape()).isEqualTo(new Shape(4, 3, 32, 32));
      assertThat(batch.getLabels().head().toFloatArray()).containsExactly(0f, 1f, 2f, 3f);
      // Image 2, green plane, pixel 5: (2 / 255 - 0.456) / 0.224.
      assertThat(batch.getData().head().getFloat(2, 1, 0, 5))
          .isEqualTo((2 / 255f - 0.456f) / 0.224f, within(1e-6f));
      batch.close();
      assertThat(set.toDataset(manager, 5, true, 12, ChannelNormalization.IDENTITY).size())
          .isEqualTo(12);
      assertThatThrownBy(() -> set.toDataset(manager, 4, false, 13, ChannelNormalization.IDENTITY))
          .hasMessageContaining("1..12");
    }
  }

  @Test
  void rejectsInconsistentArrays() {
    assertThatThrownBy(() -> new CifarSet(new float[3071], new byte[1]))
        .hasMessageContaining("3071 values");
    assertThatThrownBy(() -> new CifarSet(new float[3072], new byte[] {(byte) 200}))
        .hasMessageContaining("label 200");
  }
}
