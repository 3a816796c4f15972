package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.kernelnet.apps.data.Checksum;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.DataUnavailableException;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.data.RemoteZipEntry;

/**
 * The three MovieLens rating data sets of the paper's experiments and ML-20M: where their ratings
 * file lives in the data directory ({@code movielens/<ml-100k|ml-1m|ml-10m|ml-20m>/...}), its
 * {@link RatingsFormat format} (delimiter, header row, columns, rating scale: nothing detected),
 * the official GroupLens archive it can be downloaded from, and the test fraction of the random
 * train/test protocol (0.2 for ML-100K, 0.1 for the others).
 *
 * <p>Archive checksums: GroupLens publishes only an MD5 next to each zip ({@code <zip>.md5}); those
 * values are used for all four. For ML-100K and ML-1M the SHA-256 of the same zip, as pinned by
 * several independent projects, is checked as well.
 */
public enum MovieLensDataset {
  /** MovieLens 100K: {@code u.data}, tab separated, integer stars 1..5, 943 users x 1,682 items. */
  ML_100K("ML-100K", "movielens/ml-100k", List.of("u.data", "u.data.gz"), Delimiter.TAB,
      RatingScale.STARS_1_TO_5, 0.2,
      new RemoteZipEntry(URI.create("https://files.grouplens.org/datasets/movielens/ml-100k.zip"),
          List.of(Checksum.md5("0e33842e24a9c977be4e0107933c0723"),
              Checksum.sha256("50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229")),
          "ml-100k/u.data", 16L << 20, 64L << 20), null),
  /**
   * MovieLens 1M: {@code ratings.dat}, {@code ::} separated, integer stars 1..5; also accepted in
   * the 3-field form {@code ratings_no_timestamps.dat.gz}.
   */
  ML_1M("ML-1M", "movielens/ml-1m",
      List.of("ratings.dat", "ratings.dat.gz", "ratings_no_timestamps.dat.gz"),
      Delimiter.DOUBLE_COLON,
      RatingScale.STARS_1_TO_5, 0.1,
      new RemoteZipEntry(URI.create("https://files.grouplens.org/datasets/movielens/ml-1m.zip"),
          List.of(Checksum.md5("c4d9eecfca2ab87c1945afe126590906"),
              Checksum.sha256("a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20")),
          "ml-1m/ratings.dat", 32L << 20, 128L << 20), null),
  /** MovieLens 10M: {@code ratings.dat}, {@code ::} separated, half stars 0.5..5. */
  ML_10M("ML-10M", "movielens/ml-10m", List.of("ratings.dat", "ratings.dat.gz"),
      Delimiter.DOUBLE_COLON,
      RatingScale.HALF_STARS_05_TO_5, 0.1,
      new RemoteZipEntry(URI.create("https://files.grouplens.org/datasets/movielens/ml-10m.zip"),
          List.of(Checksum.md5("ce571fd55effeba0271552578f2648bd")),
          "ml-10M100K/ratings.dat", 128L << 20, 512L << 20), null),
  /**
   * MovieLens 20M: {@code ratings.csv}, comma separated after the header line {@code
   * userId,movieId,rating,timestamp}, half stars 0.5..5, 138,493 users x 26,744 items.
   */
  ML_20M("ML-20M", "movielens/ml-20m", List.of("ratings.csv", "ratings.csv.gz"), Delimiter.COMMA,
      RatingScale.HALF_STARS_05_TO_5, 0.1,
      new RemoteZipEntry(URI.create("https://files.grouplens.org/datasets/movielens/ml-20m.zip"),
          List.of(Checksum.md5("cd245b17a1ae2cc31bb14903e1204af3")),
          "ml-20m/ratings.csv", 256L << 20, 1L << 30),
      "userId,movieId,rating,timestamp");

  private final String label;
  private final String folder;
  private final List<String> fileNames;
  private final RatingsFormat format;
  private final double testFraction;
  private final RemoteZipEntry source;
  private final String header;

