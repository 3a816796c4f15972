package org.kernelnet.apps;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** A run's JSON results without what differs between two runs of the same settings. */
final class ResultsJson {
  private ResultsJson() {}

  /** The JSON of {@code file} without the members named {@code keys}, at any depth. */
  static JsonElement without(Path file, Set<String> keys) throws IOException {
    JsonElement json = JsonParser.parseString(Files.readString(file));
    strip(json, keys);
    return json;
  }

  private static void strip(JsonElement json, Set<String> keys) {
    if (json.isJsonObject()) {
      keys.forEach(json.getAsJsonObject()::remove);
      json.getAsJsonObject().entrySet().forEach(e -> strip(e.getValue(), keys));
    } else if (json.isJsonArray()) {
      json.getAsJsonArray().forEach(e -> strip(e, keys));
    }
  }
}
