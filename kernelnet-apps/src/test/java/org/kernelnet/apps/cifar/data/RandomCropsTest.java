package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kernelnet.apps.cifar.data.Cifar10.HEIGHT;
import static org.kernelnet.apps.cifar.data.Cifar10.IMAGE_VALUES;
import static org.kernelnet.apps.cifar.data.Cifar10.WIDTH;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomCropsTest {
  /** Pixel value {@code 1 + c * 10000 + y * 100 + x}: every pixel names its own place. */
  private static float[] numberedImage() {
    float[] image = new float[IMAGE_VALUES];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
          image[(c * HEIGHT + y) * WIDTH + x] = 1 + c * 10000 + y * 100 + x;
        }
      }
    }
    return image;
  }

  private static float at(float[] image, int c, int y, int x) {
    return image[(c * HEIGHT + y) * WIDTH + x];
  }

  @Test
  void aCropShiftsThePixelsAndFillsTheBorderWithBlack() {
    float[] in = numberedImage();
    float[] out = new float[IMAGE_VALUES];

    RandomCrops.crop(in, out, 0, 2, -3, false);

    assertThat(at(out, 1, 0, 3)).isEqualTo(at(in, 1, 2, 0));
    assertThat(at(out, 2, 29, 31)).isEqualTo(at(in, 2, 31, 28));
    assertThat(at(out, 0, 30, 5)).isZero(); // y + 2 = 32 is below the image
    assertThat(at(out, 0, 10, 2)).isZero(); // x - 3 = -1 is left of it
  }

  @Test
  void aMirroredCropFlipsAfterCropping() {
    float[] in = numberedImage();
    float[] out = new float[IMAGE_VALUES];

    RandomCrops.crop(in, out, 0, 0, 1, true);

    // out[y][x] = in[y][(31 - x) + 1]
    assertThat(at(out, 0, 4, 0)).isZero();
    assertThat(at(out, 0, 4, 1)).isEqualTo(at(in, 0, 4, 31));
    assertThat(at(out, 2, 7, 31)).isEqualTo(at(in, 2, 7, 1));
  }

  @Test
  void cropsAreSeededPerImageAndKeepTheLabels() {
    float[] images = new float[50 * IMAGE_VALUES];
    byte[] labels = new byte[50];
    for (int n = 0; n < 50; n++) {
      System.arraycopy(numberedImage(), 0, images, n * IMAGE_VALUES, IMAGE_VALUES);
      labels[n] = (byte) (n % 10);
    }
    CifarSet set = new CifarSet(images, labels);

    CifarSet a = RandomCrops.of(set, 4, 9);
    CifarSet b = RandomCrops.of(set, 4, 9);
    CifarSet c = RandomCrops.of(set, 4, 10);

    assertThat(a.images()).containsExactly(b.images());
    assertThat(a.images()).isNotEqualTo(c.images());
    assertThat(a.labels()).containsExactly(labels);
    // The centre pixel of each crop tells its offset and flip: (16 + dy, 16 + dx) or (16 + dy, 15 + dx).
    Set<Float> centres = new HashSet<>();
    for (int n = 0; n < 50; n++) {
      float centre = a.images()[n * IMAGE_VALUES + 16 * WIDTH + 16];
      int y = (int) (centre - 1) / 100;
      int x = (int) (centre - 1) % 100;
      assertThat(y).isBetween(12, 20);
      assertThat(x).isBetween(11, 20);
      centres.add(centre);
    }
    assertThat(centres).hasSizeGreaterThan(20);
    assertThat(RandomCrops.of(set, 0, 9).images()).satisfies(pixels -> {
      for (int n = 0; n < 50; n++) {
        float first = pixels[n * IMAGE_VALUES + 5 * WIDTH];
        assertThat(first).isIn(at(numberedImage(), 0, 5, 0), at(numberedImage(), 0, 5, 31));
      }
    });
    assertThatThrownBy(() -> RandomCrops.of(set, 32, 1)).hasMessageContaining("pad must be in 0..31");
  }
}
