package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

/**
 * A factory in the registry together with the plugin that contributed it.
 *
 * @param factory the kernel or regulariser factory
 * @param source the plugin and jar it came from
 * @param <F> the factory type
 */
public record Registered<F extends ComponentFactory<?>>(F factory, PluginSource source) {
  /** Validates the record. */
  public Registered {
    requireNonNull(factory, "factory is null");
    requireNonNull(source, "source is null");
  }

  /** The factory's name. */
  public String name() {
    return factory.name();
  }
}
