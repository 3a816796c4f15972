package org.kernelnet.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kernelnet.djl.loss.SquaredError;
import org.kernelnet.djl.optim.LbfgsResult.StopReason;

/** L-BFGS through {@link ParameterObjective} and {@link Rprop} on a least-squares problem. */
class DjlOptimTest {
  private static final int N = 200;
  private static final int D = 5;
  private NDManager manager;
  private float[] features;
  private float[] targets;
  private double[] solution;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
    Random random = new Random(11);
    features = new float[N * D];
    targets = new float[N];
    double[] w = {1.5, -2, 0.5, 3, -1};
    for (int i = 0; i < N; i++) {
      double y = 0.7;
      for (int j = 0; j < D; j++) {
        features[i * D + j] = (float) random.nextGaussian();
        y += w[j] * features[i * D + j];
      }
      targets[i] = (float) (y + 0.3 * random.nextGaussian());
    }
    solution = leastSquares();
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  /** Solves the normal equations [X 1]'[X 1] beta = [X 1]'y in double precision. */
  private double[] leastSquares() {
    double[][] a = new double[D + 1][D + 1];
    double[] b = new double[D + 1];
    for (int i = 0; i < N; i++) {
      double[] row = new double[D + 1];
      for (int j = 0; j < D; j++) {
        row[j] = features[i * D + j];
      }
      row[D] = 1;
      for (int p = 0; p <= D; p++) {
        b[p] += row[p] * targets[i];
        for (int q = 0; q <= D; q++) {
          a[p][q] += row[p] * row[q];
        }
      }
    }
    return TestFunctions.solve(a, b);
  }

  private Linear initialisedLinear() {
    Linear linear = Linear.builder().setUnits(1).build();
    linear.initialize(manager, DataType.FLOAT32, new Shape(N, D));
    return linear;
  }

  /** Mean squared error of the block on the full batch, every temporary in {@code scope}. */
  private ParameterObjective.Loss meanSquaredError(Linear linear, NDArray x, NDArray y) {
    return scope -> {
      scope.tempAttachAll(x, y);
      NDArray prediction =
          linear.forward(new ParameterStore(scope, false), new NDList(x), true).singletonOrThrow();
      return prediction.reshape(N).sub(y).square().mean();
    };
  }

  private static float[] weights(Linear linear) {
    return linear.getParameters().get("weight").getArray().toFloatArray();
  }

  private static float bias(Linear linear) {
    return linear.getParameters().get("bias").getArray().toFloatArray()[0];
  }

  @Test
  void objectiveGradientIsTheAnalyticOneAndDoesNotAccumulate() {
    Linear linear = initialisedLinear();
    NDArray x = manager.create(features, new Shape(N, D));
    NDArray y = manager.create(targets, new Shape(N));
    ParameterObjective objective = ParameterObjective.of(linear, meanSquaredError(linear, x, y));
    assertThat(objective.dimension()).isEqualTo(D + 1);
    double[] point = {0.1, -0.2, 0.3, 0, 0.5, -0.4};
    double[] gradient = new double[D + 1];
    double value = objective.evaluate(point, gradient);
    // MSE = mean(r^2), r = Xw + b - y; gradient 2/N [X 1]' r.
    double expectedValue = 0;
    double[] expected = new double[D + 1];
    for (int i = 0; i < N; i++) {
      double r = point[D] - targets[i];
      for (int j = 0; j < D; j++) {
        r += point[j] * features[i * D + j];
      }
      expectedValue += r * r / N;
      for (int j = 0; j < D; j++) {
        expected[j] += 2 * r * features[i * D + j] / N;
      }
      expected[D] += 2 * r / N;
    }
    assertThat(value).isCloseTo(expectedValue, within(1e-5 * expectedValue));
    for (int j = 0; j <= D; j++) {
      assertThat(gradient[j]).isCloseTo(expected[j], within(1e-4));
    }
    double[] again = new double[D + 1];
    objective.evaluate(point, again);
    assertThat(again).containsExactly(gradient);
    double[] read = new double[D + 1];
    objective.readParameters(read);
    for (int j = 0; j <= D; j++) {
      assertThat(read[j]).isEqualTo((float) point[j]);
    }
  }

