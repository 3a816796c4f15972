package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A data set that comes with its own train/test split: its ratings, the file they were read from
 * and the split.
 *
 * @param file the file read
 * @param ratings every rating, train and test
 * @param split the data set's split of {@code ratings}
 */
public record SplitRatings(Path file, Ratings ratings, RatingSplit split) {
  /** Validates the record. */
  public SplitRatings {
    requireNonNull(file, "file is null");
    requireNonNull(ratings, "ratings is null");
    requireNonNull(split, "split is null");
    if (split.ratings() != ratings) {
      throw new IllegalArgumentException("the split is not of these ratings");
    }
  }
}
