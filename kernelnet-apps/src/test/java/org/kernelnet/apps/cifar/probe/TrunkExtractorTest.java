package org.kernelnet.apps.cifar.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.cifar.data.Cifar10;
import org.kernelnet.apps.cifar.data.CifarSet;
import org.kernelnet.apps.cifar.resnet.CifarResNet;
import org.kernelnet.apps.report.ProgressLog;

class TrunkExtractorTest {
  private static CifarSet randomImages(int n) {
    Random random = new Random(3);
    float[] pixels = new float[n * Cifar10.IMAGE_VALUES];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    byte[] labels = new byte[n];
    return new CifarSet(pixels, labels);
  }

  @Test
  void pooledCellsAverageToTheTrunksGlobalFeatures() {
    StringWriter progress = new StringWriter();
    ProgressLog log = new ProgressLog(new PrintWriter(progress), Duration.ZERO);
    try (NDManager manager = NDManager.newBaseManager()) {
      // ResNet-8 (one block per stage); 5 kept layers = stem + 2 blocks, a 32 x 16 x 16 map.
      CifarResNet network = CifarResNet.builder().setDepth(8).build();
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      CifarResNet trunk = network.truncate(5);
      CifarSet images = randomImages(7);

      FeatureCache.Features global = new TrunkExtractor(trunk, 1, 3).extract(images, manager, log, "global");
      TrunkExtractor cells = new TrunkExtractor(trunk, 4, 3);
      FeatureCache.Features pooled = cells.extract(images, manager, log, "pooled");

      assertThat(TrunkExtractor.mapSide(trunk)).isEqualTo(16);
      assertThat(global.width()).isEqualTo(32);
      assertThat(cells.width()).isEqualTo(32 * 16);
      assertThat(pooled.rows()).isEqualTo(7);
      assertThat(pooled.width()).isEqualTo(32 * 16);
      for (int n = 0; n < 7; n++) {
        for (int c = 0; c < 32; c++) {
          double mean = 0;
          for (int k = 0; k < 16; k++) {
            mean += pooled.get(n, c * 16 + k) / 16.0;
          }
          // Both are stored as binary16: relative rounding error 2^-11 each.
          float expected = global.get(n, c);
          assertThat(mean).isCloseTo(expected, within(2e-3 * Math.max(1, Math.abs(expected))));
        }
      }
      assertThat(progress.toString()).contains("global: 7 images -> [7, 32]", "pooled: 7 images -> [7, 512]");
      assertThatThrownBy(() -> new TrunkExtractor(trunk, 3, 3))
          .hasMessageContaining("pool 3 does not divide the 16 x 16");
      assertThatThrownBy(() -> new TrunkExtractor(network, 2, 3)).hasMessageContaining("needs a cut trunk");
    }
  }

  @Test
  void theUnpooledMapAveragesToTheGlobalFeaturesAndMirroringFlipsThePixels() {
    ProgressLog log = new ProgressLog(new PrintWriter(new StringWriter()), Duration.ZERO);
    try (NDManager manager = NDManager.newBaseManager()) {
      CifarResNet network = CifarResNet.builder().setDepth(8).build();
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      CifarResNet trunk = network.truncate(5);
      CifarSet images = randomImages(3);
      float[] flipped = new float[images.images().length];
      for (int n = 0; n < 3; n++) {
        for (int c = 0; c < 3; c++) {
          for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) {
              int row = ((n * 3 + c) * 32 + i) * 32;
              flipped[row + j] = images.images()[row + 31 - j];
            }
          }
        }
      }
      CifarSet mirrorImages = new CifarSet(flipped, images.labels());

      FeatureCache.Features global = new TrunkExtractor(trunk, 1, 2).extract(images, manager, log, "g");
      TrunkExtractor full = new TrunkExtractor(trunk, 16, 2);
      FeatureCache.Features map = full.extract(images, manager, log, "map");
      FeatureCache.Features mirrored = full.extract(images, true, manager, log, "mirrored");
      FeatureCache.Features ofFlipped = full.extract(mirrorImages, false, manager, log, "flipped");

      assertThat(full.width()).isEqualTo(32 * 16 * 16);
      assertThat(map.precisionBits()).isEqualTo(16);
      for (int n = 0; n < 3; n++) {
        for (int c = 0; c < 32; c++) {
          double mean = 0;
          for (int k = 0; k < 256; k++) {
            mean += map.get(n, c * 256 + k) / 256.0;
          }
          float expected = global.get(n, c);
          assertThat(mean).isCloseTo(expected, within(2e-3 * Math.max(1, Math.abs(expected))));
        }
      }
      assertThat(mirrored.toFloatArray()).containsExactly(ofFlipped.toFloatArray());
      assertThat(mirrored.toFloatArray()).isNotEqualTo(map.toFloatArray());
    }
  }

  @Test
  void mapSidesOfTheCutsOfAResNet32() {
    // n = 5 blocks per stage: up to 5 blocks 32 x 32, up to 10 blocks 16 x 16, then 8 x 8.
    assertThat(TrunkExtractor.mapSide(32, 1)).isEqualTo(32);
    assertThat(TrunkExtractor.mapSide(32, 11)).isEqualTo(32);
    assertThat(TrunkExtractor.mapSide(32, 13)).isEqualTo(16);
    assertThat(TrunkExtractor.mapSide(32, 21)).isEqualTo(16);
    assertThat(TrunkExtractor.mapSide(32, 23)).isEqualTo(8);
    assertThat(TrunkExtractor.mapSide(32, 31)).isEqualTo(8);
    assertThatThrownBy(() -> TrunkExtractor.mapSide(32, 32)).hasMessageContaining("32");
    try (NDManager manager = NDManager.newBaseManager()) {
      CifarResNet network = CifarResNet.builder().setDepth(14).build();
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      for (int kept = 1; kept < 14; kept += 2) {
        assertThat(TrunkExtractor.mapSide(14, kept)).as("kept " + kept)
            .isEqualTo(TrunkExtractor.mapSide(network.truncate(kept)));
      }
    }
  }
}
