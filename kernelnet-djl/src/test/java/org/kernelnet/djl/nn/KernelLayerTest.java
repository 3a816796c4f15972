package org.kernelnet.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.djl.TestKernels;
import org.kernelnet.kernels.DotKernel;
import org.kernelnet.kernels.RbfKernel;

class KernelLayerTest {
  private static final int SEED = 5;

  private NDManager manager;

  /**
   * Inputs and locations draw from the engine's generator, which other tests in the same JVM advance:
   * seeded, each test sees the same values whatever ran before (the float32 results are compared with
   * double-precision sums at 1e-6, which an unlucky draw of large values exceeded once in a full build).
   */
  @BeforeEach
  void open() {
    Engine.getInstance().setRandomSeed(SEED);
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray forward(KernelLayer layer, NDArray x) {
    layer.initialize(manager, DataType.FLOAT32, x.getShape());
    return layer.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
  }

  private static double[][] rows(NDArray matrix) {
    long n = matrix.getShape().get(0);
    long m = matrix.getShape().get(1);
    float[] flat = matrix.toFloatArray();
    double[][] rows = new double[(int) n][(int) m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        rows[i][j] = flat[(int) (i * m + j)];
      }
    }
    return rows;
  }

  @Test
  void dotKernelWithoutAlphaAndBiasIsExactlyTheFactorisation() {
    KernelLayer layer =
        KernelLayer.builder()
            .setUnits(3)
            .setDimension(2)
            .setKernel(new DotKernel())
            .optAlpha(AlphaMode.NONE)
            .optBias(false)
            .build();
    NDArray x = manager.randomNormal(new Shape(5, 4));
    NDArray y = forward(layer, x);

    NDArray u = layer.getParameters().get("u").getArray();
    NDArray v = layer.getParameters().get("v").getArray();
    assertThat(u.getShape()).isEqualTo(new Shape(4, 2));
    assertThat(v.getShape()).isEqualTo(new Shape(3, 2));
    assertThat(layer.getParameters().keys()).containsExactly("u", "v");
    assertThat(y.getShape()).isEqualTo(new Shape(5, 3));
    assertThat(y.toFloatArray()).containsExactly(x.matMul(u.matMul(v.transpose())).toFloatArray());
  }

