/**
 * The kernelnet plugin SPI: {@link org.kernelnet.api.Kernel kernels} and {@link
 * org.kernelnet.api.SparsityRegularizer sparsity regularisers}, the {@link
 * org.kernelnet.api.KernelnetPlugin plugin root} that contributes their factories, and the immutable
 * {@link org.kernelnet.api.KernelnetRegistry registry} that finds plugins with {@link
 * java.util.ServiceLoader}.
 *
 * <p>This module depends on DJL's {@code api} only, so a plugin author compiles against it alone.
 */
package org.kernelnet.api;
