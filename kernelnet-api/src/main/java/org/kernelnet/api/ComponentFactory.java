package org.kernelnet.api;

import java.util.List;

/**
 * Builds one kind of named, configurable component (a kernel or a regulariser) from a validated
 * {@link Config}. The registry parses a specification such as {@code rbf:gamma=0.5}, checks every key
 * and value against {@link #configKeys()} (reporting unknown keys with the accepted ones), and only
 * then calls {@link #create(Config)}.
 *
 * @param <T> the component type
 */
public interface ComponentFactory<T> {
  /** The unique name users select this component by, e.g. {@code rbf}; lower case, no ':' or ','. */
  String name();

  /** One line saying what the component computes, with its formula. */
  String description();

  /** The settings this component accepts, with types, ranges and defaults. */
  List<ConfigKey> configKeys();

  /**
   * Builds the component.
   *
   * @param config values for exactly {@link #configKeys()}, already type- and range-checked, defaults
   *     filled in
   */
  T create(Config config);
}
