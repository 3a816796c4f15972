package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.movielens.data.MovieLensDataset;

/**
 * The configuration of {@code kernelnet movielens generate}: a synthetic ratings file ({@link
 * org.kernelnet.apps.movielens.data.SyntheticRatings}) in a data set's format and place, by default
 * of the published size.
 *
 * @param dataset whose file name, separator, header and rating scale to use
 * @param users users {@code U >= 1}
 * @param items items {@code I >= 1}
 * @param ratings ratings, {@code 1 .. min(U * I, 2^31 - 9)}
 * @param seed the generator's seed
 */
public record GenerateConfig(
    MovieLensDataset dataset, int users, int items, long ratings, long seed) {
  /** The most ratings {@link org.kernelnet.apps.movielens.data.RatingsReader} holds. */
  static final long MAX_RATINGS = Integer.MAX_VALUE - 8;

  /**
   * Validates every setting and reports all problems together.
   *
   * @throws ConfigurationException listing each bad value with its valid range
   */
  public GenerateConfig {
    requireNonNull(dataset, "dataset is null");
    List<String> problems = new ArrayList<>();
    if (users < 1) {
      problems.add("--users must be >= 1, got " + users);
    }
    if (items < 1) {
      problems.add("--items must be >= 1, got " + items);
    }
    long maxRatings = Math.min(MAX_RATINGS, Math.max(1, (long) users * items));
    if (ratings < 1 || users >= 1 && items >= 1 && ratings > maxRatings) {
      problems.add("--ratings must be in 1.." + maxRatings + " (users x items, at most "
          + MAX_RATINGS + " for the reader's arrays), got " + ratings);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /**
   * The configuration of the options: a data set named by its command-line id, and the sizes,
   * each of which defaults to the data set's published size.
   *
   * @param dataset e.g. {@code ml-10m}
   * @param users users, or null for the published count
   * @param items items, or null for the published count
   * @param ratings ratings, or null for the published count
   * @param seed the generator's seed
   * @throws ConfigurationException listing each bad value
   */
  public static GenerateConfig of(
      String dataset, Integer users, Integer items, Long ratings, long seed) {
    MovieLensDataset data = MovieLensConfig.datasetById(dataset).orElseThrow(() ->
        new ConfigurationException("--dataset: unknown data set '" + dataset + "'; valid: "
            + MovieLensConfig.datasetIds()));
    long[] size = publishedSize(data);
    return new GenerateConfig(data, users != null ? users : (int) size[0],
        items != null ? items : (int) size[1], ratings != null ? ratings : size[2], seed);
  }

  /** The published (users, items, ratings) of a data set. */
  static long[] publishedSize(MovieLensDataset dataset) {
    return switch (dataset) {
      case ML_100K -> new long[] {943, 1_682, 100_000};
      case ML_1M -> new long[] {6_040, 3_706, 1_000_209};
      case ML_10M -> new long[] {69_878, 10_677, 10_000_054};
      case ML_20M -> new long[] {138_493, 26_744, 20_000_263};
    };
  }
}
