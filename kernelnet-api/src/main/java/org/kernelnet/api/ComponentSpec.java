package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed specification {@code name} or {@code name:key=value,key=value}, as users write kernels and
 * regularisers on the command line (e.g. {@code rbf:gamma=0.5}). Whitespace around names, keys and
 * values is ignored.
 *
 * @param name the component name
 * @param settings the raw textual settings, in the order written
 */
public record ComponentSpec(String name, Map<String, String> settings) {

  /** Copies the settings. */
  public ComponentSpec {
    requireNonNull(name, "name is null");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /**
   * Parses a specification.
   *
   * @throws IllegalArgumentException if it is empty, a setting lacks '=', or a key repeats
   */
  public static ComponentSpec parse(String spec) {
    requireNonNull(spec, "spec is null");
    int colon = spec.indexOf(':');
    String name = (colon < 0 ? spec : spec.substring(0, colon)).trim();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("Specification '" + spec + "' has no name; expected name or name:key=value,...");
    }
    Map<String, String> settings = new LinkedHashMap<>();
    if (colon >= 0) {
      String rest = spec.substring(colon + 1);
      if (!rest.isBlank()) {
        for (String part : rest.split(",", -1)) {
          int eq = part.indexOf('=');
          if (eq <= 0 || part.substring(0, eq).isBlank()) {
            throw new IllegalArgumentException(
                "Malformed setting '" + part.trim() + "' in '" + spec + "'; expected key=value");
          }
          String key = part.substring(0, eq).trim();
          if (settings.put(key, part.substring(eq + 1).trim()) != null) {
            throw new IllegalArgumentException("Setting '" + key + "' given twice in '" + spec + "'");
          }
        }
      }
    }
    return new ComponentSpec(name, settings);
  }
}
