package org.kernelnet.api;

/**
 * Turns a kernel specification such as {@code rbf:gamma=0.5} back into a {@link Kernel}; {@link
 * KernelnetRegistry} is the implementation. A saved kernel layer stores {@link Kernel#spec()} and uses
 * a resolver to rebuild its kernel on load.
 */
@FunctionalInterface
public interface KernelResolver {
  /**
   * @throws IllegalArgumentException if no kernel has that name (listing the known ones) or the
   *     settings are invalid
   */
  Kernel kernel(String spec);
}
