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
            mean += pooled.values()[n * 512 + c * 16 + k] / 16.0;
          }
          assertThat(mean).isCloseTo(global.values()[n * 32 + c], within(1e-5));
        }
      }
      assertThat(progress.toString()).contains("global: 7 images -> [7, 32]", "pooled: 7 images -> [7, 512]");
      assertThatThrownBy(() -> new TrunkExtractor(trunk, 3, 3))
          .hasMessageContaining("pool 3 does not divide the 16 x 16");
      assertThatThrownBy(() -> new TrunkExtractor(network, 2, 3)).hasMessageContaining("needs a cut trunk");
    }
  }
}
