package org.kernelnet.api;

/** A {@link ComponentFactory} of {@link Kernel}s, contributed by {@link KernelnetPlugin#kernels()}. */
public interface KernelFactory extends ComponentFactory<Kernel> {}
