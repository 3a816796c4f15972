package org.kernelnet.apps.kernels;

import static java.util.Objects.requireNonNull;

/**
 * The configuration of the {@code kernels} application.
 *
 * @param format how the listing is written
 */
public record KernelsConfig(Format format) {
  /** How the listing is written. */
  public enum Format {
    /** Aligned text for people. */
    TEXT,
    /** One JSON document for programs. */
    JSON
  }

  /** Validates the record. */
  public KernelsConfig {
    requireNonNull(format, "format is null");
  }
}
