package org.kernelnet.api.internal;

import static java.util.Objects.requireNonNull;

import org.kernelnet.api.Config;

/**
 * Value semantics shared by kernels and regularisers: identity is the name plus the config, and the
 * string form is the specification, e.g. {@code rbf:gamma=0.5}.
 */
public abstract class ConfiguredComponent {
  private final String name;
  private final Config config;

  protected ConfiguredComponent(String name, Config config) {
    this.name = requireNonNull(name, "name is null");
    this.config = requireNonNull(config, "config is null");
  }

  /** The registered name. */
  public final String name() {
    return name;
  }

  /** The full configuration. */
  public final Config config() {
    return config;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && name.equals(((ConfiguredComponent) o).name)
        && config.equals(((ConfiguredComponent) o).config);
  }

  @Override
  public final int hashCode() {
    return 31 * name.hashCode() + config.hashCode();
  }

  /** {@code name(key=value,...)}, e.g. {@code rbf(gamma=0.5)}. */
  @Override
  public final String toString() {
    return name + "(" + config + ")";
  }
}
