package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A training file and a test file given as one data set ({@code --ratings TRAIN --test-ratings
 * TEST}), e.g. ML-100K's {@code u1.base} and {@code u1.test}: the training ratings followed by the
 * test ratings, user and item ids mapped over both files ({@link IdMapping}), the test ratings
 * their {@link PublishedSplit}.
 *
 * <p>The test file is read with the training file's format: its delimiter, header row, columns
 * and rating scale (given, or inferred from the training file), so a test rating off that scale is
 * refused with its file and line. The combined ratings name the training file as their source;
 * their SHA-256 is that of the
 * text {@code <training file's SHA-256> LF <test file's SHA-256>}, and each file's own is in the
 * split's protocol.
 */
public final class GivenTestFile {
  /** The key of the test file's absolute path in the split's protocol. */
  public static final String TEST_FILE = "testFile";

  private GivenTestFile() {}

  /**
   * The ratings of both files with the test file's as the published split.
   *
   * @param train the training file's ratings
   * @param test the test file's ratings, read with the training file's resolved format
   * @throws IOException if a (user, item) pair is rated in both files (the message names both
   *     files and the ids)
   */
  public static RatingsFile combine(RatingsFile train, RatingsFile test) throws IOException {
    requireNonNull(train, "train is null");
    requireNonNull(test, "test is null");
    Ratings a = train.ratings();
    Ratings b = test.ratings();
    Union users = Union.of(a.userIds(), b.userIds());
    Union items = Union.of(a.itemIds(), b.itemIds());
    int n = a.size() + b.size();
    int[] u = new int[n];
    int[] i = new int[n];
    float[] v = new float[n];
    Set<Long> seen = new HashSet<>(2 * n);
    for (int k = 0; k < n; k++) {
      boolean first = k < a.size();
      Ratings from = first ? a : b;
      int at = first ? k : k - a.size();
      u[k] = (first ? users.fromFirst : users.fromSecond)[from.user(at)];
      i[k] = (first ? items.fromFirst : items.fromSecond)[from.item(at)];
      v[k] = from.rating(at);
      if (!seen.add((long) u[k] * items.mapping.size() + i[k])) {
        throw new IOException("user " + users.mapping.id(u[k]) + " rated item "
            + items.mapping.id(i[k]) + " in both " + train.file() + " and " + test.file()
            + ": a training file and its test file hold different ratings");
      }
    }
    Map<String, String> protocol = new LinkedHashMap<>();
    protocol.put(TEST_FILE, test.file().toAbsolutePath().toString());
    protocol.put("trainFileSha256", a.sourceSha256());
    protocol.put("testFileSha256", b.sourceSha256());
    Ratings all = new Ratings(a.source(), sha256(a.sourceSha256() + "\n" + b.sourceSha256()),
        a.format(), users.mapping, items.mapping, u, i, v);
    int[] testPositions = IntStream.range(a.size(), n).toArray();
    return new RatingsFile(train.file(), all, new PublishedSplit(testPositions, protocol,
        "the test file " + test.file().getFileName()));
  }

  /** The ids of two mappings in one, and where each mapping's indices went. */
  private record Union(IdMapping mapping, int[] fromFirst, int[] fromSecond) {
    static Union of(IdMapping first, IdMapping second) {
      Map<String, Integer> position = new HashMap<>(2 * (first.size() + second.size()));
      for (String id : first.ids()) {
        position.putIfAbsent(id, position.size());
      }
      for (String id : second.ids()) {
        position.putIfAbsent(id, position.size());
      }
      String[] distinct = new String[position.size()];
      position.forEach((id, p) -> distinct[p] = id);
      IdMapping.Ordered ordered = IdMapping.order(distinct);
      int[] rank = ordered.rank();
      return new Union(ordered.mapping(),
          first.ids().stream().mapToInt(id -> rank[position.get(id)]).toArray(),
          second.ids().stream().mapToInt(id -> rank[position.get(id)]).toArray());
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks the required SHA-256", e);
    }
  }
}
