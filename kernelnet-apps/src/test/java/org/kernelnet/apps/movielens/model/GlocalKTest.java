package org.kernelnet.apps.movielens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.djl.nn.GlobalKernel;
import org.kernelnet.djl.optim.ParameterObjective;

/**
 * {@link GlocalK} on a tiny rating matrix: the fine-tuning prediction is the autoencoder applied to
 * the global kernel's convolution of the ratings, the fine-tuning gradient includes the path
 * through the pooled outputs {@code AE(R)}, the model counts the global kernel's weight, and the
 * biases start as the authors' TensorFlow code starts them.
 */
class GlocalKTest {
  private static final int ITEMS = 7;
  private static final int USERS = 6;
  private static KernelnetRegistry registry;

  @BeforeAll
  static void registry() {
    registry = KernelnetRegistry.load(GlocalKTest.class.getClassLoader());
  }

  @Test
  void fineTunedPredictionIsTheAutoencoderOfTheConvolvedRatings() {
    try (GlocalK model = model(2);
        NDManager scope = model.local().model().getNDManager().newSubManager()) {
      NDArray r = ratings(scope);
      ParameterStore store = new ParameterStore(scope, false);
      NDArray outputs = model.local().block().forward(store, new NDList(r), false)
          .singletonOrThrow();
      NDArray kernel = model.global().kernel(store, outputs, false);
      NDArray convolved = GlobalKernel.convolve(r, kernel);
      float[] expected = model.local().block().forward(store, new NDList(convolved), false)
          .singletonOrThrow().toFloatArray();

      assertThat(model.predict(r)).containsExactly(expected);
      assertThat(model.users()).isEqualTo(USERS);
      assertThat(model.items()).isEqualTo(ITEMS);
    }
  }

  @Test
  void fineTuningGradientFollowsBothPassesThroughTheSharedWeights() {
    try (GlocalK model = model(3);
        NDManager data = model.local().model().getNDManager().newSubManager()) {
      NDArray r = ratings(data);
      NDArray mask = r.gt(0).toType(r.getDataType(), false);
      ParameterObjective full = ParameterObjective.of(model.blocks(), scope -> {
        scope.tempAttachAll(r, mask);
        return model.fineTuningLoss(scope, r, mask);
      });
      // the same loss with the pooled outputs AE(R) held constant
      ParameterObjective pooledConstant = ParameterObjective.of(model.blocks(), scope -> {
        scope.tempAttachAll(r, mask);
        ParameterStore store = new ParameterStore(scope, false);
        return model.local().loss(inputs -> {
          NDArray outputs = model.local().block().forward(store, inputs, true).singletonOrThrow();
          NDArray convolved = model.global().forward(store,
              new NDList(r, outputs.stopGradient()), true).singletonOrThrow();
          return model.local().block().forward(store, new NDList(convolved), true);
        }, scope, r, mask, 1);
      });
      int n = full.dimension();
      double[] x = new double[n];
      full.readParameters(x);
      double[] gradient = new double[n];
      double[] partial = new double[n];
      double value = full.evaluate(x, gradient);
      assertThat(pooledConstant.evaluate(x, partial)).isEqualTo(value);

      // along d = gradient - partial, the slope of the loss is gradient . d, which differs from
      // partial . d by |d|^2
      double[] d = new double[n];
      double dd = 0;
      double slope = 0;
      for (int j = 0; j < n; j++) {
        d[j] = gradient[j] - partial[j];
        dd += d[j] * d[j];
        slope += gradient[j] * d[j];
      }
      assertThat(dd).isGreaterThan(1e-4 * dot(gradient, gradient));
      double h = 1e-2 / Math.sqrt(dd);
      double[] scratch = new double[n];
      double up = full.evaluate(step(x, d, h), scratch);
      double down = full.evaluate(step(x, d, -h), scratch);
      assertThat((up - down) / (2 * h)).isCloseTo(slope, within(0.1 * dd));
    }
  }

  @Test
  void countsTheGlobalKernelsWeightAndTheConvolutionAndStartsBiasesAsTensorFlow() {
    try (GlocalK model = model(1)) {
      PredictionCost local = model.local().cost(2);
      PredictionCost cost = model.cost(2);
      long weight = (long) ITEMS * 9;

      assertThat(cost.freeParameters()).isEqualTo(local.freeParameters() + weight);
      assertThat(cost.macs()).isEqualTo(
          local.macs() + 9L * USERS + model.local().cost(USERS).macs());
      for (Parameter bias : model.local().block().getParameters().values()) {
        if (bias.getType() == Parameter.Type.BIAS) {
          float[] values = bias.getArray().toFloatArray();
          float limit = (float) Math.sqrt(3.0 / values.length);
          float largest = 0;
          for (float v : values) {
            largest = Math.max(largest, Math.abs(v));
          }
          assertThat(largest).as("bias %s", bias.getName()).isPositive().isLessThan(limit);
        }
      }
    }
  }

  private static GlocalK model(double dotScale) {
    Engine.getInstance().setRandomSeed(3);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.GLOCAL_K, 1, 4, "hat-sq", 2, 0.5, 0.1);
    return GlocalK.create(ItemAutoencoder.create(spec, USERS, registry, Device.cpu()), ITEMS,
        dotScale);
  }

  /** Ratings 1..5 at about half the entries, 0 elsewhere. */
  private static NDArray ratings(NDManager manager) {
    Random random = new Random(17);
    float[] values = new float[ITEMS * USERS];
    for (int k = 0; k < values.length; k++) {
      values[k] = random.nextBoolean() ? 1 + random.nextInt(5) : 0;
    }
    return manager.create(values, new Shape(ITEMS, USERS));
  }

  private static double[] step(double[] x, double[] d, double h) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = x[j] + h * d[j];
    }
    return out;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      sum += a[j] * b[j];
    }
    return sum;
  }
}