  @Test
  void lbfgsReachesTheLeastSquaresSolutionWithoutLeakingArrays() {
    Linear linear = initialisedLinear();
    NDArray x = manager.create(features, new Shape(N, D));
    NDArray y = manager.create(targets, new Shape(N));
    ParameterObjective objective = ParameterObjective.of(linear, meanSquaredError(linear, x, y));
    NDManager modelManager = linear.getParameters().get("weight").getArray().getManager();
    List<Integer> counts = new ArrayList<>();
    Lbfgs lbfgs = Lbfgs.builder().optGradientTolerance(1e-6).optMaxIterations(100)
        .optListener(p -> counts.add(modelManager.getManagedArrays().size())).build();
    LbfgsResult result = objective.minimize(lbfgs);
    assertThat(result.reason()).isNotEqualTo(StopReason.MAX_ITERATIONS);
    assertThat(result.iterations()).isGreaterThan(3);
    float[] w = weights(linear);
    for (int j = 0; j < D; j++) {
      assertThat((double) w[j]).isCloseTo(solution[j], within(1e-4));
    }
    assertThat((double) bias(linear)).isCloseTo(solution[D], within(1e-4));
    assertThat(counts).hasSize(result.iterations()).allMatch(c -> c.equals(counts.get(0)));
  }

  @Test
  void objectiveOverTwoBlocksHoldsBothInOrderAndFitsThemTogether() {
    // prediction = A x[:, :3] + B x[:, 3:], each with a bias: the weights are the least-squares
    // ones and the biases add up to its intercept. A fixed start: from some random ones float32
    // L-BFGS stops about 1.2e-4 from the solution
    Engine.getInstance().setRandomSeed(3);
    Linear a = Linear.builder().setUnits(1).build();
    a.initialize(manager, DataType.FLOAT32, new Shape(N, 3));
    Linear b = Linear.builder().setUnits(1).build();
    b.initialize(manager, DataType.FLOAT32, new Shape(N, D - 3));
    NDArray x = manager.create(features, new Shape(N, D));
    NDArray y = manager.create(targets, new Shape(N));
    ParameterObjective.Loss loss = scope -> {
      scope.tempAttachAll(x, y);
      ParameterStore store = new ParameterStore(scope, false);
      NDArray first = a.forward(store, new NDList(x.get(":, :3")), true).singletonOrThrow();
      NDArray second = b.forward(store, new NDList(x.get(":, 3:")), true).singletonOrThrow();
      return first.add(second).reshape(N).sub(y).square().mean();
    };
    ParameterObjective objective = ParameterObjective.of(List.of(a, b), loss);

    assertThat(objective.dimension()).isEqualTo(D + 2);
    double[] read = new double[D + 2];
    objective.readParameters(read);
    float[] wa = weights(a);
    float[] wb = weights(b);
    assertThat(read).containsExactly(wa[0], wa[1], wa[2], bias(a), wb[0], wb[1], bias(b));
    objective.minimize(Lbfgs.builder().optGradientTolerance(1e-6).optMaxIterations(200).build());
    wa = weights(a);
    wb = weights(b);
    float[] w = {wa[0], wa[1], wa[2], wb[0], wb[1]};
    for (int j = 0; j < D; j++) {
      assertThat((double) w[j]).isCloseTo(solution[j], within(1e-4));
    }
    assertThat((double) bias(a) + bias(b)).isCloseTo(solution[D], within(1e-4));

    assertThatThrownBy(() -> ParameterObjective.of(List.of(a, a), loss))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
    try (NDManager other = NDManager.newBaseManager()) {
      Linear elsewhere = Linear.builder().setUnits(1).build();
      elsewhere.initialize(other, DataType.FLOAT32, new Shape(N, 3));
      assertThatThrownBy(() -> ParameterObjective.of(List.of(a, elsewhere), loss))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another manager");
    }
  }

