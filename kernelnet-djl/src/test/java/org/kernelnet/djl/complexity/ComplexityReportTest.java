package org.kernelnet.djl.complexity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.TestKernels.BumpKernel;
import org.kernelnet.djl.complexity.ComplexityReport.LayerComplexity;
import org.kernelnet.djl.nn.AdaptiveThreshold;
import org.kernelnet.djl.nn.AlphaMode;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.KernelMaskedDense;
import org.kernelnet.djl.nn.Locations;
import org.kernelnet.djl.nn.PredictedWeightLayer;
import org.kernelnet.kernels.RbfKernel;

/** Counts for small models against hand counts. */
class ComplexityReportTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void countsEachLayerOfASmallModel() {
    // Kernel layer 4 -> 2 with the bump kernel on grids: K has 4 non-zeros (see
    // KernelMaskedDenseTest); u frozen (8 values), v trainable (4), alpha per input (4), bias (2).
    KernelLayer kernel =
        KernelLayer.builder()
            .setUnits(2)
            .setDimension(2)
            .setKernel(new BumpKernel())
            .optAlpha(AlphaMode.PER_INPUT)
            .optInputLocations(Locations.grid(2, 2, 1.0).frozen())
            .optOutputLocations(Locations.grid(1, 2, 1.0))
            .build();
    Linear linear = Linear.builder().setUnits(3).build();
    SequentialBlock model =
        new SequentialBlock()
            .add(kernel)
            .add(AdaptiveThreshold.of(0.5))
            .add(linear)
            .add(BatchNorm.builder().build());
    model.initialize(manager, DataType.FLOAT32, new Shape(5, 4));
    // Two of the six Linear weights are zero.
    Parameter weight = linear.getParameters().get("weight");
    assertThat(weight.getArray().getShape()).isEqualTo(new Shape(3, 2));
    weight.getArray().set(new float[] {1, 0, 2, 3, 0, 4});

    ComplexityReport report = ComplexityReport.of(model);

    assertThat(report.layers())
        .extracting(LayerComplexity::type, LayerComplexity::complexity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("KernelLayer", new Complexity(10, 10, 4)),
            org.assertj.core.groups.Tuple.tuple("Linear", new Complexity(9, 9, 4)),
            // gamma and beta are trained; the running mean and variance are not
            org.assertj.core.groups.Tuple.tuple("BatchNorm", new Complexity(6, 12, 0)));
    assertThat(report.layers().get(0).path()).endsWith("KernelLayer");
    assertThat(report.total()).isEqualTo(new Complexity(25, 31, 8));
  }

  @Test
  void maskedDenseAndPredictedLayersCountThemselves() {
    KernelMaskedDense masked =
        KernelMaskedDense.builder()
            .setUnits(2)
            .setDimension(2)
            .setKernel(new BumpKernel())
            .optInputLocations(Locations.grid(2, 2, 1.0))
            .optOutputLocations(Locations.grid(1, 2, 1.0))
            .build();
    masked.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    // free: W 8 + u 8 + v 4 + b 2; dense: 4 * 2 + 2; non-zero: the 4 unmasked entries
    assertThat(masked.complexity()).isEqualTo(new Complexity(22, 10, 4));

    double[][] coordinates = new double[6][];
    for (int i = 0; i < 6; i++) {
      coordinates[i] = new double[] {i};
    }
    PredictedWeightLayer predicted =
        PredictedWeightLayer.builder()
            .setUnits(3)
            .setCoordinates(coordinates)
            .setKernel(new RbfKernel(0.5))
            .setAlphaIndices(1, 4)
            .optBias(false)
            .build();
    predicted.initialize(manager, DataType.FLOAT32, new Shape(1, 6));
    // free: V 2 * 3; dense: 6 * 3; non-zero: U V is dense
    assertThat(ComplexityReport.of(predicted).total()).isEqualTo(new Complexity(6, 18, 18));
  }

  @Test
  void uninitialisedModelsCannotBeCounted() {
    assertThatThrownBy(() -> ComplexityReport.of(Linear.builder().setUnits(3).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'weight' is not initialised");
    KernelLayer kernel =
        KernelLayer.builder().setUnits(2).setDimension(2).setKernel(new BumpKernel()).build();
    assertThatThrownBy(kernel::complexity).isInstanceOf(IllegalStateException.class);
  }
}
