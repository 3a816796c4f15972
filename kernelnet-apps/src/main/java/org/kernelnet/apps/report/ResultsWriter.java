package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes result files into one output folder. Every file is written to a temporary sibling first and
 * then moved into place, so a crash never leaves a half-written result; records (including {@link
 * Provenance}) serialise as JSON objects, {@link Path}s as strings, and non-finite doubles are
 * allowed (written as {@code NaN} / {@code Infinity}).
 */
public final class ResultsWriter {
  private static final Gson GSON = new GsonBuilder()
      .setPrettyPrinting()
      .serializeNulls()
      .serializeSpecialFloatingPointValues()
      .disableHtmlEscaping()
      .registerTypeHierarchyAdapter(Path.class,
          (JsonSerializer<Path>) (path, type, context) -> new JsonPrimitive(path.toString()))
      .create();

  private final Path folder;

  /** @param folder the output folder, created on first write */
  public ResultsWriter(Path folder) {
    this.folder = requireNonNull(folder, "folder is null").toAbsolutePath().normalize();
  }

  /** The output folder. */
  public Path folder() {
    return folder;
  }

  /** The shared JSON mapper, for callers that build JSON themselves. */
  public static Gson gson() {
    return GSON;
  }

  /**
   * Writes {@code value} as pretty JSON to {@code folder/name}.
   *
   * @return the written file
   */
  public Path writeJson(String name, Object value) {
    return write(name, GSON.toJson(value) + System.lineSeparator());
  }

  /**
   * Writes a CSV file with a header row; cells containing a comma, quote or line break are quoted.
   *
   * @return the written file
   */
  public Path writeCsv(String name, List<String> header, List<List<?>> rows) {
    StringBuilder sb = new StringBuilder(csvLine(header));
    for (List<?> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "CSV row has " + row.size() + " cells but the header has " + header.size() + ": " + row);
      }
      sb.append(csvLine(row));
    }
    return write(name, sb.toString());
  }

  /**
   * Writes text to {@code folder/name} atomically.
   *
   * @return the written file
   */
  public Path write(String name, String text) {
    Path target = resolve(name);
    try {
      AtomicFile.write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /**
   * The path of {@code name} inside the folder, for files written by other means (e.g. PNG plots);
   * its parent folders are created.
   */
  public Path resolve(String name) {
    Path target = folder.resolve(name).normalize();
    if (!target.startsWith(folder) || target.equals(folder)) {
      throw new IllegalArgumentException("'" + name + "' is not a file name inside " + folder);
    }
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + target.getParent(), e);
    }
    return target;
  }

  private static String csvLine(List<?> cells) {
    return cells.stream().map(ResultsWriter::csvCell).collect(Collectors.joining(",")) + "\n";
  }

  private static String csvCell(Object cell) {
    String s = String.valueOf(cell);
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