  @Test
  void objectiveRejectsUninitialisedBlocksAndBadLengths() {
    Linear linear = Linear.builder().setUnits(1).build();
    assertThatThrownBy(() -> ParameterObjective.of(linear, scope -> null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not initialised");
    Linear ready = initialisedLinear();
    ParameterObjective objective = ParameterObjective.of(ready, scope -> scope.zeros(new Shape(2)));
    assertThatThrownBy(() -> objective.evaluate(new double[D + 1], new double[D + 1]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("one value");
    assertThatThrownBy(() -> objective.readParameters(new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x has length 2 but the parameters hold 6");
  }

  @Test
  void rpropFitsTheLeastSquaresSolutionThroughTheTrainerWithoutLeaks() {
    try (Model model = Model.newInstance("rprop")) {
      Linear linear = Linear.builder().setUnits(1).build();
      model.setBlock(linear);
      Rprop rprop = Rprop.builder().optInitialStep(0.05f).build();
      try (Trainer trainer = model.newTrainer(
          new DefaultTrainingConfig(new SquaredError()).optOptimizer(rprop))) {
        trainer.initialize(new Shape(N, D));
        NDArray x = manager.create(features, new Shape(N, D));
        NDArray y = manager.create(targets, new Shape(N, 1));
        int countAfterFirst = -1;
        for (int step = 0; step < 200; step++) {
          try (NDManager scope = manager.newSubManager()) {
            scope.tempAttachAll(x, y);
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDArray prediction = trainer.forward(new NDList(x)).singletonOrThrow();
              collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(prediction)));
            }
            trainer.step();
          }
          if (step == 0) {
            countAfterFirst = model.getNDManager().getManagedArrays().size();
          }
        }
        assertThat(model.getNDManager().getManagedArrays()).hasSize(countAfterFirst);
        for (Parameter parameter : List.of(linear.getParameters().get("weight"),
            linear.getParameters().get("bias"))) {
          assertThat(parameter.getArray().getGradient().toFloatArray()).containsOnly(0f);
        }
        float[] w = weights(linear);
        for (int j = 0; j < D; j++) {
          assertThat((double) w[j]).isCloseTo(solution[j], within(1e-3));
        }
        assertThat((double) bias(linear)).isCloseTo(solution[D], within(1e-3));
      }
    }
  }

  @Test
  void rpropStepSizesGrowToStepMaxAndShrinkToStepMin() {
    Rprop rprop = Rprop.builder().optInitialStep(0.1f).optEtaPlus(2f).optEtaMinus(0.5f)
        .optStepMin(0.04f).optStepMax(1f).build();
    NDArray w = manager.zeros(new Shape(1));
    float[] expected = {0.1f, 0.3f, 0.7f, 1.5f, 2.5f, 3.5f};
    for (float e : expected) {
      try (NDArray grad = manager.create(new float[] {-1f})) {
        rprop.update("w", w, grad);
      }
      assertThat(w.toFloatArray()[0]).isCloseTo(e, within(1e-6f));
    }
    // A sign change halves the step and skips the move; the stored gradient is then 0, so the next
    // update moves by the halved step: 0.1 -> 0.05 -> max(0.025, stepMin) = 0.04 -> 0.04.
    NDArray v = manager.zeros(new Shape(1));
    float[] signs = {1, 1, -1, -1, 1, -1, 1, -1, 1, -1, 1};
    float[] moves = {-0.1f, -0.2f, 0, 0.1f, 0, 0.05f, 0, 0.04f, 0, 0.04f, 0};
    Rprop fresh = Rprop.builder().optInitialStep(0.1f).optEtaPlus(2f).optEtaMinus(0.5f)
        .optStepMin(0.04f).optStepMax(1f).build();
    float position = 0;
    for (int k = 0; k < signs.length; k++) {
      try (NDArray grad = manager.create(new float[] {signs[k]})) {
        fresh.update("v", v, grad);
      }
      position += moves[k];
      assertThat(v.toFloatArray()[0]).as("after update %d", k).isCloseTo(position, within(1e-6f));
    }
    assertThat(manager.getManagedArrays()).hasSize(2);
  }

  @Test
  void rpropBuilderRejectsBadSettings() {
    assertThatThrownBy(() -> Rprop.builder().optEtaPlus(1f).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("etaPlus must be a finite number > 1, got 1.0");
    assertThatThrownBy(() -> Rprop.builder().optEtaMinus(1f).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("etaMinus");
    assertThatThrownBy(() -> Rprop.builder().optStepMin(2f).optStepMax(1f).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stepMax");
    assertThatThrownBy(() -> Rprop.builder().optInitialStep(100f).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialStep must be in [stepMin, stepMax] = [1.0E-6, 50.0], got 100.0");
  }
}
