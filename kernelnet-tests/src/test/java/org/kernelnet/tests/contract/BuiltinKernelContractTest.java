package org.kernelnet.tests.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kernelnet.api.ComponentSpec;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.Registered;

/**
 * Runs {@link KernelContract} over every kernel registered on the test class path: each one built
 * with its defaults (when it has no required setting), plus {@link #NON_DEFAULT_SPECS}. A registered
 * kernel that is covered by neither fails the {@code coverage} test.
 */
class BuiltinKernelContractTest {
  /** Non-default settings, including every distance and profile of {@code radial}. */
  static final List<String> NON_DEFAULT_SPECS = List.of(
      "rbf:gamma=0.1",
      "poly:degree=3,offset=0.5",
      "poly:degree=1,offset=0",
      "radial:distance=euclidean,profile=exponential",
      "radial:distance=euclidean,profile=inverse-multiquadric",
      "radial:distance=sqeuclidean,profile=gaussian",
      "radial:distance=sqeuclidean,profile=exponential",
      "radial:distance=sqeuclidean,profile=inverse-multiquadric",
      "radial:scale=2.5,length=0.7,distance=euclidean,profile=gaussian",
      "hat:a=2,distance=sqeuclidean",
      "hat:a=0.5",
      "tanh:scale=0.5,offset=0.1",
      "sqexp:length=3");

  private final KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());

  @TestFactory
  Stream<DynamicNode> everyRegisteredKernelPassesTheContract() {
    List<String> specs = new ArrayList<>();
    for (Registered<KernelFactory> entry : registry.kernels()) {
      if (entry.factory().configKeys().stream().noneMatch(k -> k.isRequired())) {
        specs.add(entry.name());
      }
    }
    specs.addAll(NON_DEFAULT_SPECS);
    Set<String> covered = new TreeSet<>();
    specs.forEach(s -> covered.add(ComponentSpec.parse(s).name()));
    Set<String> registered = new TreeSet<>();
    registry.kernels().forEach(r -> registered.add(r.name()));

    DynamicTest coverage = DynamicTest.dynamicTest("coverage", () -> {
      assertThat(covered)
          .as("kernels covered by the contract test (a kernel with a required setting needs an entry"
              + " in NON_DEFAULT_SPECS)")
          .containsAll(registered);
      assertThat(registered).as("kernels named in NON_DEFAULT_SPECS must be registered")
          .containsAll(covered);
    });
    Stream<DynamicNode> contracts = specs.stream()
        .map(spec -> DynamicContainer.dynamicContainer(
            spec, KernelContract.testsFor(registry.kernel(spec), registry)));
    return Stream.concat(Stream.of(coverage), contracts);
  }

  @Test
  void theBuiltinsAreAllOnTheClassPath() {
    assertThat(registry.kernels()).extracting(Registered::name)
        .contains("dot", "rbf", "poly", "radial", "hat", "hat-sq", "tanh", "sqexp");
  }
}
