package org.kernelnet.djl.nn.internal;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelResolver;

/** Checks of saved block metadata against the block being loaded; messages say expected vs found. */
public final class Formats {
  private Formats() {}

  /**
   * @throws MalformedModelException if the saved format version is not the one this build reads
   */
  public static void checkVersion(String block, byte expected, byte found)
      throws MalformedModelException {
    if (expected != found) {
      throw new MalformedModelException(
          "Cannot load " + block + ": unsupported saved format version " + found
              + " (expected version " + expected + ")");
    }
  }

  /**
   * @throws MalformedModelException if a saved architecture value differs from this block's
   */
  public static void checkSame(String block, String what, Object expected, Object found)
      throws MalformedModelException {
    if (!expected.equals(found)) {
      throw new MalformedModelException(
          "Cannot load " + block + ": saved " + what + " does not match this block (expected "
              + expected + ", found " + found + ")");
    }
  }

  /**
   * The kernel a saved block names, restored through {@code resolver}.
   *
   * @throws MalformedModelException if there is no resolver or it cannot resolve {@code spec}
   */
  public static Kernel resolveKernel(String block, KernelResolver resolver, String spec)
      throws MalformedModelException {
    if (resolver == null) {
      throw new MalformedModelException(
          "Cannot load " + block + ": it has neither a kernel nor a resolver for the saved kernel '"
              + spec + "'");
    }
    try {
      return requireNonNull(resolver.kernel(spec), "resolver returned null");
    } catch (IllegalArgumentException e) {
      throw new MalformedModelException(
          "Cannot load " + block + ": saved kernel '" + spec + "' cannot be resolved: "
              + e.getMessage(), e);
    }
  }
}
