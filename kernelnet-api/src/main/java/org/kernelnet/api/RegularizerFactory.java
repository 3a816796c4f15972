package org.kernelnet.api;

/**
 * A {@link ComponentFactory} of {@link SparsityRegularizer}s, contributed by {@link
 * KernelnetPlugin#regularizers()}.
 */
public interface RegularizerFactory extends ComponentFactory<SparsityRegularizer> {}
