package com.example.kernelnet.cauchy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.tests.contract.KernelContract;

class CauchyKernelTest {
  @TestFactory
  List<DynamicTest> cauchyPassesTheKernelContract() {
    KernelnetRegistry registry = KernelnetRegistry.load(getClass().getClassLoader());
    List<DynamicTest> tests = new ArrayList<>();
    for (String spec : List.of("cauchy", "cauchy:gamma=2.5")) {
      tests.addAll(KernelContract.testsFor(registry.kernel(spec), registry));
    }
    return tests;
  }
}
