package com.example.kernelnet.cauchy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.tests.contract.KernelContract;
import org.kernelnet.tests.contract.RegularizerContract;

class CauchyKernelTest {
  private final KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());

  @TestFactory
  List<DynamicTest> cauchyPassesTheKernelContract() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String spec : List.of("cauchy", "cauchy:gamma=2.5")) {
      tests.addAll(KernelContract.testsFor(registry.kernel(spec), registry));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> kernelLogPassesTheRegularizerContract() {
    return RegularizerContract.testsFor(registry.regularizer("kernel-log:lambda=0.5"), registry);
  }
}
