package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The immutable, validated settings of one kernel or regulariser: an ordered map from key to a
 * {@link Double}, {@link Integer} or {@link String}. Its {@link #toString()} is {@code
 * key=value,key=value}, the part of a specification after the colon.
 */
public final class Config {
  private static final Config EMPTY = new Config(Map.of());
  private final Map<String, Object> values;

  private Config(Map<String, Object> values) {
    this.values = values;
  }

  /** No settings. */
  public static Config empty() {
    return EMPTY;
  }

  /** A builder that keeps insertion order. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates raw textual settings against the accepted keys and fills in defaults. All problems are
   * reported together.
   *
   * @param what the component being configured, for messages, e.g. {@code kernel 'rbf'}
   * @param keys the accepted settings
   * @param raw the textual values by key
   * @throws IllegalArgumentException listing every unknown key (with the accepted ones), every bad
   *     value and every missing required key
   */
  public static Config parse(String what, List<ConfigKey> keys, Map<String, String> raw) {
    requireNonNull(what, "what is null");
    requireNonNull(keys, "keys is null");
    requireNonNull(raw, "raw is null");
    Map<String, ConfigKey> byName = new LinkedHashMap<>();
    keys.forEach(k -> byName.put(k.name(), k));
    List<String> errors = new ArrayList<>();
    for (String key : raw.keySet()) {
      if (!byName.containsKey(key)) {
        errors.add(
            "unknown setting '" + key + "'; accepted: "
                + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
      }
    }
    Builder builder = builder();
    for (ConfigKey key : keys) {
      String text = raw.get(key.name());
      if (text == null) {
        if (key.isRequired()) {
          errors.add("missing required setting " + key.summary());
        } else {
          builder.put(key.name(), key.defaultValue());
        }
        continue;
      }
      try {
        builder.put(key.name(), key.parse(text));
      } catch (IllegalArgumentException e) {
        errors.add(e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid configuration of " + what + ": " + String.join("; ", errors));
    }
    return builder.build();
  }

  /** Whether there are no settings. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The settings in order. */
  public Map<String, Object> asMap() {
    return values;
  }

  /** A real setting (an integer setting is widened). */
  public double getDouble(String key) {
    return ((Number) get(key)).doubleValue();
  }

  /** An integer setting. */
  public int getInt(String key) {
    Object value = get(key);
    if (!(value instanceof Integer i)) {
      throw new IllegalArgumentException("setting '" + key + "' is not an integer: " + value);
    }
    return i;
  }

  /** A choice setting. */
  public String getString(String key) {
    return get(key).toString();
  }

  private Object get(String key) {
    Object value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("no setting '" + key + "'; have " + values.keySet());
    }
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  /** Builds a {@link Config}. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a real setting. */
    public Builder put(String key, double value) {
      return put(key, (Object) value);
    }

    /** Adds an integer setting. */
    public Builder put(String key, int value) {
      return put(key, (Object) value);
    }

    /** Adds a choice setting. */
    public Builder put(String key, String value) {
      return put(key, (Object) value);
    }

    private Builder put(String key, Object value) {
      requireNonNull(key, "key is null");
      requireNonNull(value, "value is null");
      if (values.putIfAbsent(key, value) != null) {
        throw new IllegalArgumentException("setting '" + key + "' given twice");
      }
      return this;
    }

    /** The immutable config. */
    public Config build() {
      return values.isEmpty() ? EMPTY : new Config(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }
  }
}
