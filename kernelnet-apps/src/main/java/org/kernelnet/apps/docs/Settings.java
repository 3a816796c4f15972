package org.kernelnet.apps.docs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run's configuration as flat {@code key=value} settings ({@code models.0.lambda2=30.0}, {@code
 * run.seed=42}), and what tells the runs of one table apart: the settings whose values differ
 * between them. Where a run wrote its files ({@code output}, {@code save}, {@code cache}) is never
 * a setting.
 */
final class Settings {
  private static final Set<String> LOCATIONS = Set.of("output", "save", "cache");

  private Settings() {}

  /** The configuration's leaves by dotted key, in the file's order; null leaves are left out. */
  static Map<String, String> flatten(JsonObject configuration) {
    Map<String, String> settings = new LinkedHashMap<>();
    flatten("", configuration, settings);
    return settings;
  }

  private static void flatten(String prefix, JsonElement value, Map<String, String> settings) {
    if (value.isJsonObject()) {
      for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
        if (!LOCATIONS.contains(member.getKey())) {
          flatten(prefix + member.getKey() + ".", member.getValue(), settings);
        }
      }
    } else if (value.isJsonArray()) {
      List<JsonElement> elements = value.getAsJsonArray().asList();
      for (int i = 0; i < elements.size(); i++) {
        flatten(prefix + i + ".", elements.get(i), settings);
      }
    } else if (!value.isJsonNull()) { // a setting that is null is one the run does not have
      settings.put(prefix.substring(0, prefix.length() - 1), value.getAsString());
    }
  }

  /**
   * The name of a setting: the last part of its key that is not an array index ({@code lambda2} for
   * {@code models.0.lambda2}, {@code forms} for {@code forms.1}).
   */
  static String name(String key) {
    String[] parts = key.split("\\.");
    for (int i = parts.length - 1; i > 0; i--) {
      if (!parts[i].chars().allMatch(Character::isDigit)) {
        return parts[i];
      }
    }
    return parts[0];
  }

  /**
   * For each configuration, its settings whose value is not the same in all of them, as {@code
   * key=value, ...} (empty when they all agree); keys whose {@link #name} is in {@code ignored} are
   * left out.
   */
  static List<String> differences(List<JsonObject> configurations, Set<String> ignored) {
    List<Map<String, String>> flat = configurations.stream().map(Settings::flatten).toList();
    Set<String> keys = new LinkedHashSet<>();
    flat.forEach(settings -> keys.addAll(settings.keySet()));
    List<String> differing = keys.stream()
        .filter(key -> !ignored.contains(name(key)))
        .filter(key -> flat.stream().map(settings -> settings.get(key)).distinct().count() > 1)
        .toList();
    List<String> cells = new ArrayList<>();
    for (Map<String, String> settings : flat) {
      cells.add(differing.stream().filter(settings::containsKey)
          .map(key -> key + "=" + settings.get(key)).collect(Collectors.joining(", ")));
    }
    return cells;
  }
}
