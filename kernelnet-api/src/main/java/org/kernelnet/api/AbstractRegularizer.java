package org.kernelnet.api;

import org.kernelnet.api.internal.ConfiguredComponent;

/**
 * Base class for regularisers: value semantics from the name and {@link Config}, {@code toString}
 * such as {@code kernel-overlap(lambda=0.013)}.
 */
public abstract class AbstractRegularizer extends ConfiguredComponent implements SparsityRegularizer {
  protected AbstractRegularizer(String name, Config config) {
    super(name, config);
  }
}
