package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kernelnet.apps.data.Checksum;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.data.MatlabFile;
import org.kernelnet.apps.data.SparseMatrix;

/**
 * The 3000 x 3000 sub-matrices of Douban, Flixster and YahooMusic with the fixed train/test split of
 * Monti, Bronstein and Bresson (NIPS 2017), as GC-MC, IGMC and GLocal-K use them: a MATLAB v7.3
 * file {@code recsys-extra/<folder>/training_test_dataset.mat} holding the rating matrix {@code M}
 * (users x items, 0 = missing) and the 0/1 masks {@code Otraining} and {@code Otest}. A missing
 * file is downloaded from the authors' repository ({@code fmonti/mgcnn} at a fixed commit) and
 * kept only if its SHA-256 is the one pinned here.
 */
public enum MontiDataset {
  /** Douban: 136,891 ratings 1..5 (2,999 users and 3,000 items have one). */
  DOUBAN("Douban", "douban", "Data/douban/training_test_dataset.mat",
      "1f4476321cbfe0f606e7e35d0695ca15447a1b0b2c811df130109b6cb9a067ae",
      RatingScale.STARS_1_TO_5),
  /** Flixster: 26,173 ratings 0.5..5 in half stars. */
  FLIXSTER("Flixster", "flixster", "Data/flixster/training_test_dataset_10_NNs.mat",
      "8b07e0387edfe7ffdccead2826bb3844ddbd9e6a8ccba264ce81a3b59b273197",
      RatingScale.HALF_STARS_05_TO_5),
  /** YahooMusic: 5,335 ratings, integers 1..100. */
  YAHOO_MUSIC("YahooMusic", "yahoo_music", "Data/yahoo_music/training_test_dataset_10_NNs.mat",
      "56a80de836537544d0d6ba36fc59937dfe87f738ac5e2a701cc8226faf4f31ec",
      new RatingScale(1, 100, 1));

  /** The authors' repository at the commit whose files GC-MC and IGMC also carry. */
  private static final String SOURCE =
      "https://raw.githubusercontent.com/fmonti/mgcnn/75843411c72c1a81c9c086d21cda4ec98f1d9226/";
  private static final long MAX_BYTES = 16L << 20;

  private final String label;
  private final String folder;
  private final String sourcePath;
  private final String sha256;
  private final RatingScale scale;

  MontiDataset(String label, String folder, String sourcePath, String sha256, RatingScale scale) {
    this.label = label;
    this.folder = folder;
    this.sourcePath = sourcePath;
    this.sha256 = sha256;
    this.scale = scale;
  }

  /** The name papers use, e.g. {@code Douban}. */
  public String label() {
    return label;
  }

  /** The rating scale. */
  public RatingScale scale() {
    return scale;
  }

  /** The file's path in the data directory. */
  public String relativePath() {
    return "recsys-extra/" + folder + "/training_test_dataset.mat";
  }

  /**
   * The file in the data directory, downloaded if missing.
   *
   * @throws FileNotFoundException if it is missing and cannot be downloaded: the message names the
   *     file, where it goes and why the download failed
   */
  public Path locate(DataDirectory dataDir, Downloader downloader) throws FileNotFoundException {
    Path path = dataDir.path(relativePath());
    if (Files.isRegularFile(path)) {
      return path;
    }
    URI uri = URI.create(SOURCE + sourcePath);
    try {
      return downloader.download(uri, path, List.of(Checksum.sha256(sha256)), MAX_BYTES);
    } catch (IOException e) {
      throw new FileNotFoundException(dataDir.missingMessage(relativePath(), "download it from "
          + uri + " (SHA-256 " + sha256 + ")") + " Download failed: " + e.getMessage());
    }
  }

