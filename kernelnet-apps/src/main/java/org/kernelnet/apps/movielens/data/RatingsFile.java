package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A data set's ratings, the file they were read from, which logs, provenance and error messages
 * name, and the train/test split the data come with, if any.
 *
 * @param file the ratings file
 * @param ratings every rating in it
 * @param published the test ratings the data come with ({@link MontiDataset}, a given test file);
 *     null if none
 */
public record RatingsFile(Path file, Ratings ratings, PublishedSplit published) {
  /** Validates the record. */
  public RatingsFile {
    requireNonNull(file, "file is null");
    requireNonNull(ratings, "ratings is null");
  }

  /** Ratings without a split of their own. */
  public RatingsFile(Path file, Ratings ratings) {
    this(file, ratings, null);
  }

  /** The split the data come with, if any. */
  public Optional<PublishedSplit> publishedSplit() {
    return Optional.ofNullable(published);
  }
}
