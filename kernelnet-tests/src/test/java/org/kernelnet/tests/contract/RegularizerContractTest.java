package org.kernelnet.tests.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kernelnet.api.AbstractRegularizer;
import org.kernelnet.api.Config;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.api.Registered;
import org.kernelnet.api.Scalars;
import org.kernelnet.api.SparsityRegularizer;

/**
 * {@link RegularizerContract}: every registered regulariser passes it, and deliberately wrong ones
 * fail exactly the check they violate.
 */
class RegularizerContractTest {
  private final KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());

  @TestFactory
  Stream<DynamicNode> everyRegisteredRegularizerPassesTheContract() {
    assertThat(registry.regularizers()).extracting(Registered::name)
        .contains("l2", "kernel-overlap", "kernel-linear");
    return registry.regularizers().stream().map(Registered::name)
        .map(name -> DynamicContainer.dynamicContainer(name,
            RegularizerContract.testsFor(registry.regularizer(name + ":lambda=0.3"), registry)));
  }

  @Test
  void aCorrectRegularizerPassesEveryCheck() throws Throwable {
    SparsityRegularizer squares = penalty("test-squares",
        k -> k.square().sum().mul(Scalars.like(k, 0.5)));
    List<DynamicTest> tests = RegularizerContract.testsFor(squares);
    assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly(
        "test-squares finite scalar", "test-squares autograd",
        "test-squares gradient survives garbage collection");
    for (DynamicTest t : tests) {
      t.getExecutable().execute();
    }
  }

  @Test
  void aNumberFreedBeforeBackwardFailsTheGarbageCollectionCheck() {
    SparsityRegularizer leaky = penalty("number-in-penalty", k -> k.square().mul(0.5f).sum());
    assertFails(leaky, RegularizerContract.GARBAGE_COLLECTION, "after a garbage collection");
  }

  @Test
  void aPenaltyThatIsNotAScalarFailsTheScalarCheck() {
    SparsityRegularizer rows = penalty("row-sums", k -> k.square().sum(new int[] {1}));
    assertFails(rows, RegularizerContract.SCALAR, "shape of the penalty");
  }

  @Test
  void aWrongGradientFailsTheAutogradCheck() {
    // |K| through sqrt(K^2): NaN gradient at the kernel matrix's exact zeros
    SparsityRegularizer root = penalty("root-abs", k -> k.square().sqrt().sum());
    assertFails(root, RegularizerContract.AUTOGRAD, "central finite difference");
  }

  @Test
  void aPenaltyThatIgnoresTheLayerItNeedsFailsTheScalarCheck() {
    // a NullPointerException instead of the IllegalArgumentException the API asks for
    SparsityRegularizer careless = new TestRegularizer("careless",
        layer -> layer.kernelMatrix().square().sum());
    assertThatThrownBy(() -> find(RegularizerContract.testsFor(careless),
        RegularizerContract.SCALAR).getExecutable().execute())
        .isInstanceOf(NullPointerException.class);
  }

  private static SparsityRegularizer penalty(String name, Function<NDArray, NDArray> ofKernel) {
    return new TestRegularizer(name, layer -> ofKernel.apply(layer.kernel().orElseThrow(
        () -> new IllegalArgumentException(name + " needs the kernel matrix"))));
  }

  private static void assertFails(SparsityRegularizer regularizer, String check,
      String messagePart) {
    assertThatThrownBy(() -> find(RegularizerContract.testsFor(regularizer), check)
        .getExecutable().execute())
        .as("%s must fail '%s'", regularizer.spec(), check)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(messagePart);
  }

  private static DynamicTest find(List<DynamicTest> tests, String check) {
    return tests.stream().filter(t -> t.getDisplayName().endsWith(" " + check)).findFirst()
        .orElseThrow(() -> new AssertionError("no '" + check + "' check among " + tests));
  }

  /** A regulariser assembled from a lambda. */
  private static final class TestRegularizer extends AbstractRegularizer {
    private final Function<LayerMatrices, NDArray> penalty;

    TestRegularizer(String name, Function<LayerMatrices, NDArray> penalty) {
      super(name, Config.empty());
      this.penalty = penalty;
    }

    @Override
    public NDArray penalty(LayerMatrices layer) {
      return penalty.apply(layer);
    }
  }
}
