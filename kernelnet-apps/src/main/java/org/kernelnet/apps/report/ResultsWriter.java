package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Writes result files into one folder, usually a {@link RunFolder}'s ({@link RunFolder#writer()}),
 * which lists every file written as the run's own and writes nothing once the run has ended. Every
 * file is written to a temporary sibling first and then moved into place ({@link AtomicFile}), so
 * a crash or a full disk never leaves a half-written result, PNG images included; an I/O error
 * names the file and the reason. Records (including {@link Provenance}) serialise as JSON objects,
 * {@link Path}s as strings, and non-finite doubles are allowed (written as {@code NaN} / {@code
 * Infinity}).
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
  private final RunFolder run;

  /** @param folder a plain output folder (not a run folder), created on first write */
  public ResultsWriter(Path folder) {
    this(folder, null);
  }

  ResultsWriter(Path folder, RunFolder run) {
    this.folder = requireNonNull(folder, "folder is null").toAbsolutePath().normalize();
    this.run = run;
  }

  /** The output folder. */
  public Path folder() {
    return folder;
  }

  /**
   * Whether the run writing here continues a run recorded in the folder ({@code --resume}); false
   * for a plain output folder.
   */
  public boolean resumesRun() {
    return run != null && run.resumed();
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
   * Writes text (UTF-8) to {@code folder/name}.
   *
   * @return the written file
   */
  public Path write(String name, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return write(name, out -> out.write(bytes));
  }

  /**
   * Writes an image (a chart: XChart's {@code BitmapEncoder.getBufferedImage}) as a PNG file.
   *
   * @return the written file
   */
  public Path writePng(String name, RenderedImage image) {
    requireNonNull(image, "image is null");
    return write(name, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("this JVM has no PNG writer");
      }
    });
  }

  /**
   * Writes {@code folder/name} with what {@code content} writes, atomically.
   *
   * @return the written file
   * @throws UncheckedIOException naming the file and the reason
   * @throws IllegalStateException if the run of the folder has ended
   */
  public Path write(String name, AtomicFile.Content content) {
    requireNonNull(content, "content is null");
    Path target = target(name);
    try {
      if (run != null) {
        run.write(target, content);
      } else {
        AtomicFile.write(target, content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return target;
  }

  /**
   * The path of {@code name} inside the folder, for a file written by other means (an appended
   * journal); its parent folders are created, and in a run folder it is listed as the run's own.
   */
  public Path resolve(String name) {
    Path target = target(name);
    try {
      Files.createDirectories(target.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(IoErrors.message("create", target.getParent(), e), e);
    }
    if (run != null) {
      try {
        run.record(target);
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
    return target;
  }

  private Path target(String name) {
    requireNonNull(name, "name is null");
    Path target = folder.resolve(name).normalize();
    if (!target.startsWith(folder) || target.equals(folder)) {
      throw new IllegalArgumentException("'" + name + "' is not a file name inside " + folder);
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
