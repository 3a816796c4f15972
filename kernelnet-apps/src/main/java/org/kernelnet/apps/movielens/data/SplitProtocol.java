package org.kernelnet.apps.movielens.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a run divides its ratings into training and test sets ({@code --protocol}).
 *
 * <ul>
 *   <li>{@link #RANDOM}: {@code n} random splits holding out the fraction {@code f}, split {@code
 *       j} drawn with seed {@code seed + j} (the paper's protocol; {@link RatingSplit#random});
 *   <li>{@link #KFOLD}: {@code n}-fold cross-validation, the folds drawn with {@code seed} ({@link
 *       RatingSplit#kFold});
 *   <li>{@link #OFFICIAL}: the split the data come with ({@link PublishedSplit}: the Monti et al.
 *       data sets' masks, a given test file), else ML-100K's folds {@code u1 .. u<n>} ({@link
 *       Ml100kFolds}).
 * </ul>
 */
public enum SplitProtocol {
  /** Random splits of a test fraction. */
  RANDOM,
  /** k-fold cross-validation. */
  KFOLD,
  /** The data's published split or folds. */
  OFFICIAL;

  /** The command-line name, e.g. {@code kfold}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The protocol named {@code id} on the command line. */
  public static Optional<SplitProtocol> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
  }

  /** The command-line names, comma separated. */
  public static String ids() {
    return Arrays.stream(values()).map(SplitProtocol::id).collect(Collectors.joining(", "));
  }

  /**
   * The splits of {@code ratings}.
   *
   * @param input what the ratings were read from (all of it), for {@link #OFFICIAL}
   * @param published the split the data come with, if any, for {@link #OFFICIAL}
   * @param count the splits ({@link #RANDOM}), folds ({@link #KFOLD}) or published folds to use
   * @param testFraction the test fraction of {@link #RANDOM}
   * @param seed the seed of the first split
   * @throws IllegalArgumentException if the data have no published split, more than one split of
   *     a {@link PublishedSplit} is asked for, or the ratings are not all of ML-100K's file in its
   *     order
   */
  public List<RatingSplit> splits(RatingsInput input, Ratings ratings,
      Optional<PublishedSplit> published, int count, double testFraction, long seed) {
    return switch (this) {
      case RANDOM -> RatingSplit.randomSplits(ratings, testFraction, seed, count);
      case KFOLD -> RatingSplit.kFold(ratings, count, seed);
      case OFFICIAL -> {
        if (published.isPresent()) {
          if (count != 1) {
            throw new IllegalArgumentException(input.label() + " comes with one split, "
                + count + " were asked for");
          }
          yield List.of(published.get().split(ratings, seed));
        }
        if (!input.is(MovieLensDataset.ML_100K)) {
          throw new IllegalArgumentException(input.label() + " has no published split (only"
              + " ML-100K's folds u1..u5, the Monti et al. data sets' splits and given test"
              + " files are known)");
        }
        yield Ml100kFolds.folds(ratings, count, seed);
      }
    };
  }

  /**
   * How tables name the splits, e.g. {@code 5 random 80/20 splits}, {@code the official folds
   * u1..u5}, {@code the Monti et al. (2017) split}.
   */
  public String describe(int count, double testFraction, Optional<PublishedSplit> published) {
    return switch (this) {
      case RANDOM -> String.format(Locale.ROOT, "%d random %.0f/%.0f splits", count,
          100 * (1 - testFraction), 100 * testFraction);
      case KFOLD -> count + "-fold cross-validation";
      case OFFICIAL -> published.map(PublishedSplit::description).orElse(
          count == 1 ? "the official fold u1" : "the official folds u1..u" + count);
    };
  }
}
