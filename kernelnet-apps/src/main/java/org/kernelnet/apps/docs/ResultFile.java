package org.kernelnet.apps.docs;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One result file named by a page: the JSON a run wrote ({@code results.json}, {@code
 * grid-prior.json}, {@code benchmark.json}, ...), read whole, with the reference under which the
 * page names it.
 *
 * @param reference the path as the page writes it, relative to the page's folder (also the link
 *     target in the table)
 * @param json the file's content
 */
record ResultFile(String reference, JsonObject json) {
  /** Validates the record. */
  ResultFile {
    requireNonNull(reference, "reference is null");
    requireNonNull(json, "json is null");
  }

  /**
   * Reads {@code file}. Non-finite numbers written as {@code NaN} or {@code Infinity} are accepted,
   * as the result writers produce them.
   *
   * @throws UncheckedIOException naming the file and the reason if it cannot be read
   * @throws IllegalArgumentException naming the file if it is not a JSON object
   */
  static ResultFile read(String reference, Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e, e);
    }
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          "cannot read " + file + ": not valid JSON: " + e.getMessage(), e);
    }
    if (!root.isJsonObject()) {
      throw new IllegalArgumentException("cannot read " + file + ": not a JSON object");
    }
    return new ResultFile(reference, root.getAsJsonObject());
  }

  /** The file's name without {@code .json}, as the table shows it. */
  String name() {
    String file = reference.substring(reference.lastIndexOf('/') + 1);
    return file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
  }

  /** A Markdown link to the file, labelled with its {@link #name}. */
  String link() {
    return "[" + name() + "](" + reference + ")";
  }

  /** The provenance every result file starts with. */
  JsonObject provenance() {
    return Json.object(json, "provenance");
  }

  /** The command that wrote the file, e.g. {@code movielens} or {@code mnist grid-prior}. */
  String command() {
    return Json.string(provenance(), "command");
  }

  /** The run's configuration as recorded in its provenance. */
  JsonObject configuration() {
    return Json.object(provenance(), "configuration");
  }
}
