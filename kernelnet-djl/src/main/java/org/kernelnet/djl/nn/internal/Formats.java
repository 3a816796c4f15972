package org.kernelnet.djl.nn.internal;

import ai.djl.MalformedModelException;

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
}
