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
 * A random train/test split of {@link Ratings}: of the {@code n} ratings, {@code
 * n_test = round(f * n)} are drawn uniformly without replacement for the test set, the rest are the
 * training set. The two sets are disjoint and together hold every rating; both keep the full
 * {@code [U, I]} index space.
 *
 * <p>Reproducible from the seed: the draw is a partial Fisher-Yates shuffle driven by {@link
 * java.util.Random}, whose sequence the Java specification fixes for a seed. The seed, the fraction
 * and a fingerprint of the test positions are {@link #provenance() recorded} for result files.
 */
public final class RatingSplit {
  private final Ratings ratings;
  private final long seed;
  private final double testFraction;
  private final int[] trainPositions;
  private final int[] testPositions;

  private RatingSplit(Ratings ratings, long seed, double testFraction, int[] trainPositions,
      int[] testPositions) {
    this.ratings = ratings;
    this.seed = seed;
    this.testFraction = testFraction;
    this.trainPositions = trainPositions;
    this.testPositions = testPositions;
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
    int[] perm = new int[n];
    for (int k = 0; k < n; k++) {
      perm[k] = k;
    }
    Random random = new Random(seed);
    for (int k = 0; k < nTest; k++) {
      int j = k + random.nextInt(n - k);
      int t = perm[k];
      perm[k] = perm[j];
      perm[j] = t;
    }
    boolean[] isTest = new boolean[n];
    for (int k = 0; k < nTest; k++) {
      isTest[perm[k]] = true;
    }
    int[] test = new int[(int) nTest];
    int[] train = new int[n - (int) nTest];
    int t = 0;
    int r = 0;
    for (int k = 0; k < n; k++) {
      if (isTest[k]) {
        test[t++] = k;
      } else {
        train[r++] = k;
      }
    }
    return new RatingSplit(ratings, seed, testFraction, train, test);
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

  /** The seed the split was drawn with. */
  public long seed() {
    return seed;
  }

  /** The requested test fraction {@code f}. */
  public double testFraction() {
    return testFraction;
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
   * What a result file records about the split: source file and its SHA-256, seed, test fraction,
   * set sizes and the {@link #fingerprint()}.
   */
  public Map<String, String> provenance() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("source", ratings.source());
    p.put("sourceSha256", ratings.sourceSha256());
    p.put("splitSeed", Long.toString(seed));
    p.put("testFraction", Double.toString(testFraction));
    p.put("trainRatings", Integer.toString(trainPositions.length));
    p.put("testRatings", Integer.toString(testPositions.length));
    p.put("testPositionsSha256", fingerprint());
    return Collections.unmodifiableMap(p);
  }

  @Override
  public String toString() {
    return "RatingSplit[seed " + seed + ", test fraction " + testFraction + ": " + trainPositions.length
        + " train / " + testPositions.length + " test of " + ratings.source() + "]";
  }
}
