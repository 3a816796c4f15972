package org.kernelnet.tests.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import org.kernelnet.api.Kernel;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.Locations;

/**
 * The contract's {@value KernelContract#TRAINS} check: a small {@link KernelLayer} with the kernel,
 * {@code y = x (alpha ⊙ K(U, V)) + b} for {@code x [8, 6]}, 5 units, d = 2, locations {@code N(0,
 * 0.5^2)}, under {@code L = 1/2 sum (y - t)^2} for fixed random targets {@code t [8, 5]}: {@code L} and
 * every parameter's gradient must be finite, and the step {@code theta - 1e-3 g / |g|} (all the
 * parameters' gradients {@code g} as one vector) must lower {@code L}.
 */
final class LayerStep {
  private static final int EXAMPLES = 8;
  private static final int INPUTS = 6;
  private static final int UNITS = 5;
  private static final double STEP = 1e-3;

  private LayerStep() {}

  static void check(Kernel kernel) {
    Engine.getInstance().setRandomSeed(7);
    Random random = new Random(7);
    try (NDManager manager = NDManager.newBaseManager()) {
      KernelLayer layer = KernelLayer.builder().setUnits(UNITS).setDimension(2).setKernel(kernel)
          .optInputLocations(Locations.normal(0.5)).optOutputLocations(Locations.normal(0.5))
          .build();
      layer.initialize(manager, DataType.FLOAT32, new Shape(EXAMPLES, INPUTS));
      NDArray x = manager.create(gaussian(random, EXAMPLES * INPUTS), new Shape(EXAMPLES, INPUTS));
      NDArray t = manager.create(gaussian(random, EXAMPLES * UNITS), new Shape(EXAMPLES, UNITS));
      double before;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = loss(layer, manager, x, t, true);
        before = loss.getFloat();
        collector.backward(loss);
      }
      assertThat(Double.isFinite(before)).as("%s: the layer's loss is finite", kernel.spec())
          .isTrue();
      double norm = 0;
      for (Pair<String, Parameter> p : layer.getParameters()) {
        if (!p.getValue().requiresGradient()) {
          continue;
        }
        float[] g = p.getValue().getArray().getGradient().toFloatArray();
        for (int k = 0; k < g.length; k++) {
          if (!Float.isFinite(g[k])) {
            fail("%s: gradient entry %d of the layer's parameter %s is %s", kernel.spec(), k,
                p.getKey(), g[k]);
          }
          norm += (double) g[k] * g[k];
        }
      }
      norm = Math.sqrt(norm);
      assertThat(norm).as("%s: the layer's gradient is 0", kernel.spec()).isGreaterThan(0);
      for (Pair<String, Parameter> p : layer.getParameters()) {
        if (p.getValue().requiresGradient()) {
          NDArray w = p.getValue().getArray();
          try (NDManager scope = manager.newSubManager()) {
            NDArray g = w.getGradient().duplicate();
            scope.tempAttachAll(g);
            w.subi(g.muli(scope.create((float) (STEP / norm))));
          }
        }
      }
      double after = loss(layer, manager, x, t, false).getFloat();
      assertThat(after)
          .as("%s: the layer's loss after a gradient step of length %s (before: %s)", kernel.spec(),
              STEP, before)
          .isLessThan(before);
    }
  }

  private static NDArray loss(KernelLayer layer, NDManager manager, NDArray x, NDArray t,
      boolean training) {
    NDArray y = layer.forward(new ParameterStore(manager, false), new NDList(x), training)
        .singletonOrThrow();
    return y.sub(t).square().sum().div(2);
  }

  private static float[] gaussian(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }
}
