package org.kernelnet.djl;

import ai.djl.ndarray.NDArray;
import java.util.EnumSet;
import org.kernelnet.api.AbstractKernel;
import org.kernelnet.api.Config;
import org.kernelnet.api.KernelProperty;
import org.kernelnet.api.KernelResolver;
import org.kernelnet.api.KernelnetRegistry;

/** Kernels and a resolver for tests. */
public final class TestKernels {
  private static final KernelnetRegistry REGISTRY =
      KernelnetRegistry.load(TestKernels.class.getClassLoader());

  private TestKernels() {}

  /** The built-in kernels (dot, rbf) plus {@code bump}. */
  public static KernelResolver resolver() {
    return spec -> spec.equals(BumpKernel.NAME) ? new BumpKernel() : REGISTRY.kernel(spec);
  }

  /** A finite-support kernel local to the tests: {@code max(0, 1 - ||u - v||^2)}. */
  public static final class BumpKernel extends AbstractKernel {
    public static final String NAME = "bump";

    public BumpKernel() {
      super(NAME, Config.empty(), EnumSet.of(KernelProperty.SYMMETRIC, KernelProperty.FINITE_SUPPORT));
    }

    @Override
    public NDArray gram(NDArray u, NDArray v) {
      checkLocations(u, v);
      NDArray d2 = u.expandDims(1).sub(v.expandDims(0)).square().sum(new int[] {2});
      return d2.neg().add(1).maximum(0);
    }

    @Override
    public double evaluate(double[] u, double[] v) {
      checkPoints(u, v);
      double d2 = 0;
      for (int i = 0; i < u.length; i++) {
        d2 += (u[i] - v[i]) * (u[i] - v[i]);
      }
      return Math.max(0, 1 - d2);
    }
  }
}
