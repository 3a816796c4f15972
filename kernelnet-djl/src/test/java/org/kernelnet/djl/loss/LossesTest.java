package org.kernelnet.djl.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The losses equal DJL's in value, label smoothing its formula, and their gradients survive a garbage
 * collection.
 */
class LossesTest {
  private static final int B = 6;
  private static final int C = 4;

  private record Case(Loss ours, Loss djl, float[] label, Shape labelShape) {}

  private static List<Case> cases() {
    Random random = new Random(3);
    float[] classes = new float[B];
    float[] targets = new float[B * C];
    float[] values = new float[B * C];
    for (int i = 0; i < B; i++) {
      classes[i] = random.nextInt(C);
    }
    for (int i = 0; i < B * C; i++) {
      targets[i] = random.nextFloat();
      values[i] = (float) random.nextGaussian();
    }
    return List.of(
        new Case(new SoftmaxCrossEntropy(), Loss.softmaxCrossEntropyLoss(), classes, new Shape(B)),
        new Case(new SigmoidCrossEntropy(), Loss.sigmoidBinaryCrossEntropyLoss(), targets, new Shape(B, C)),
        new Case(new SquaredError(), Loss.l2Loss(), values, new Shape(B, C)));
  }

  private static float[] logits() {
    Random random = new Random(4);
    float[] z = new float[B * C];
    for (int i = 0; i < z.length; i++) {
      z[i] = (float) (3 * random.nextGaussian());
    }
    return z;
  }

  @Test
  void valuesEqualDjlsLosses() {
    for (Case c : cases()) {
      try (NDManager manager = NDManager.newBaseManager()) {
        NDList label = new NDList(manager.create(c.label(), c.labelShape()));
        NDList prediction = new NDList(manager.create(logits(), new Shape(B, C)));
        float ours = c.ours().evaluate(label, prediction).getFloat();
        float djl = c.djl().evaluate(label, prediction).getFloat();
        assertThat(ours).as(c.ours().getName()).isCloseTo(djl, within(1e-5f * (1 + Math.abs(djl))));
      }
    }
  }

  @Test
  void labelSmoothingMixesTheOneHotTargetWithTheUniformOne() {
    float[] z = logits();
    float[] classes = cases().get(0).label();
    double eps = 0.1;
    double expected = 0;
    for (int b = 0; b < B; b++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < C; k++) {
        max = Math.max(max, z[b * C + k]);
      }
      double sum = 0;
      for (int k = 0; k < C; k++) {
        sum += Math.exp(z[b * C + k] - max);
      }
      double logNormaliser = max + Math.log(sum);
      for (int k = 0; k < C; k++) {
        double q = (k == (int) classes[b] ? 1 - eps : 0) + eps / C;
        expected -= q * (z[b * C + k] - logNormaliser) / B;
      }
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      NDList label = new NDList(manager.create(classes, new Shape(B)));
      NDList prediction = new NDList(manager.create(z, new Shape(B, C)));
      float smoothed = new SoftmaxCrossEntropy(eps).evaluate(label, prediction).getFloat();
      float plain = new SoftmaxCrossEntropy().evaluate(label, prediction).getFloat();
      assertThat((double) smoothed).isCloseTo(expected, within(1e-5 * (1 + expected)));
      assertThat(smoothed).isNotCloseTo(plain, within(1e-3f));
    }
  }

  @Test
  void labelSmoothingOutsideZeroToOneIsRefused() {
    for (double eps : new double[] {-0.1, 1, Double.NaN}) {
      assertThatThrownBy(() -> new SoftmaxCrossEntropy(eps))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1)");
    }
  }

  @Test
  void gradientsSurviveAGarbageCollectionBetweenForwardAndBackward() throws InterruptedException {
    for (Case c : cases()) {
      float[] quiet = gradient(c, false);
      for (int attempt = 0; attempt < 5; attempt++) {
        assertThat(gradient(c, true)).as(c.ours().getName()).containsExactly(quiet, within(1e-6f));
      }
    }
  }

  private static float[] gradient(Case c, boolean collectGarbage) throws InterruptedException {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray z = manager.create(logits(), new Shape(B, C));
      z.setRequiresGradient(true);
      NDList label = new NDList(manager.create(c.label(), c.labelShape()));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = c.ours().evaluate(label, new NDList(z));
        if (collectGarbage) {
          System.gc();
          Thread.sleep(20); // the Cleaner frees direct buffers after the collection
          List<ByteBuffer> junk = new ArrayList<>();
          for (int i = 0; i < 4096; i++) {
            junk.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, Float.NaN));
          }
        }
        collector.backward(loss);
      }
      return z.getGradient().toFloatArray();
    }
  }
}
