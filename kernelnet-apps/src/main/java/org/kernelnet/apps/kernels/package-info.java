/**
 * The {@code kernelnet kernels} command, the smallest application of the pattern described in
 * {@link org.kernelnet.apps.inject}: {@link org.kernelnet.apps.kernels.KernelsCommand} (options),
 * {@link org.kernelnet.apps.kernels.KernelsConfig} (the configuration record), {@link
 * org.kernelnet.apps.kernels.KernelsModule} (its Guice module) and {@code KernelsApp} (the work:
 * listing every kernel and regulariser with its settings, default properties and origin, as text or
 * JSON).
 */
package org.kernelnet.apps.kernels;
