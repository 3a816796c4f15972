package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ChannelNormalizationTest {
  @Test
  void imagenetStatisticsOfThePretrainedResNets() {
    assertThat(ChannelNormalization.IMAGENET.mean()).containsExactly(0.485f, 0.456f, 0.406f);
    assertThat(ChannelNormalization.IMAGENET.std()).containsExactly(0.229f, 0.224f, 0.225f);
  }

  @Test
  void normalisesEachChannelPlane() {
    // Two images of 3 channels x 2 pixels.
    float[] images = {0.485f, 1f, 0.456f, 0f, 0.406f, 0.631f, 0f, 0f, 0f, 0f, 0f, 0f};

    float[] out = ChannelNormalization.IMAGENET.apply(images, 2);

    assertThat(out[0]).isEqualTo(0f, within(1e-7f));
    assertThat(out[1]).isEqualTo((1f - 0.485f) / 0.229f, within(1e-6f));
    assertThat(out[2]).isEqualTo(0f, within(1e-7f));
    assertThat(out[3]).isEqualTo(-0.456f / 0.224f, within(1e-6f));
    assertThat(out[5]).isEqualTo(1f, within(1e-6f));
    assertThat(out[6]).isEqualTo(-0.485f / 0.229f, within(1e-6f));
    assertThat(out[11]).isEqualTo(-0.406f / 0.225f, within(1e-6f));
    assertThat(ChannelNormalization.IDENTITY.apply(images, 2)).containsExactly(images);
    assertThatThrownBy(() -> ChannelNormalization.IMAGENET.apply(images, 5))
        .hasMessageContaining("12 values");
  }

  @Test
  void transformAgreesWithTheArrayVersion() {
    float[] images = new float[2 * 3 * 4 * 4];
    for (int i = 0; i < images.length; i++) {
      images[i] = (i * 37 % 101) / 100f;
    }
    float[] expected = ChannelNormalization.IMAGENET.apply(images, 16);
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray batch = manager.create(images, new Shape(2, 3, 4, 4));
      assertThat(ChannelNormalization.IMAGENET.transform(batch).toFloatArray())
          .containsExactly(expected, within(1e-6f));
      NDArray one = manager.create(images, new Shape(2, 3, 4, 4)).get(1);
      float[] second = new float[48];
      System.arraycopy(expected, 48, second, 0, 48);
      assertThat(ChannelNormalization.IMAGENET.transform(one).toFloatArray())
          .containsExactly(second, within(1e-6f));
      assertThatThrownBy(() -> ChannelNormalization.IMAGENET.transform(
          manager.zeros(new Shape(2, 4, 4, 4))))
          .hasMessageContaining("C = 3");
    }
  }

  @Test
  void rejectsBadStatistics() {
    assertThatThrownBy(() -> ChannelNormalization.of(new float[] {0f}, new float[] {0f}))
        .hasMessageContaining("std[0]");
    assertThatThrownBy(() -> ChannelNormalization.of(new float[] {0f, 0f}, new float[] {1f}))
        .hasMessageContaining("2 and 1");
  }
}
