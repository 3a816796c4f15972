package org.kernelnet.api.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kernelnet.api.ComponentFactory;
import org.kernelnet.api.ComponentSpec;
import org.kernelnet.api.Config;
import org.kernelnet.api.PluginSource;
import org.kernelnet.api.Registered;

/**
 * The factories of one kind (kernels or regularisers) by name: collects contributions, reports
 * duplicate and malformed names, and creates components from specifications.
 *
 * @param <T> the component type
 * @param <F> the factory type
 */
public final class Catalog<T, F extends ComponentFactory<T>> {
  private final String kind;
  private final Map<String, Registered<F>> byName;

  private Catalog(String kind, Map<String, Registered<F>> byName) {
    this.kind = kind;
    this.byName = byName;
  }

  /** Collects factories of one kind, recording problems instead of throwing. */
  public static final class Collector<T, F extends ComponentFactory<T>> {
    private final String kind;
    private final Map<String, Registered<F>> byName = new TreeMap<>();

    /** @param kind {@code kernel} or {@code regularizer}, for messages */
    public Collector(String kind) {
      this.kind = kind;
    }

    /** Adds one factory; a bad or duplicate name is added to {@code problems}. */
    public void add(F factory, PluginSource source, List<String> problems) {
      if (factory == null) {
        problems.add("plugin " + source + " returned a null " + kind + " factory");
        return;
      }
      String name;
      try {
        name = factory.name();
      } catch (RuntimeException e) {
        problems.add(kind + " factory " + factory.getClass().getName() + " from " + source
            + " failed in name(): " + e);
        return;
      }
      if (name == null || !name.matches("[a-z][a-z0-9_.-]*")) {
        problems.add(kind + " factory " + factory.getClass().getName() + " from " + source
            + " has an invalid name '" + name + "' (must match [a-z][a-z0-9_.-]*)");
        return;
      }
      Registered<F> previous = byName.get(name);
      if (previous != null) {
        problems.add(capitalized(kind) + " '" + name + "' is already registered: "
            + previous.factory().getClass().getName() + " from " + previous.source().location()
            + " and " + factory.getClass().getName() + " from " + source.location());
        return;
      }
      byName.put(name, new Registered<>(factory, source));
    }

    /** The immutable catalog. */
    public Catalog<T, F> build() {
      return new Catalog<>(kind, Collections.unmodifiableMap(new TreeMap<>(byName)));
    }

    private static String capitalized(String s) {
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }

  /** All entries, sorted by name. */
  public List<Registered<F>> entries() {
    return List.copyOf(byName.values());
  }

  /**
   * The factory registered under {@code name}.
   *
   * @throws IllegalArgumentException listing the known names if there is none
   */
  public Registered<F> get(String name) {
    Registered<F> entry = byName.get(name);
    if (entry == null) {
      throw new IllegalArgumentException(
          "Unknown " + kind + " '" + name + "'; available: "
              + (byName.isEmpty() ? "none (the built-in kernels and regularizers are in"
                  + " org.kernelnet:kernelnet-kernels: is it on the class path?)"
                  : String.join(", ", byName.keySet())));
    }
    return entry;
  }

  /**
   * Creates a component from a specification such as {@code rbf:gamma=0.5}.
   *
   * @throws IllegalArgumentException for an unknown name or invalid settings
   */
  public T create(String spec) {
    ComponentSpec parsed = ComponentSpec.parse(spec);
    Registered<F> registered = get(parsed.name());
    F factory = registered.factory();
    Config config =
        Config.parse(kind + " '" + parsed.name() + "'", factory.configKeys(), parsed.settings());
    T component;
    try {
      component = factory.create(config);
    } catch (IllegalArgumentException e) {
      throw e; // a setting the component refuses: the user's to fix, said by the component
    } catch (RuntimeException e) {
      throw new IllegalStateException(kind + " '" + parsed.name() + "' of plugin "
          + registered.source() + " failed to build from '" + spec + "': " + e, e);
    }
    if (component == null) {
      throw new IllegalStateException(kind + " factory '" + parsed.name() + "' ("
          + factory.getClass().getName() + ") of plugin " + registered.source() + " returned null");
    }
    return component;
  }
}
