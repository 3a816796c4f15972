package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A data set's ratings and the file they were read from, which logs, provenance and error
 * messages name.
 *
 * @param file the ratings file
 * @param ratings every rating in it
 */
public record RatingsFile(Path file, Ratings ratings) {
  /** Validates the record. */
  public RatingsFile {
    requireNonNull(file, "file is null");
    requireNonNull(ratings, "ratings is null");
  }
}
