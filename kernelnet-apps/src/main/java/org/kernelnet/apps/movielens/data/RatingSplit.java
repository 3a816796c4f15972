package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A train/test split of {@link Ratings}: the test ratings are given by their positions, the
 * training ratings are all the others. The two sets are disjoint and together hold every rating;
 * both keep the full {@code [U, I]} index space. The protocols:
 *
 * <ul>
 *   <li>{@link #random}: of the {@code n} ratings, {@code n_test = round(f * n)} are drawn uniformly
 *       without replacement for the test set (a partial Fisher-Yates shuffle driven by {@link
 *       Random}, whose sequence the Java specification fixes for a seed);
 *   <li>{@link #kFold}: the ratings shuffled by the seed and cut into {@code k} folds of sizes
 *       differing by at most one; split {@code j} tests on fold {@code j};
 *   <li>{@link #fixed}: test positions a data set's published protocol gives (ML-100K's {@code
 *       u1..u5}, the Monti et al. masks, a test file of one's own).
 * </ul>
 *
 * <p>Each split carries a seed, the seed of its run (initialisation, validation ratings), and
 * records in {@link #provenance()} its protocol, set sizes and a fingerprint of the test positions.
 */
public final class RatingSplit {
  private final Ratings ratings;
  private final long seed;
  private final Map<String, String> protocol;
  private final int[] trainPositions;
  private final int[] testPositions;

  private RatingSplit(Ratings ratings, long seed, Map<String, String> protocol,
      boolean[] isTest) {
    int tests = 0;
    for (boolean t : isTest) {
      tests += t ? 1 : 0;
    }
    if (tests < 1 || tests > isTest.length - 1) {
      throw new IllegalArgumentException(protocol + " of " + isTest.length + " ratings gives "
          + tests + " test ratings; both sets need at least one");
    }
    this.ratings = ratings;
    this.seed = seed;
    this.protocol = Collections.unmodifiableMap(new LinkedHashMap<>(protocol));
    this.testPositions = new int[tests];
    this.trainPositions = new int[isTest.length - tests];
    int t = 0;
    int r = 0;
    for (int k = 0; k < isTest.length; k++) {
      if (isTest[k]) {
        testPositions[t++] = k;
      } else {
        trainPositions[r++] = k;
      }
    }
  }

  /**
   * Splits {@code ratings} at random.
   *
   * @param testFraction {@code f} in {@code (0, 1)}, such that both sets get at least one rating
   * @param seed the random seed
   */
  public static RatingSplit random(Ratings ratings, double testFraction, long seed) {
    requireNonNull(ratings, "ratings is null");
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
    }
    int n = ratings.size();
    long nTest = Math.round(testFraction * n);
    if (nTest < 1 || nTest > n - 1) {
      throw new IllegalArgumentException("testFraction " + testFraction + " of " + n
          + " ratings gives " + nTest + " test ratings; both sets need at least one");
    }
    int[] perm = shuffledPositions(n, (int) nTest, new Random(seed));
    boolean[] isTest = new boolean[n];
    for (int k = 0; k < nTest; k++) {
      isTest[perm[k]] = true;
    }
    return new RatingSplit(ratings, seed,
        Map.of("testFraction", Double.toString(testFraction)), isTest);
  }

  /**
   * The {@code k} splits of a {@code k}-fold cross-validation: the positions shuffled with {@code
   * new Random(seed)} and cut into {@code k} consecutive folds, the first {@code n mod k} one rating
   * longer; split {@code j} (from 0) tests on fold {@code j} and has seed {@code seed + j}.
   *
   * @param k the folds, {@code 2 <= k <= n}
   */
  public static List<RatingSplit> kFold(Ratings ratings, int k, long seed) {
    requireNonNull(ratings, "ratings is null");
    int n = ratings.size();
    if (k < 2 || k > n) {
      throw new IllegalArgumentException("k-fold needs 2 <= k <= " + n + " ratings, got " + k);
    }
    int[] perm = shuffledPositions(n, n, new Random(seed));
    List<RatingSplit> splits = new ArrayList<>(k);
    int from = 0;
    for (int j = 0; j < k; j++) {
      int to = from + n / k + (j < n % k ? 1 : 0);
      boolean[] isTest = new boolean[n];
      for (int p = from; p < to; p++) {
        isTest[perm[p]] = true;
      }
      Map<String, String> protocol = new LinkedHashMap<>();
      protocol.put("folds", Integer.toString(k));
      protocol.put("fold", Integer.toString(j + 1));
      protocol.put("foldSeed", Long.toString(seed));
      splits.add(new RatingSplit(ratings, seed + j, protocol, isTest));
      from = to;
    }
    return Collections.unmodifiableList(splits);
  }

  /**
   * The split whose test ratings are those at {@code testPositions}, as a published protocol
   * gives them.
   *
   * @param seed the seed of the split's run
   * @param protocol what the split is, for result files, e.g. {@code fold=u1}
   * @throws IllegalArgumentException if a position is outside {@code [0, n)} or repeated, or
   *     either set would be empty
   */
  public static RatingSplit fixed(Ratings ratings, int[] testPositions, long seed,
      Map<String, String> protocol) {
    requireNonNull(ratings, "ratings is null");
    requireNonNull(protocol, "protocol is null");
    boolean[] isTest = new boolean[ratings.size()];
    for (int p : testPositions) {
      if (p < 0 || p >= isTest.length || isTest[p]) {
        throw new IllegalArgumentException("test position " + p + " is outside [0, "
            + isTest.length + ") or repeated");
      }
      isTest[p] = true;
    }
    return new RatingSplit(ratings, seed, protocol, isTest);
  }

  /**
   * The first {@code draws} entries of a Fisher-Yates shuffle of {@code 0..n-1}: a uniform draw
   * without replacement.
   */
  private static int[] shuffledPositions(int n, int draws, Random random) {
    int[] perm = new int[n];
    for (int k = 0; k < n; k++) {
      perm[k] = k;
    }
    for (int k = 0; k < draws && k < n - 1; k++) {
      int j = k + random.nextInt(n - k);
      int t = perm[k];
      perm[k] = perm[j];
      perm[j] = t;
    }
    return perm;
  }

  /** The split with the data set's {@link MovieLensDataset#defaultTestFraction() test fraction}. */
  public static RatingSplit random(Ratings ratings, MovieLensDataset dataset, long seed) {
    return random(ratings, requireNonNull(dataset, "dataset is null").defaultTestFraction(), seed);
  }

  /** {@code k >= 1} splits with seeds {@code baseSeed, baseSeed + 1, ..., baseSeed + k - 1}. */
  public static List<RatingSplit> randomSplits(Ratings ratings, double testFraction, long baseSeed,
      int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be an integer >= 1, got " + k);
    }
    List<RatingSplit> splits = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      splits.add(random(ratings, testFraction, baseSeed + j));
    }
    return Collections.unmodifiableList(splits);
  }

  /** The seed of the split's run; for {@link #random} also the seed it was drawn with. */
  public long seed() {
    return seed;
  }

  /** What the split is: e.g. {@code testFraction=0.1}, or {@code folds=5, fold=2}. */
  public Map<String, String> protocol() {
    return protocol;
  }

  /** The ratings that were split. */
  public Ratings ratings() {
    return ratings;
  }

  /** The training ratings, in source order. */
  public Ratings train() {
    return ratings.select(trainPositions);
  }

  /** The test ratings, in source order. */
  public Ratings test() {
    return ratings.select(testPositions);
  }

  /** The positions (in {@link #ratings()}) of the training ratings, ascending. */
  public int[] trainPositions() {
    return trainPositions.clone();
  }

  /** The positions (in {@link #ratings()}) of the test ratings, ascending. */
  public int[] testPositions() {
    return testPositions.clone();
  }

  /** SHA-256 (hex) of the test positions as big-endian 32-bit ints: equal iff the split is. */
  public String fingerprint() {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks the required SHA-256", e);
    }
    ByteBuffer bytes = ByteBuffer.allocate(4 * 4096);
    for (int k = 0; k < testPositions.length; k++) {
      bytes.putInt(testPositions[k]);
      if (!bytes.hasRemaining() || k == testPositions.length - 1) {
        bytes.flip();
        sha256.update(bytes);
        bytes.clear();
      }
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * What a result file records about the split: source file and its SHA-256, seed, {@link
   * #protocol()}, set sizes and the {@link #fingerprint()}.
   */
  public Map<String, String> provenance() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("source", ratings.source());
    p.put("sourceSha256", ratings.sourceSha256());
    p.put("splitSeed", Long.toString(seed));
    p.putAll(protocol);
    p.put("trainRatings", Integer.toString(trainPositions.length));
    p.put("testRatings", Integer.toString(testPositions.length));
    p.put("testPositionsSha256", fingerprint());
    return Collections.unmodifiableMap(p);
  }

  @Override
  public String toString() {
    return "RatingSplit[seed " + seed + ", " + protocol + ": " + trainPositions.length
        + " train / " + testPositions.length + " test of " + ratings.source() + "]";
  }
}
