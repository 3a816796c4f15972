package org.kernelnet.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One setting a {@link ComponentFactory} accepts: its name, type, valid values and default.
 *
 * <p>Build with {@link #ofDouble}, {@link #ofInt} or {@link #ofChoice}. A null default makes the
 * setting required.
 *
 * @param name the key as written in a specification, e.g. {@code gamma}
 * @param type the value type
 * @param defaultValue the default ({@link Double}, {@link Integer} or {@link String}), or null if
 *     required
 * @param range the valid interval for numbers, or null for choices
 * @param choices the valid values for choices, empty for numbers
 * @param description one line for users
 */
public record ConfigKey(
    String name,
    Type type,
    Object defaultValue,
    Range range,
    List<String> choices,
    String description) {

  /** The value type of a setting. */
  public enum Type {
    DOUBLE,
    INT,
    CHOICE
  }

  /** Validates the record. */
  public ConfigKey {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(choices, "choices is null");
    requireNonNull(description, "description is null");
    if (!name.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "setting name must match [a-z][a-z0-9_-]*, got '" + name + "'");
    }
    choices = List.copyOf(choices);
    if (type == Type.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("choice setting '" + name + "' has no choices");
    }
    if (type != Type.CHOICE && range == null) {
      throw new IllegalArgumentException("numeric setting '" + name + "' has no range");
    }
    if (defaultValue != null) {
      String error = check(type, range, choices, defaultValue);
      if (error != null) {
        throw new IllegalArgumentException("default of setting '" + name + "': " + error);
      }
    }
  }

  /** A real-valued setting in {@code range}. */
  public static ConfigKey ofDouble(
      String name, Double defaultValue, Range range, String description) {
    return new ConfigKey(name, Type.DOUBLE, defaultValue, range, List.of(), description);
  }

  /** An integer setting in {@code range}. */
  public static ConfigKey ofInt(String name, Integer defaultValue, Range range, String description) {
    return new ConfigKey(name, Type.INT, defaultValue, range, List.of(), description);
  }

  /** A setting that takes one of {@code choices}. */
  public static ConfigKey ofChoice(
      String name, String defaultValue, List<String> choices, String description) {
    return new ConfigKey(name, Type.CHOICE, defaultValue, null, choices, description);
  }

  /** Whether the setting has no default. */
  public boolean isRequired() {
    return defaultValue == null;
  }

  /**
   * Parses a textual value.
   *
   * @return the value as {@link Double}, {@link Integer} or {@link String}
   * @throws IllegalArgumentException naming the setting, the bad text and what is accepted
   */
  public Object parse(String text) {
    requireNonNull(text, "text is null");
    String trimmed = text.trim();
    Object value;
    try {
      value =
          switch (type) {
            case DOUBLE -> Double.parseDouble(trimmed);
            case INT -> Integer.parseInt(trimmed);
            case CHOICE -> trimmed;
          };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + name + "' must be " + (type == Type.INT ? "an integer" : "a number") + ", got '"
              + text + "'");
    }
    String error = validate(value);
    if (error != null) {
      throw new IllegalArgumentException("'" + name + "' " + error);
    }
    return value;
  }

  /** Returns null if {@code value} is valid for this setting, else what is wrong with it. */
  String validate(Object value) {
    return check(type, range, choices, value);
  }

  private static String check(Type type, Range range, List<String> choices, Object value) {
    switch (type) {
      case DOUBLE, INT -> {
        boolean typeOk = type == Type.DOUBLE ? value instanceof Double : value instanceof Integer;
        if (!typeOk) {
          return "must be " + (type == Type.INT ? "an integer" : "a number") + ", got " + value;
        }
        double x = ((Number) value).doubleValue();
        if (!range.contains(x)) {
          return "must be in " + range + ", got " + value;
        }
        return null;
      }
      case CHOICE -> {
        return choices.contains(value) ? null : "must be one of " + choices + ", got '" + value + "'";
      }
      default -> throw new AssertionError(type);
    }
  }

  /** A readable summary, e.g. {@code gamma (number in (0, inf), default 1.0): RBF width}. */
  public String summary() {
    String what =
        switch (type) {
          case DOUBLE -> "number in " + range;
          case INT -> "integer in " + range;
          case CHOICE -> "one of " + String.join("|", choices);
        };
    String def = isRequired() ? "required" : "default " + defaultValue;
    return name + " (" + what + ", " + def + "): " + description;
  }

  /**
   * A real interval with open or closed ends; infinite ends are open.
   *
   * @param min lower end
   * @param minInclusive whether min itself is allowed
   * @param max upper end
   * @param maxInclusive whether max itself is allowed
   */
  public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {
    /** {@code (0, inf)}. */
    public static Range positive() {
      return new Range(0, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code [0, inf)}. */
    public static Range nonNegative() {
      return new Range(0, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code [min, inf)}. */
    public static Range atLeast(double min) {
      return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** All finite reals. */
    public static Range finite() {
      return new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code [min, max]}. */
    public static Range closed(double min, double max) {
      return new Range(min, true, max, true);
    }

    /** Whether x lies in the interval (NaN never does). */
    public boolean contains(double x) {
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        return false;
      }
      boolean aboveMin = minInclusive ? x >= min : x > min;
      boolean belowMax = maxInclusive ? x <= max : x < max;
      return aboveMin && belowMax;
    }

    @Override
    public String toString() {
      return (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + (maxInclusive ? "]" : ")");
    }

    private static String format(double x) {
      if (Double.isInfinite(x)) {
        return x > 0 ? "inf" : "-inf";
      }
      return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
  }
}
