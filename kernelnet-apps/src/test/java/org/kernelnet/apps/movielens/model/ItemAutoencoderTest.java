package org.kernelnet.apps.movielens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.movielens.data.RatingScale;

/** The masked loss and the regularisers, against hand computations on tiny matrices. */
class ItemAutoencoderTest {
  private static KernelnetRegistry registry;

  @BeforeAll
  static void registry() {
    registry = KernelnetRegistry.load(ItemAutoencoderTest.class.getClassLoader());
  }

  @Test
  void squaredErrorCountsObservedEntriesOnly() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray prediction = m.create(new float[] {1, 2, 3, 4, 9, 9}, new Shape(3, 2));
      NDArray ratings = m.create(new float[] {1, 0, 5, 2, 0, 0}, new Shape(3, 2));
      NDArray mask = m.create(new float[] {1, 0, 1, 1, 0, 0}, new Shape(3, 2));

      // 1/2 * ((1-1)^2 + (3-5)^2 + (4-2)^2) = 4; the unobserved 2 and 9s do not count
      assertThat(ItemAutoencoder.squaredError(prediction, ratings, mask).getFloat()).isEqualTo(4f);
    }
  }

  @Test
  void sparseFcLossIsMaskedErrorPlusL2OnDenseWeightsPlusHalfLambda0OnKernels() {
    Engine.getInstance().setRandomSeed(3);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.SPARSE_FC, 1, 3, "hat-sq", 2, 0.7, 0.2);
    float[] r = {5, 0, 3, 0, 0, 1, 4, 0};
    float[] mk = {1, 0, 1, 0, 0, 1, 1, 0};
    try (ItemAutoencoder net = ItemAutoencoder.create(spec, 4, registry, Device.cpu());
        NDManager scope = net.model().getNDManager().newSubManager()) {
      NDArray ratings = scope.create(r, new Shape(2, 4));
      NDArray mask = scope.create(mk, new Shape(2, 4));
      float loss = net.loss(net.forward(scope), scope, ratings, mask, 1).getFloat();
      float[] prediction = net.predict(ratings);

      double error = 0;
      for (int j = 0; j < r.length; j++) {
        error += mk[j] * Math.pow(prediction[j] - r[j], 2) / 2;
      }
      double penalty = 0;
      for (Block layer : net.layers()) {
        float[] w = layer.getParameters().get("weight").getArray().toFloatArray();
        float[] u = layer.getParameters().get("u").getArray().toFloatArray();
        float[] v = layer.getParameters().get("v").getArray().toFloatArray();
        for (float x : w) {
          penalty += 0.7 / 2 * x * x;
        }
        for (int i = 0; i < u.length / 2; i++) {
          for (int j = 0; j < v.length / 2; j++) {
            double d2 = Math.pow(u[2 * i] - v[2 * j], 2) + Math.pow(u[2 * i + 1] - v[2 * j + 1], 2);
            double k = Math.max(0, 1 - d2);
            penalty += 0.2 / 2 * k * k;
          }
        }
      }
      assertThat(net.layers()).hasSize(2);
      assertThat((double) loss).isCloseTo(error + penalty, offset(1e-4 * (error + penalty)));
      assertThat(penalty).isGreaterThan(0.1);
    }
  }

  @Test
  void autorecLossHasNoKernelTermAndScalesTheRegulariserForMiniBatches() {
    Engine.getInstance().setRandomSeed(5);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.AUTOREC, 2, 3, null, 0, 2, 0);
    try (ItemAutoencoder net = ItemAutoencoder.create(spec, 4, registry, Device.cpu());
        NDManager scope = net.model().getNDManager().newSubManager()) {
      NDArray ratings = scope.create(new float[] {5, 0, 3, 1}, new Shape(1, 4));
      NDArray mask = scope.create(new float[] {1, 0, 1, 1}, new Shape(1, 4));
      double full = net.loss(net.forward(scope), scope, ratings, mask, 1).getFloat();
      double quarter = net.loss(net.forward(scope), scope, ratings, mask, 0.25).getFloat();
      double sumW2 = 0;
      for (Block layer : net.layers()) {
        for (float x : layer.getParameters().get("weight").getArray().toFloatArray()) {
          sumW2 += x * x;
        }
      }
      List<Block> layers = net.layers();

      assertThat(layers).hasSize(3);
      // full - quarter = (1 - 1/4) * lambda2/2 * sum W^2
      assertThat(full - quarter).isCloseTo(0.75 * sumW2, offset(1e-4 * sumW2));
    }
  }
}
