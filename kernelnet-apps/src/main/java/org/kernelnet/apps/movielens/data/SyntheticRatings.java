package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Writes synthetic ratings in a MovieLens format, {@code user<sep>item<sep>rating[<sep>timestamp]}
 * (users {@code 1..U}, items {@code 1..I}, optionally after a header line), with MovieLens-like
 * structure that a recommender can learn: long-tailed activity and popularity and low-rank values.
 *
 * <p><b>Who rates what.</b> User {@code u} has an activity weight {@code a_u ~ LogNormal(0,
 * 1.0^2)}, item {@code i} a popularity {@code w_i ~ LogNormal(0, 1.3^2)}. User {@code u} rates
 * {@code c_u = m + e_u} items, {@code m = min(20, floor(n / U))}, the extras {@code e_u}
 * proportional to {@code a_u} (capped at {@code I - m}, rounded by largest remainder), so that
 * {@code sum_u c_u = n} exactly. Its items are drawn one after another without replacement, each
 * with probability {@code w_i / sum_{j not yet rated by u} w_j}: draws from a cumulative-weight
 * table (binary search, {@code O(log I)}) reject items the user already has, and the table is
 * rebuilt over the user's unrated items once half of its weight is rated, so a draw is accepted
 * with probability at least 1/2. Memory is {@code O((U + I) k)}; the ratings are streamed. The
 * weights are commons-math3 {@link LogNormalDistribution} samples; the library has no weighted
 * sampling without replacement ({@code EnumeratedIntegerDistribution} draws with replacement),
 * hence the sampler here.
 *
 * <p><b>Values.</b> With rank {@code k = 10}, user biases {@code b_u} and item biases {@code b_i ~
 * N(0, 0.5^2)}, factors {@code p_u, q_i ~ N(0, (0.6 / sqrt k) I_k)} (so {@code p_u . q_i} has
 * standard deviation 0.6) and noise {@code eps_ui ~ N(0, 0.8^2)}:
 *
 * <pre>
 *   f_ui = 3.6 + b_u + b_i + p_u . q_i          (the noiseless model)
 *   r_ui = clip(round(f_ui + eps_ui))             (nearest level of the scale, within [min, max])
 * </pre>
 *
 * On integer stars 1..5 this gives a mean of about 3.54 and a standard deviation of about 1.12
 * (ML-1M: 3.58, 1.12), and {@code clip(f_ui)} predicts {@code r_ui} with an RMSE of about 0.78,
 * 0.69 times the global mean's; on half stars about 1.09 and 0.74. {@link #write} reports the
 * exact values of the written file. Lines are grouped by user, items ascending; timestamps are
 * random. Deterministic from the seed. A file name ending in {@code .gz} is written
 * gzip-compressed.
 */
public final class SyntheticRatings {
  /** The parameters of the content model above. */
  public static final Model MODEL = new Model(20, 1.0, 1.3, 3.6, 0.5, 0.5, 10, 0.6, 0.8);

  private final int users;
  private final int items;
  private final long ratings;
  private final RatingScale scale;
  private final long seed;
  private final String separator;
  private final String header;
  private final boolean timestamps;
  private final int[] counts;
  private final double[] popularity;
  private final double[] userBias;
  private final double[] itemBias;
  private final double[] userFactors;
  private final double[] itemFactors;

  private SyntheticRatings(Builder b) {
    this.users = b.users;
    this.items = b.items;
    this.ratings = b.ratings;
    this.scale = b.scale;
    this.seed = b.seed;
    this.separator = b.separator;
    this.header = b.header;
    this.timestamps = b.timestamps;
    RandomGenerator random = stream(seed, 0);
    double[] activity = logNormal(random, MODEL.userActivitySigma(), users);
    this.popularity = logNormal(random, MODEL.itemPopularitySigma(), items);
    this.counts = allocate(activity);
    int k = MODEL.rank();
    double factorSd = Math.sqrt(MODEL.interactionSd() / Math.sqrt(k));
    this.userBias = gaussian(random, MODEL.userBiasSd(), users);
    this.itemBias = gaussian(random, MODEL.itemBiasSd(), items);
    this.userFactors = gaussian(random, factorSd, users * k);
    this.itemFactors = gaussian(random, factorSd, items * k);
  }

  /** A builder; users, items and ratings are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The content model's parameters (see the class comment).
   *
   * @param minPerUser the ratings every user gets where {@code n >= minPerUser * U}
   * @param userActivitySigma the log-normal shape of the user activity weights
   * @param itemPopularitySigma the log-normal shape of the item popularity weights
   * @param mean the global offset {@code mu} of the noiseless model
   * @param userBiasSd the standard deviation of {@code b_u}
   * @param itemBiasSd the standard deviation of {@code b_i}
   * @param rank the rank {@code k} of the interaction {@code p_u . q_i}
   * @param interactionSd the standard deviation of {@code p_u . q_i}
   * @param noiseSd the standard deviation of the noise {@code eps_ui}
   */
  public record Model(int minPerUser, double userActivitySigma, double itemPopularitySigma,
      double mean, double userBiasSd, double itemBiasSd, int rank, double interactionSd,
      double noiseSd) {}

