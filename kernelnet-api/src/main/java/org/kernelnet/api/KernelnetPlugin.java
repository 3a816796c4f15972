package org.kernelnet.api;

import java.util.List;

/**
 * The root of a kernelnet plugin, found with {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/org.kernelnet.api.KernelnetPlugin} and annotate it with {@link
 * BuiltForApi @BuiltForApi(KernelnetApi.VERSION)}.
 *
 * <p>Every method is a {@code default} returning nothing, so a plugin overrides only what it
 * contributes, and a later SPI version can add kinds of contribution without breaking old plugins.
 *
 * <pre>{@code
 * @BuiltForApi(KernelnetApi.VERSION)
 * public final class CauchyPlugin implements KernelnetPlugin {
 *   public List<KernelFactory> kernels() { return List.of(new CauchyKernelFactory()); }
 * }
 * }</pre>
 */
public interface KernelnetPlugin {
  /** A human-readable name, shown by {@code kernelnet kernels}; defaults to the class's simple name. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** The kernel factories this plugin contributes. */
  default List<KernelFactory> kernels() {
    return List.of();
  }

  /** The sparsity regulariser factories this plugin contributes. */
  default List<RegularizerFactory> regularizers() {
    return List.of();
  }
}
