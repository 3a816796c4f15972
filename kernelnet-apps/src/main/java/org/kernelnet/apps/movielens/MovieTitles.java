package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.movielens.data.MovieLensDataset;

/**
 * Movie titles by original item id, read from the data set's item file when it is present: {@code
 * u.item} ({@code id|title|...}, ISO-8859-1) for ML-100K, {@code movies.dat} ({@code
 * id::title::genres}) for ML-1M (ISO-8859-1) and ML-10M (UTF-8).
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
   * The titles of {@code dataset} from {@code dataDir}, or {@link #none()} if its item file is absent.
   *
   * @throws IOException if the file exists but cannot be read; a malformed line names file and line
   */
  public static MovieTitles find(DataDirectory dataDir, MovieLensDataset dataset) throws IOException {
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(dataset, "dataset is null");
    boolean small = dataset == MovieLensDataset.ML_100K;
    Optional<Path> file = dataDir.find(dataset.folder() + (small ? "/u.item" : "/movies.dat"));
    if (file.isEmpty()) {
      return none();
    }
    return read(file.get(), small ? "|" : "::",
        dataset == MovieLensDataset.ML_10M ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  /** Reads {@code id<separator>title<separator>...} lines. */
  static MovieTitles read(Path file, String separator, java.nio.charset.Charset charset)
      throws IOException {
    Map<Integer, String> titles = new HashMap<>();
    Pattern split = Pattern.compile(Pattern.quote(separator));
    try (BufferedReader in = Files.newBufferedReader(file, charset)) {
      int lineNumber = 0;
      for (String line; (line = in.readLine()) != null; ) {
        lineNumber++;
        if (line.isBlank()) {
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
    }
    return new MovieTitles(titles);
  }

  /** The title of item {@code id}, if known. */
  public Optional<String> title(int id) {
    return Optional.ofNullable(titles.get(id));
  }
}