  /**
   * @param header the header row (comma separated), whose names locate the columns; null for
   *     files without one, whose columns are {@link RatingColumns#DEFAULT}
   */
  MovieLensDataset(String label, String folder, List<String> fileNames, Delimiter delimiter,
      RatingScale scale, double testFraction, RemoteZipEntry source, String header) {
    this.label = label;
    this.folder = folder;
    this.fileNames = fileNames;
    this.format = header == null
        ? RatingsFormat.of(delimiter, RatingsFormat.Header.ABSENT, RatingColumns.DEFAULT, scale)
        : RatingsFormat.of(delimiter, RatingsFormat.Header.PRESENT,
            RatingColumns.parse(header), scale);
    this.testFraction = testFraction;
    this.source = source;
    this.header = header;
  }

  /** The usual name, e.g. {@code ML-1M}. */
  public String label() {
    return label;
  }

  /** The folder in the data directory, e.g. {@code movielens/ml-1m}. */
  public String folder() {
    return folder;
  }

  /** The ratings files accepted, relative to the data directory, in order of preference. */
  public List<String> candidates() {
    return fileNames.stream().map(name -> folder + "/" + name).toList();
  }

  /** Where a download puts the ratings file, relative to the data directory (the first candidate). */
  public String downloadTarget() {
    return candidates().get(0);
  }

  /**
   * The ratings file's layout: no header row and columns {@code 1,2,3[,4]}, separated by a tab
   * (ML-100K) or {@code ::} (ML-1M, ML-10M); ML-20M's comma-separated columns named by its header
   * row {@code userId,movieId,rating,timestamp}. The scale is the data set's.
   */
  public RatingsFormat format() {
    return format;
  }

  /** The field separator: a tab for ML-100K, a comma for ML-20M, {@code ::} otherwise. */
  public String separator() {
    return format.delimiter().orElseThrow().text().orElseThrow();
  }

  /** The ratings file's first line before the ratings, if it has one (ML-20M's CSV header). */
  public Optional<String> header() {
    return Optional.ofNullable(header);
  }

  /** The allowed rating values. */
  public RatingScale scale() {
    return format.scale().orElseThrow();
  }

  /** The fraction of ratings held out for testing: 0.2 for ML-100K, 0.1 otherwise. */
  public double defaultTestFraction() {
    return testFraction;
  }

  /** The official GroupLens archive and the ratings entry in it. */
  public RemoteZipEntry source() {
    return source;
  }

  /** The first candidate file present in {@code dataDir}, if any. */
  public Optional<Path> find(DataDirectory dataDir) {
    requireNonNull(dataDir, "dataDir is null");
    return dataDir.find(candidates().toArray(String[]::new));
  }

  /**
   * The ratings file: the first candidate present, else downloaded by {@code downloader} to
   * {@link #downloadTarget()}.
   *
   * @throws DataUnavailableException if no candidate is present and the download fails; the message
   *     names the expected file and place, the accepted alternatives, and how to get the file
   */
  public Path locate(DataDirectory dataDir, Downloader downloader) throws DataUnavailableException {
    requireNonNull(downloader, "downloader is null");
    Optional<Path> present = find(dataDir);
    if (present.isPresent()) {
      return present.get();
    }
    try {
      return downloader.fetch(dataDir, downloadTarget(), source);
    } catch (DataUnavailableException e) {
      throw new DataUnavailableException(label + " ratings are missing. " + e.getMessage()
          + " Also accepted in the same folder instead: "
          + String.join(", ", fileNames.subList(1, fileNames.size())) + ".", e.getCause());
    }
  }

  /**
   * Locates the ratings file (see {@link #locate}) and reads it in its {@link #format()}.
   *
   * @param notes told how many blank lines the file had, if any
   */
  public Ratings load(DataDirectory dataDir, Downloader downloader, Consumer<String> notes)
      throws IOException {
    return RatingsReader.of(this).read(locate(dataDir, downloader), notes);
  }

  @Override
  public String toString() {
    return label;
  }
}
