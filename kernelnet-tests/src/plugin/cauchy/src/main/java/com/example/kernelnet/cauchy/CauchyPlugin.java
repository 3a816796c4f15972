package com.example.kernelnet.cauchy;

import java.util.List;
import org.kernelnet.api.BuiltForApi;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelnetApi;
import org.kernelnet.api.KernelnetPlugin;
import org.kernelnet.api.RegularizerFactory;

/** Contributes the {@link CauchyKernel} and the {@link KernelLogRegularizer}. */
@BuiltForApi(KernelnetApi.VERSION)
public final class CauchyPlugin implements KernelnetPlugin {
  @Override
  public String name() {
    return "cauchy-example";
  }

  @Override
  public List<KernelFactory> kernels() {
    return List.of(new CauchyKernel.Factory());
  }

  @Override
  public List<RegularizerFactory> regularizers() {
    return List.of(new KernelLogRegularizer.Factory());
  }
}
