package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.TextDataFiles;

/**
 * Movie titles by MovieLens item id (an integer), read from the data set's item file when it is
 * present: {@code
 * u.item} ({@code id|title|...}, ISO-8859-1) for ML-100K, {@code movies.dat} ({@code
 * id::title::genres}) for ML-1M (ISO-8859-1) and ML-10M (UTF-8), {@code movies.csv} (UTF-8, header
 * {@code movieId,title,genres}, a title with a comma in double quotes) for ML-20M. A UTF-8
 * byte-order mark at the start is skipped, and so are blank lines, which are reported in one line
 * (see {@link TextDataFiles}).
 */
public final class MovieTitles {
  private final Map<Integer, String> titles;

  private MovieTitles(Map<Integer, String> titles) {
    this.titles = Map.copyOf(titles);
  }

  /** No titles. */
  public static MovieTitles none() {
    return new MovieTitles(Map.of());
  }

  /**
   * The titles of {@code dataset} from {@code dataDir}, or {@link #none()} if its item file is
   * absent.
   *
   * @param notes told how many blank lines the item file had, if any
   * @throws IOException if the file exists but cannot be read; a malformed line names file and line
   */
  public static MovieTitles find(DataDirectory dataDir, MovieLensDataset dataset,
      Consumer<String> notes) throws IOException {
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(dataset, "dataset is null");
    String name = switch (dataset) {
      case ML_100K -> "u.item";
      case ML_1M, ML_10M -> "movies.dat";
      case ML_20M -> "movies.csv";
    };
    Optional<Path> file = dataDir.find(dataset.folder() + "/" + name);
    if (file.isEmpty()) {
      return none();
    }
    return switch (dataset) {
      case ML_100K -> read(file.get(), "|", StandardCharsets.ISO_8859_1, notes);
      case ML_1M -> read(file.get(), "::", StandardCharsets.ISO_8859_1, notes);
      case ML_10M -> read(file.get(), "::", StandardCharsets.UTF_8, notes);
      case ML_20M -> readCsv(file.get(), notes);
    };
  }

  /**
   * Reads {@code movieId,title,genres} lines after the header line; a title containing a comma is
   * in double quotes, a quote in it doubled.
   */
  static MovieTitles readCsv(Path file, Consumer<String> notes) throws IOException {
    Map<Integer, String> titles = new HashMap<>();
    int blankLines = 0;
    try (BufferedReader in = open(file, StandardCharsets.UTF_8)) {
      boolean header = true;
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          blankLines++;
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        int comma = line.indexOf(',');
        try {
          if (comma < 0) {
            throw new IllegalArgumentException("no comma");
          }
          int id = Integer.parseInt(line.substring(0, comma).trim());
          titles.put(id, csvField(line, comma + 1));
        } catch (IllegalArgumentException e) {
          throw new IOException(file + " line " + lineNumber + ": expected movieId,title,genres,"
              + " got '" + line + "'", e);
        }
      }
    } catch (CharacterCodingException e) {
      throw notDecodable(file, StandardCharsets.UTF_8, e);
    }
    TextDataFiles.reportBlankLines(file, blankLines, notes);
    return new MovieTitles(titles);
  }

  /** The CSV field starting at {@code from}, unquoted. */
  private static String csvField(String line, int from) {
    if (from >= line.length() || line.charAt(from) != '"') {
      int end = line.indexOf(',', from);
      return line.substring(from, end < 0 ? line.length() : end).trim();
    }
    StringBuilder field = new StringBuilder();
    for (int p = from + 1; p < line.length(); p++) {
      char c = line.charAt(p);
      if (c != '"') {
        field.append(c);
      } else if (p + 1 < line.length() && line.charAt(p + 1) == '"') {
        field.append('"');
        p++;
      } else {
        return field.toString().trim();
      }
    }
    throw new IllegalArgumentException("unclosed quote");
  }

  /** Reads {@code id<separator>title<separator>...} lines. */
  static MovieTitles read(Path file, String separator, Charset charset, Consumer<String> notes)
      throws IOException {
    Map<Integer, String> titles = new HashMap<>();
    Pattern split = Pattern.compile(Pattern.quote(separator));
    int blankLines = 0;
    try (BufferedReader in = open(file, charset)) {
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
          blankLines++;
          continue;
        }
        String[] fields = split.split(line, 3);
        try {
          if (fields.length < 2) {
            throw new NumberFormatException("fewer than 2 fields");
          }
          titles.put(Integer.parseInt(fields[0].trim()), fields[1].trim());
        } catch (NumberFormatException e) {
          throw new IOException(file + " line " + lineNumber + ": expected id" + separator
              + "title, got '" + line + "'", e);
        }
      }
    } catch (CharacterCodingException e) {
      throw notDecodable(file, charset, e);
    }
    TextDataFiles.reportBlankLines(file, blankLines, notes);
    return new MovieTitles(titles);
  }

  /** The decoder reads ahead, so the line of the bad bytes is not known. */
  private static IOException notDecodable(Path file, Charset charset, CharacterCodingException e) {
    return new IOException(file + ": not " + charset.name() + " text (" + e + ")", e);
  }

  /**
   * {@code file} decoded with {@code charset} (bytes it cannot decode are a {@link
   * CharacterCodingException}), after a UTF-8 byte-order mark if it has one.
   */
  private static BufferedReader open(Path file, Charset charset) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return new BufferedReader(
          new InputStreamReader(TextDataFiles.skipByteOrderMark(in), charset.newDecoder()));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * The title of the item whose id, as the ratings file writes it, is {@code itemId}, if known:
   * MovieLens' item ids are integers.
   */
  public Optional<String> title(String itemId) {
    requireNonNull(itemId, "itemId is null");
    if (!IdMapping.isDigits(itemId) || itemId.length() > 9) {
      return Optional.empty();
    }
    return Optional.ofNullable(titles.get(Integer.parseInt(itemId)));
  }
}
