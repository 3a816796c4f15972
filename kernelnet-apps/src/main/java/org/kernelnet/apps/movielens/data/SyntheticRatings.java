package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes synthetic ratings in MovieLens format, {@code user::item::rating[::timestamp]}, for memory
 * and time tests at any size (e.g. ML-10M's 69,878 users x 10,677 items x 10,000,054 ratings).
 *
 * <p>Deterministic from the seed: user {@code u = 1..U} gets {@code floor(n / U)} ratings, plus one
 * for the first {@code n mod U} users; its items are {@code 1 + (o_u + j s_u) mod I} for {@code j = 0,
 * 1, ...}, with a random offset {@code o_u} and a random stride {@code s_u} coprime to {@code I}, so
 * no (user, item) pair repeats; each rating is a uniformly drawn level of the scale. Lines are
 * grouped by user. A file name ending in {@code .gz} is written gzip-compressed.
 */
public final class SyntheticRatings {
  private final int users;
  private final int items;
  private final long ratings;
  private final RatingScale scale;
  private final long seed;
  private final String separator;
  private final boolean timestamps;

  private SyntheticRatings(Builder b) {
    this.users = b.users;
    this.items = b.items;
    this.ratings = b.ratings;
    this.scale = b.scale;
    this.seed = b.seed;
    this.separator = b.separator;
    this.timestamps = b.timestamps;
  }

  /** A builder; users, items and ratings are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** What was written, to compare a reader's result against. */
  public record Summary(long ratings, int activeUsers, int activeItems, double mean) {}

  /** Writes the ratings to {@code file} (replacing it) and summarises them. */
  public Summary write(Path file) throws IOException {
    requireNonNull(file, "file is null");
    Random random = new Random(seed);
    String[] levelText = new String[scale.levels()];
    double[] levelValue = new double[scale.levels()];
    for (int l = 0; l < levelText.length; l++) {
      levelValue[l] = scale.level(l);
      levelText[l] = RatingScale.format(levelValue[l]);
    }
    BitSet seenItems = new BitSet(items);
    double sum = 0;
    long base = ratings / users;
    long extra = ratings % users;
    int activeUsers = 0;
    byte[] sep = separator.getBytes(ISO_8859_1);
    byte[][] levelBytes = new byte[levelText.length][];
    for (int l = 0; l < levelText.length; l++) {
      levelBytes[l] = levelText[l].getBytes(ISO_8859_1);
    }
    byte[] line = new byte[64 + 3 * sep.length];
    try (OutputStream out = open(file)) {
      for (int u = 1; u <= users; u++) {
        long count = base + (u <= extra ? 1 : 0);
        if (count > 0) {
          activeUsers++;
        }
        long offset = random.nextInt(items);
        long stride = coprimeStride(random);
        for (long j = 0; j < count; j++) {
          int item = (int) ((offset + j * stride) % items) + 1;
          int level = random.nextInt(levelText.length);
          seenItems.set(item - 1);
          sum += levelValue[level];
          int p = putDigits(line, 0, u);
          p = put(line, p, sep);
          p = putDigits(line, p, item);
          p = put(line, p, sep);
          p = put(line, p, levelBytes[level]);
          if (timestamps) {
            p = put(line, p, sep);
            p = putDigits(line, p, 956_703_932L + random.nextInt(100_000_000));
          }
          line[p++] = '\n';
          out.write(line, 0, p);
        }
      }
    }
    return new Summary(ratings, activeUsers, seenItems.cardinality(), sum / ratings);
  }

  private static int put(byte[] line, int p, byte[] bytes) {
    System.arraycopy(bytes, 0, line, p, bytes.length);
    return p + bytes.length;
  }

  /** Writes the decimal digits of {@code value >= 0} at {@code p}; returns the end. */
  private static int putDigits(byte[] line, int p, long value) {
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    long v = value;
    for (int q = p + digits - 1; q >= p; q--) {
      line[q] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return p + digits;
  }

  private long coprimeStride(Random random) {
    while (true) {
      long s = items == 1 ? 1 : 1 + random.nextInt(items - 1);
      if (gcd(s, items) == 1) {
        return s;
      }
    }
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private static OutputStream open(Path file) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      return new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16);
    }
    return new BufferedOutputStream(raw, 1 << 16);
  }

  /** Collects and validates the generator's settings. */
  public static final class Builder {
    private int users = -1;
    private int items = -1;
    private long ratings = -1;
    private RatingScale scale = RatingScale.STARS_1_TO_5;
    private long seed;
    private String separator = "::";
    private boolean timestamps = true;

    private Builder() {}

    /** The number of users {@code U >= 1} (required). */
    public Builder setUsers(int users) {
      this.users = users;
      return this;
    }

    /** The number of items {@code I >= 1} (required). */
    public Builder setItems(int items) {
      this.items = items;
      return this;
    }

    /** The number of ratings {@code n}, {@code 1 <= n <= U * I} (required). */
    public Builder setRatings(long ratings) {
      this.ratings = ratings;
      return this;
    }

    /** The rating scale; default integers 1..5. */
    public Builder optScale(RatingScale scale) {
      this.scale = requireNonNull(scale, "scale is null");
      return this;
    }

    /** The random seed; default 0. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The field separator; default {@code ::}. */
    public Builder optSeparator(String separator) {
      this.separator = requireNonNull(separator, "separator is null");
      return this;
    }

    /** Whether lines carry a 4th field, a timestamp; default true. */
    public Builder optTimestamps(boolean timestamps) {
      this.timestamps = timestamps;
      return this;
    }

    /** Validates the settings. */
    public SyntheticRatings build() {
      if (users < 1) {
        throw new IllegalArgumentException("users must be an integer >= 1, got " + users);
      }
      if (items < 1) {
        throw new IllegalArgumentException("items must be an integer >= 1, got " + items);
      }
      if (ratings < 1 || ratings > (long) users * items) {
        throw new IllegalArgumentException("ratings must be in [1, users * items = "
            + (long) users * items + "], got " + ratings);
      }
      if (ratings > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("ratings must be at most " + (Integer.MAX_VALUE - 8)
            + " (the reader's array limit), got " + ratings);
      }
      if (separator.isEmpty() || separator.contains("\n")) {
        throw new IllegalArgumentException("separator must be non-empty without newlines, got '"
            + separator + "'");
      }
      return new SyntheticRatings(this);
    }
  }
}