  /** The smallest, median and largest number of ratings of the active users or items. */
  public record Counts(int min, double median, int max) {
    static Counts of(int[] counts) {
      int[] active = Arrays.stream(counts).filter(c -> c > 0).sorted().toArray();
      int m = active.length;
      double median = m % 2 == 1 ? active[m / 2] : (active[m / 2 - 1] + active[m / 2]) / 2.0;
      return new Counts(active[0], median, active[m - 1]);
    }
  }

  /**
   * What was written.
   *
   * @param ratings the number of ratings {@code n}
   * @param activeUsers users with at least one rating
   * @param activeItems items with at least one rating
   * @param mean the mean rating {@code rbar}
   * @param std the population standard deviation of the ratings
   * @param perUser ratings per active user
   * @param perItem ratings per active item
   * @param globalMeanRmse the RMSE of predicting every rating by {@code rbar} (equals {@code std})
   * @param modelRmse the RMSE of the noiseless model's prediction {@code clip(f_ui)}
   */
  public record Summary(long ratings, int activeUsers, int activeItems, double mean, double std,
      Counts perUser, Counts perItem, double globalMeanRmse, double modelRmse) {}

  /**
   * The noiseless model's value {@code f_ui} for user id {@code 1..U} and item id {@code 1..I},
   * before clipping.
   */
  public double prediction(int user, int item) {
    if (user < 1 || user > users) {
      throw new IllegalArgumentException("user must be in [1, " + users + "], got " + user);
    }
    if (item < 1 || item > items) {
      throw new IllegalArgumentException("item must be in [1, " + items + "], got " + item);
    }
    return predict(user - 1, item - 1);
  }

  private double predict(int u, int i) {
    int k = MODEL.rank();
    double f = MODEL.mean() + userBias[u] + itemBias[i];
    for (int d = 0; d < k; d++) {
      f += userFactors[u * k + d] * itemFactors[i * k + d];
    }
    return f;
  }

  /** Writes the ratings to {@code file} (replacing it) and summarises them. */
  public Summary write(Path file) throws IOException {
    requireNonNull(file, "file is null");
    RandomGenerator random = stream(seed, 1);
    int levels = scale.levels();
    double[] levelValue = new double[levels];
    byte[][] levelBytes = new byte[levels][];
    for (int l = 0; l < levels; l++) {
      levelValue[l] = scale.level(l);
      levelBytes[l] = RatingScale.format(levelValue[l]).getBytes(ISO_8859_1);
    }
    double min = scale.min();
    double max = scale.max();
    double step = scale.step();
    long[] levelCounts = new long[levels];
    int[] itemCounts = new int[items];
    double modelSquares = 0;
    ItemSampler sampler = new ItemSampler(popularity);
    int[] chosen = new int[items];
    byte[] sep = separator.getBytes(ISO_8859_1);
    byte[] line = new byte[64 + 3 * sep.length];
    try (OutputStream out = open(file)) {
      if (header != null) {
        out.write((header + "\n").getBytes(ISO_8859_1));
      }
      for (int u = 0; u < users; u++) {
        int count = counts[u];
        sampler.sample(u, count, random, chosen);
        Arrays.sort(chosen, 0, count);
        for (int j = 0; j < count; j++) {
          int i = chosen[j];
          double f = predict(u, i);
          double noisy = f + MODEL.noiseSd() * random.nextGaussian();
          int level = (int) Math.max(0, Math.min(levels - 1, Math.rint((noisy - min) / step)));
          double error = levelValue[level] - Math.max(min, Math.min(max, f));
          modelSquares += error * error;
          levelCounts[level]++;
          itemCounts[i]++;
          int p = putDigits(line, 0, u + 1L);
          p = put(line, p, sep);
          p = putDigits(line, p, i + 1L);
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
    double sum = 0;
    for (int l = 0; l < levels; l++) {
      sum += levelCounts[l] * levelValue[l];
    }
    double mean = sum / ratings;
    double squares = 0;
    for (int l = 0; l < levels; l++) {
      double d = levelValue[l] - mean;
      squares += levelCounts[l] * d * d;
    }
    double std = Math.sqrt(squares / ratings);
    return new Summary(ratings, (int) Arrays.stream(counts).filter(c -> c > 0).count(),
        (int) Arrays.stream(itemCounts).filter(c -> c > 0).count(), mean, std, Counts.of(counts),
        Counts.of(itemCounts), std, Math.sqrt(modelSquares / ratings));
  }

  /**
   * The ratings per user: {@code m} each, and the remaining {@code n - m U} in proportion to
   * {@code activity}, capped at {@code I - m} (water-filling), rounded by largest remainder.
   */
  private int[] allocate(double[] activity) {
    int m = (int) Math.min(MODEL.minPerUser(), ratings / users);
    long rest = ratings - (long) m * users;
    int cap = items - m;
    boolean[] capped = new boolean[users];
    double[] share = new double[users];
    boolean changed = true;
    while (changed) {
      changed = false;
      double weight = 0;
      long free = rest;
      for (int u = 0; u < users; u++) {
        if (capped[u]) {
          free -= cap;
        } else {
          weight += activity[u];
        }
      }
      for (int u = 0; u < users; u++) {
        if (!capped[u]) {
          share[u] = free * activity[u] / weight;
          if (share[u] >= cap) {
            capped[u] = true;
            changed = true;
          }
        }
      }
    }
    int[] counts = new int[users];
    long left = rest;
    for (int u = 0; u < users; u++) {
      int extra = capped[u] ? cap : (int) Math.min(cap, Math.floor(share[u]));
      counts[u] = m + extra;
      left -= extra;
    }
    Integer[] order = IntStream.range(0, users).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer u) -> share[u] - Math.floor(share[u]))
        .reversed());
    // Rounding may leave a few ratings to add (to the largest remainders first) or to take away
    // (from the smallest first).
    for (int j = 0; left != 0; j = (j + 1) % users) {
      if (left > 0 && counts[order[j]] < items) {
        counts[order[j]]++;
        left--;
      } else if (left < 0 && counts[order[users - 1 - j]] > m) {
        counts[order[users - 1 - j]]--;
        left++;
      }
    }
    return counts;
  }

