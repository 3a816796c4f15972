/**
 * The built-in kernels and sparsity regularisers of kernelnet. They are contributed by {@link
 * org.kernelnet.kernels.BuiltinPlugin} through {@code META-INF/services}, exactly as a third-party
 * plugin contributes its own.
 */
package org.kernelnet.kernels;