  /**
   * Reads the ratings and the split of {@code file}: user {@code u} and item {@code i} of {@code
   * M} get the ids {@code u + 1} and {@code i + 1} (MATLAB's numbering); the ratings are ordered by
   * user, then item; the published split's test ratings are those {@code Otest} marks.
   *
   * @throws IOException if the file cannot be read, a rating is off the scale, or the masks are not
   *     disjoint or do not cover exactly the ratings of {@code M} (the message names the file)
   */
  public RatingsFile read(Path file) throws IOException {
    requireNonNull(file, "file is null");
    SparseMatrix m;
    SparseMatrix training;
    SparseMatrix test;
    try (MatlabFile mat = MatlabFile.open(file)) {
      m = mat.matrix("M");
      training = mat.matrix("Otraining");
      test = mat.matrix("Otest");
    }
    int users = m.rows();
    long[] keys = new long[m.size()];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = key(m.row()[k], m.column()[k], m.columns());
      if (!scale.contains(m.value()[k])) {
        throw new IOException(file + ": M(" + (m.row()[k] + 1) + ", " + (m.column()[k] + 1)
            + ") = " + m.value()[k] + " is not on " + label + "'s scale " + scale);
      }
    }
    Integer[] order = new Integer[keys.length];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    long[] sorted = new long[keys.length];
    for (int k = 0; k < keys.length; k++) {
      sorted[k] = keys[order[k]];
    }
    boolean[] isTrain = marks(file, "Otraining", training, sorted, m.columns());
    boolean[] isTest = marks(file, "Otest", test, sorted, m.columns());
    int testCount = 0;
    for (int k = 0; k < sorted.length; k++) {
      if (isTrain[k] == isTest[k]) {
        throw new IOException(file + ": the rating M(" + (sorted[k] / m.columns() + 1) + ", "
            + (sorted[k] % m.columns() + 1) + ") is " + (isTrain[k] ? "in both" : "in neither")
            + " of Otraining and Otest");
      }
      testCount += isTest[k] ? 1 : 0;
    }
    Ratings ratings = ratings(file, m, order, users);
    int[] testPositions = new int[testCount];
    for (int k = 0, t = 0; k < sorted.length; k++) {
      if (isTest[k]) {
        testPositions[t++] = k;
      }
    }
    return new RatingsFile(file, ratings, new PublishedSplit(testPositions,
        Map.of("split", "Monti et al. 2017 (Otraining / Otest)"), "the Monti et al. (2017) split"));
  }

  private static long key(int row, int column, int columns) {
    return (long) row * columns + column;
  }

  /**
   * For each rating of {@code sortedKeys}, whether the mask marks it; a mark where {@code M} has no
   * rating is refused.
   */
  private static boolean[] marks(Path file, String name, SparseMatrix mask, long[] sortedKeys,
      int columns) throws IOException {
    boolean[] marked = new boolean[sortedKeys.length];
    for (int k = 0; k < mask.size(); k++) {
      int at = Arrays.binarySearch(sortedKeys, key(mask.row()[k], mask.column()[k], columns));
      if (at < 0) {
        throw new IOException(file + ": " + name + " marks (" + (mask.row()[k] + 1) + ", "
            + (mask.column()[k] + 1) + "), where M has no rating");
      }
      marked[at] = true;
    }
    return marked;
  }

  /** The ratings of {@code m} in {@code order}, with compact user and item indices. */
  private Ratings ratings(Path file, SparseMatrix m, Integer[] order, int users) throws IOException {
    int n = order.length;
    int[] userIndex = compact(m.row(), users);
    int[] itemIndex = compact(m.column(), m.columns());
    int[] u = new int[n];
    int[] i = new int[n];
    float[] v = new float[n];
    for (int k = 0; k < n; k++) {
      int e = order[k];
      u[k] = userIndex[m.row()[e]];
      i[k] = itemIndex[m.column()[e]];
      v[k] = (float) m.value()[e];
    }
    return new Ratings(file.toString(), sha256Of(file), RatingsFormat.DETECT.withScale(scale),
        ids(userIndex), ids(itemIndex), u, i, v);
  }

  /** {@code index[x]}: the rank of {@code x} among the values present, -1 if absent. */
  private static int[] compact(int[] values, int size) {
    int[] index = new int[size];
    Arrays.fill(index, -1);
    for (int x : values) {
      index[x] = 0;
    }
    int next = 0;
    for (int x = 0; x < size; x++) {
      if (index[x] == 0) {
        index[x] = next++;
      }
    }
    return index;
  }

  /** The 1-based ids of the present values, in index order. */
  private static IdMapping ids(int[] index) {
    String[] ids = new String[(int) Arrays.stream(index).filter(x -> x >= 0).count()];
    for (int x = 0; x < index.length; x++) {
      if (index[x] >= 0) {
        ids[index[x]] = Integer.toString(x + 1);
      }
    }
    return IdMapping.order(ids).mapping();
  }

  private static String sha256Of(Path file) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks the required SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  @Override
  public String toString() {
    return label.toLowerCase(Locale.ROOT);
  }
}
