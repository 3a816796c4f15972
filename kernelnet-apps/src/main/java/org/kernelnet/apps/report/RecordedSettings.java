package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * The settings a resumable run started with, recorded in its folder as {@value #FILE} so that
 * {@code --resume} continues only the same run: {@link RunFolder#open} refuses a resumed run whose
 * settings differ from the recorded ones, naming every differing setting with both values, before
 * it touches the folder.
 *
 * <p>Settings are compared as the JSON {@link ResultsWriter#gson()} makes of them, setting by
 * setting: a nested value is named by its path ({@code models[0].kernel}).
 */
public final class RecordedSettings {
  /** The file in the run folder. */
  public static final String FILE = "settings.json";

  private RecordedSettings() {}

  /** The text {@value #FILE} records for {@code settings}, a configuration record. */
  static String json(Object settings) {
    return ResultsWriter.gson().toJson(requireNonNull(settings, "settings is null"))
        + System.lineSeparator();
  }

  /**
   * Checks the settings of a run that continues the run in {@code folder} against those it
   * recorded; a folder without the file (a run killed before it wrote it) passes.
   *
   * @param json the resumed run's settings, as {@link #json} makes them
   * @throws ConfigurationException if the recorded settings differ (each difference named) or
   *     cannot be read (the file and the reason named)
   */
  static void checkResumed(Path folder, String json) {
    Path file = folder.resolve(FILE);
    if (!Files.exists(file)) {
      return;
    }
    List<String> differences = differences(read(file), JsonParser.parseString(json));
    if (!differences.isEmpty()) {
      throw new ConfigurationException("--resume: the run in " + folder
          + " was started with other settings (" + FILE + "): " + String.join("; ", differences)
          + "; resume it with the options it was started with (its " + RunFolder.STATUS_FILE
          + " lists them), or choose another --output");
    }
  }

  private static JsonElement read(Path file) {
    try {
      return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException("--resume: " + IoErrors.message("read", file, e));
    } catch (JsonParseException e) {
      throw new ConfigurationException("--resume: cannot read " + file + ": not the JSON a run"
          + " records (" + e.getMessage() + ")");
    }
  }

  /** Each setting whose value differs, as {@code name: recorded R, given G}. */
  static List<String> differences(JsonElement recorded, JsonElement given) {
    Map<String, String> before = flatten(recorded);
    Map<String, String> now = flatten(given);
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(now.keySet());
    List<String> out = new ArrayList<>();
    for (String name : names) {
      String a = before.getOrDefault(name, "(none)");
      String b = now.getOrDefault(name, "(none)");
      if (!Objects.equals(a, b)) {
        out.add(name + ": recorded " + a + ", given " + b);
      }
    }
    return out;
  }

  /** Every leaf of {@code json} by its path, with its JSON text. */
  private static Map<String, String> flatten(JsonElement json) {
    Map<String, String> leaves = new LinkedHashMap<>();
    flatten("", json, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonElement json, Map<String, String> leaves) {
    if (json.isJsonObject()) {
      json.getAsJsonObject().entrySet().forEach(e ->
          flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), leaves));
    } else if (json.isJsonArray()) {
      for (int i = 0; i < json.getAsJsonArray().size(); i++) {
        flatten(path + "[" + i + "]", json.getAsJsonArray().get(i), leaves);
      }
      if (json.getAsJsonArray().isEmpty()) {
        leaves.put(path, "[]");
      }
    } else {
      leaves.put(path, json.toString());
    }
  }
}