  /** W_ij = alpha K(u_i, v_j) computed by hand in double precision from the kernel's closed form. */
  private static double[][] manualWeights(KernelLayer layer, AlphaMode mode) {
    double[][] u = rows(layer.getParameters().get("u").getArray());
    double[][] v = rows(layer.getParameters().get("v").getArray());
    float[] alpha = layer.getParameters().get("alpha").getArray().toFloatArray();
    double[][] w = new double[u.length][v.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        double scale = mode == AlphaMode.PER_INPUT ? alpha[i] : alpha[j];
        w[i][j] = scale * layer.getKernel().evaluate(u[i], v[j]);
      }
    }
    return w;
  }

  private void checkAlphaMode(AlphaMode mode, long alphaLength) {
    KernelLayer layer =
        KernelLayer.builder()
            .setUnits(3)
            .setDimension(2)
            .setKernel(new RbfKernel(0.5))
            .optAlpha(mode)
            .optAlphaInitializer((m, shape, type) -> m.arange(1f, shape.size() + 1f).toType(type, false))
            .build();
    NDArray x = manager.randomNormal(new Shape(6, 4));
    double[][] xs = rows(x);
    double[][] y = rows(forward(layer, x));

    NDArray alpha = layer.getParameters().get("alpha").getArray();
    assertThat(alpha.getShape()).isEqualTo(new Shape(alphaLength));
    float[] b = layer.getParameters().get("bias").getArray().toFloatArray();
    double[][] w = manualWeights(layer, mode);
    for (int n = 0; n < xs.length; n++) {
      for (int j = 0; j < 3; j++) {
        double expected = b[j];
        for (int i = 0; i < 4; i++) {
          expected += xs[n][i] * w[i][j];
        }
        assertThat(y[n][j]).as("y[%d][%d]", n, j).isCloseTo(expected, within(1e-5));
      }
    }
    try (NDManager scope = manager.newSubManager()) {
      double[][] effective =
          rows(layer.effectiveWeights(new ParameterStore(scope, false), scope, false));
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 3; j++) {
          assertThat(effective[i][j]).isCloseTo(w[i][j], within(1e-6));
        }
      }
    }
  }

  @Test
  void perInputAlphaScalesRows() {
    checkAlphaMode(AlphaMode.PER_INPUT, 4);
  }

  @Test
  void perOutputAlphaScalesColumns() {
    checkAlphaMode(AlphaMode.PER_OUTPUT, 3);
  }

  @Test
  void kernelMatrixAndLayerMatricesComeFromTheLocations() {
    KernelLayer layer =
        KernelLayer.builder().setUnits(2).setDimension(3).setKernel(new RbfKernel(1.0)).build();
    forward(layer, manager.ones(new Shape(1, 5)));
    try (NDManager scope = manager.newSubManager()) {
      ParameterStore store = new ParameterStore(scope, false);
      NDArray k = layer.kernelMatrix(store, scope, false);
      NDArray expected =
          new RbfKernel(1.0)
              .gram(
                  layer.getParameters().get("u").getArray().duplicate(),
                  layer.getParameters().get("v").getArray().duplicate());
      assertThat(k.getShape()).isEqualTo(new Shape(5, 2));
      assertThat(k.getManager()).isSameAs(scope);
      assertThat(k.toFloatArray()).containsExactly(expected.toFloatArray());
      LayerMatrices matrices = layer.layerMatrices(store, scope, false);
      assertThat(matrices.kernel()).isPresent();
      assertThat(matrices.dense()).isEmpty();
    }
  }

  @Test
  void gridLocationsAreCentredRowMajorWithTheLongerSideSpanningTheExtent() {
    KernelLayer layer =
        KernelLayer.builder()
            .setUnits(1)
            .setDimension(2)
            .setKernel(new RbfKernel(1.0))
            .optInputLocations(Locations.grid(2, 3, 2.0).frozen())
            .optOutputLocations(Locations.grid(1, 1, 1.0))
            .build();
    forward(layer, manager.ones(new Shape(1, 6)));
    assertThat(layer.getParameters().get("u").getArray().toFloatArray())
        .containsExactly(-0.5f, -1f, -0.5f, 0f, -0.5f, 1f, 0.5f, -1f, 0.5f, 0f, 0.5f, 1f);
    assertThat(layer.getParameters().get("v").getArray().toFloatArray()).containsExactly(0f, 0f);
    assertThat(layer.getParameters().get("u").requiresGradient()).isFalse();
    assertThat(layer.getParameters().get("v").requiresGradient()).isTrue();
  }

  @Test
  void givenPointsStartTheLocationsAndAreCheckedAgainstTheLayer() {
    float[][] points = {{0.5f, -1f}, {2f, 3f}, {-4f, 0f}};
    KernelLayer layer =
        KernelLayer.builder()
            .setUnits(1)
            .setDimension(2)
            .setKernel(new RbfKernel(1.0))
            .optInputLocations(Locations.points(points))
            .build();
    points[0][0] = 99f; // copied: later changes to the array do not leak in
    forward(layer, manager.ones(new Shape(1, 3)));
    assertThat(layer.getParameters().get("u").getArray().toFloatArray())
        .containsExactly(0.5f, -1f, 2f, 3f, -4f, 0f);
    assertThat(layer.getParameters().get("u").requiresGradient()).isTrue();
    assertThat(Locations.points(points).frozen().isTrainable()).isFalse();
    assertThat(Locations.points(points)).hasToString("points(3x2)");

    KernelLayer tooWide = KernelLayer.builder().setUnits(1).setDimension(2)
        .setKernel(new RbfKernel(1.0)).optInputLocations(Locations.points(points)).build();
    assertThatThrownBy(() -> tooWide.initialize(manager, DataType.FLOAT32, new Shape(1, 4)))
        .hasMessageContaining("given as 3 points but the layer has 4 input units");
    assertThatThrownBy(() -> KernelLayer.builder().setUnits(1).setDimension(3)
            .setKernel(new RbfKernel(1.0)).optInputLocations(Locations.points(points)).build())
        .hasMessageContaining("points of dimension 2 need dimension 2, got 3");
    assertThatThrownBy(() -> Locations.points(new float[][] {{1f, 2f}, {3f}}))
        .hasMessageContaining("point 1 has 1 coordinates, point 0 has 2");
    assertThatThrownBy(() -> Locations.points(new float[][] {{1f, Float.NaN}}))
        .hasMessageContaining("not finite: NaN");
    assertThatThrownBy(() -> Locations.points(new float[0][]))
        .hasMessageContaining("at least one row");
  }

  @Test
  void builderRejectsBadSettingsNamingTheValue() {
    assertThatThrownBy(() -> KernelLayer.builder().setDimension(2).setKernel(new DotKernel()).build())
        .hasMessageContaining("units must be >= 1, got 0");
    assertThatThrownBy(
            () -> KernelLayer.builder().setUnits(2).setDimension(-1).setKernel(new DotKernel()).build())
        .hasMessageContaining("dimension must be >= 1, got -1");
    assertThatThrownBy(() -> KernelLayer.builder().setUnits(2).setDimension(2).build())
        .hasMessageContaining("needs a kernel");
    assertThatThrownBy(
            () ->
                KernelLayer.builder()
                    .setUnits(4)
                    .setDimension(3)
                    .setKernel(new DotKernel())
                    .optOutputLocations(Locations.grid(2, 2, 1.0))
                    .build())
        .hasMessageContaining("need dimension 2, got 3");
    assertThatThrownBy(
            () ->
                KernelLayer.builder()
                    .setUnits(5)
                    .setDimension(2)
                    .setKernel(new DotKernel())
                    .optOutputLocations(Locations.grid(2, 2, 1.0))
                    .build())
        .hasMessageContaining("have 4 points but the layer has 5 output units");
    assertThatThrownBy(() -> Locations.normal(0)).hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> Locations.grid(0, 3, 1)).hasMessageContaining("got 0 x 3");
    assertThatThrownBy(() -> Locations.grid(2, 3, Double.NaN)).hasMessageContaining("got NaN");
    assertThatThrownBy(() -> KernelLayer.builder().setKernel("nope", TestKernels.resolver()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void inputGridIsCheckedAgainstTheInputWidthAtInitialisation() {
    KernelLayer layer =
        KernelLayer.builder()
            .setUnits(2)
            .setDimension(2)
            .setKernel(new RbfKernel(1.0))
            .optInputLocations(Locations.grid(3, 3, 1.0))
            .build();
    assertThatThrownBy(() -> layer.initialize(manager, DataType.FLOAT32, new Shape(1, 8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("have 9 points but the layer has 8 input units");
    assertThatThrownBy(() -> layer.initialize(manager, DataType.FLOAT32, new Shape(8)))
        .hasMessageContaining("[batch, in]");
  }

  @Test
  void aLayerBuiltWithOnlyAResolverCannotBeInitialisedWithoutLoading() {
    KernelLayer layer =
        KernelLayer.builder().setUnits(2).setDimension(2).optKernelResolver(TestKernels.resolver()).build();
    assertThat(layer.getKernel()).isNull();
    assertThatThrownBy(() -> layer.initialize(manager, DataType.FLOAT32, new Shape(1, 3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no kernel");
  }
}
