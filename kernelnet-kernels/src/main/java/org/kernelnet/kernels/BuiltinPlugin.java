package org.kernelnet.kernels;

import java.util.List;
import org.kernelnet.api.BuiltForApi;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelnetApi;
import org.kernelnet.api.KernelnetPlugin;
import org.kernelnet.api.RegularizerFactory;

/**
 * The kernels and regularisers that ship with kernelnet, registered through {@code
 * META-INF/services/org.kernelnet.api.KernelnetPlugin} like any third-party plugin.
 */
@BuiltForApi(KernelnetApi.VERSION)
public final class BuiltinPlugin implements KernelnetPlugin {
  @Override
  public String name() {
    return "kernelnet-builtin";
  }

  @Override
  public List<KernelFactory> kernels() {
    return List.of(
        new DotKernel.Factory(),
        new RbfKernel.Factory(),
        new PolynomialKernel.Factory(),
        new RadialKernel.Factory(),
        new HatKernel.Factory(),
        new SquaredHatKernel.Factory(),
        new TanhKernel.Factory(),
        new SquaredExponentialKernel.Factory());
  }

  @Override
  public List<RegularizerFactory> regularizers() {
    return List.of(
        new L2Regularizer.Factory(),
        new KernelOverlapRegularizer.Factory(),
        new KernelLinearRegularizer.Factory());
  }
}
