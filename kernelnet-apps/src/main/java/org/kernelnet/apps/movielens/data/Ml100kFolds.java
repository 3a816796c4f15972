package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The five official train/test folds of ML-100K, {@code u1} .. {@code u5}, rebuilt from {@code
 * u.data} as the distribution's {@code mku.sh} makes them: {@code u<i>.test} holds lines {@code
 * 20000 (i - 1) + 1 .. 20000 i} of {@code u.data} in its original order, {@code u<i>.base} all other
 * lines. {@code u1} is the protocol of GC-MC, IGMC and GLocal-K's ML-100K figures.
 *
 * <p>A {@code u.data} in another order would give other folds silently, so each rebuilt test fold
 * is checked against the fingerprint of the official one: the SHA-256 of its lines {@code
 * user<TAB>item<TAB>rating<LF>} sorted by user and item id (the order of the distributed {@code
 * u<i>.test}). The fingerprints were computed from the original {@code u.data} (SHA-256 {@code
 * 06416e59...}); {@code u1}'s equals that of {@code u1.test} as GLocal-K's repository distributes it.
 */
public final class Ml100kFolds {
  /** The ratings of {@code u.data}. */
  public static final int RATINGS = 100_000;
  /** The ratings of each test fold. */
  public static final int FOLD = 20_000;
  /** The folds. */
  public static final int FOLDS = 5;

  private static final List<String> FINGERPRINTS = List.of(
      "1089b7464e01d52dc22acce6b41e0233a71b79857fc10ec8cbe2022c7b84ece4",
      "24d0a6830a12adc22209ad344138070417389f08e806849071c24f659ffdda73",
      "bbc47c56eed15a248410df36132af0fcb31e5256024be6606e58ac860fe27036",
      "0b10409a286f00573b41cc3d7cbfc0d74bed90a7d5a42cb47bdc887cd06604ee",
      "63eeb0c49982ceb949176daeec184638fdffc9a15b87fe93c62f2399f78df11b");

  private Ml100kFolds() {}

  /**
   * The folds {@code u1 .. u<count>}; fold {@code u<i>} has seed {@code baseSeed + i - 1}.
   *
   * @param ratings every rating of ML-100K's {@code u.data}, in file order
   * @param count how many folds, from {@code u1}: 1 to 5
   * @throws IllegalArgumentException if {@code ratings} are not {@code u.data}'s 100,000 ratings in
   *     their original order
   */
  public static List<RatingSplit> folds(Ratings ratings, int count, long baseSeed) {
    requireNonNull(ratings, "ratings is null");
    if (count < 1 || count > FOLDS) {
      throw new IllegalArgumentException("ML-100K has folds u1..u5, asked for " + count);
    }
    if (ratings.size() != RATINGS) {
      throw new IllegalArgumentException("the ML-100K folds are rebuilt from u.data's " + RATINGS
          + " ratings; " + ratings.source() + " has " + ratings.size());
    }
    List<RatingSplit> folds = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      int[] test = IntStream.range(FOLD * (i - 1), FOLD * i).toArray();
      String fingerprint = fingerprint(ratings, test);
      if (!fingerprint.equals(FINGERPRINTS.get(i - 1))) {
        throw new IllegalArgumentException(ratings.source() + " is not u.data in its original"
            + " line order: the ratings of its lines " + (FOLD * (i - 1) + 1) + ".." + FOLD * i
            + " are not those of the official u" + i + ".test");
      }
      Map<String, String> protocol = new LinkedHashMap<>();
      protocol.put("fold", "u" + i);
      protocol.put("foldFingerprint", fingerprint);
      folds.add(RatingSplit.fixed(ratings, test, baseSeed + i - 1, protocol));
    }
    return List.copyOf(folds);
  }

  /** SHA-256 of the lines {@code user<TAB>item<TAB>rating<LF>} at {@code positions}, sorted. */
  static String fingerprint(Ratings ratings, int[] positions) {
    Integer[] order = Arrays.stream(positions).boxed().toArray(Integer[]::new);
    // indices follow the numeric order of u.data's integer ids
    Arrays.sort(order, Comparator.<Integer>comparingInt(ratings::user)
        .thenComparingInt(ratings::item));
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks the required SHA-256", e);
    }
    for (int p : order) {
      String line = ratings.userId(ratings.user(p)) + "\t" + ratings.itemId(ratings.item(p)) + "\t"
          + RatingScale.format(ratings.rating(p)) + "\n";
      sha256.update(line.getBytes(US_ASCII));
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
