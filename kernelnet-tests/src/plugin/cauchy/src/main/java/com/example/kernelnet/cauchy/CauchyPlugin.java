package com.example.kernelnet.cauchy;

import java.util.List;
import org.kernelnet.api.BuiltForApi;
import org.kernelnet.api.KernelFactory;
import org.kernelnet.api.KernelnetApi;
import org.kernelnet.api.KernelnetPlugin;

/** Contributes the {@link CauchyKernel}. */
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
}