  private static RandomGenerator stream(long seed, int purpose) {
    return new Well19937c(new int[] {(int) (seed >>> 32), (int) seed, purpose});
  }

  private static double[] logNormal(RandomGenerator random, double sigma, int size) {
    LogNormalDistribution distribution = new LogNormalDistribution(random, 0, sigma);
    return distribution.sample(size);
  }

  private static double[] gaussian(RandomGenerator random, double sd, int size) {
    double[] values = new double[size];
    for (int j = 0; j < size; j++) {
      values[j] = sd * random.nextGaussian();
    }
    return values;
  }

  /**
   * Draws a user's items without replacement, each with probability proportional to its weight
   * among the items the user has not drawn yet: rejection from a cumulative table that is rebuilt
   * over the undrawn items when half of its weight has been drawn.
   */
  private static final class ItemSampler {
    private final double[] weights;
    private final double[] fullCumulative;
    private final int[] drawnBy;
    private final int[] tableItems;
    private final double[] tableCumulative;

    ItemSampler(double[] weights) {
      this.weights = weights;
      int items = weights.length;
      this.fullCumulative = new double[items];
      double sum = 0;
      for (int i = 0; i < items; i++) {
        sum += weights[i];
        fullCumulative[i] = sum;
      }
      this.drawnBy = new int[items];
      Arrays.fill(drawnBy, -1);
      this.tableItems = new int[items];
      this.tableCumulative = new double[items];
    }

    /** Puts {@code count} distinct items of user {@code u} into {@code out[0..count)}. */
    void sample(int u, int count, RandomGenerator random, int[] out) {
      double[] cumulative = fullCumulative;
      int[] itemOf = null;
      int size = weights.length;
      double total = fullCumulative[size - 1];
      double drawn = 0;
      for (int j = 0; j < count; j++) {
        if (drawn > total / 2) {
          size = 0;
          total = 0;
          for (int i = 0; i < weights.length; i++) {
            if (drawnBy[i] != u) {
              total += weights[i];
              tableItems[size] = i;
              tableCumulative[size++] = total;
            }
          }
          cumulative = tableCumulative;
          itemOf = tableItems;
          drawn = 0;
        }
        while (true) {
          int slot = search(cumulative, size, random.nextDouble() * total);
          int item = itemOf == null ? slot : itemOf[slot];
          if (drawnBy[item] != u) {
            drawnBy[item] = u;
            drawn += weights[item];
            out[j] = item;
            break;
          }
        }
      }
    }

    /** The first slot whose cumulative weight exceeds {@code x}, at most {@code size - 1}. */
    private static int search(double[] cumulative, int size, double x) {
      int lo = 0;
      int hi = size - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] > x) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }
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
    private String header;
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

    /** A first line to write before the ratings, e.g. a CSV header; default none. */
    public Builder optHeader(String header) {
      this.header = requireNonNull(header, "header is null");
      return this;
    }

    /** Whether lines carry a 4th field, a timestamp; default true. */
    public Builder optTimestamps(boolean timestamps) {
      this.timestamps = timestamps;
      return this;
    }

    /** Validates the settings and draws the model's weights, biases and factors. */
    public SyntheticRatings build() {
      if (users < 1) {
        throw new IllegalArgumentException("users must be an integer >= 1, got " + users);
      }
      if (items < 1) {
        throw new IllegalArgumentException("items must be an integer >= 1, got " + items);
      }
      long maxFactors = Integer.MAX_VALUE / MODEL.rank();
      if (Math.max(users, items) > maxFactors) {
        throw new IllegalArgumentException("users and items must be at most " + maxFactors
            + " (factor array limit), got " + users + " users and " + items + " items");
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
      if (header != null && header.contains("\n")) {
        throw new IllegalArgumentException("header must be one line, got '" + header + "'");
      }
      return new SyntheticRatings(this);
    }
  }
}
