package org.kernelnet.apps.movielens.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the MovieLens applications get ratings and movie titles: a MovieLens data set's, a Monti
 * et al. data set's with its split, or a ratings file of one's own. The MovieLens module binds
 * {@link DataDirectoryRatings}; a test or an extension binds its own (generated ratings, another
 * store) in its place.
 */
public interface RatingsSource {
  /**
   * All ratings of {@code dataset}, with the file they were read from.
   *
   * @throws IOException if they cannot be had; the message names the file and the reason
   */
  RatingsFile ratings(MovieLensDataset dataset) throws IOException;

  /**
   * All ratings of the Monti et al. data set {@code dataset}, with the file read and its
   * published split.
   *
   * @throws IOException if they cannot be had; the message names the file and the reason
   */
  RatingsFile ratings(MontiDataset dataset) throws IOException;

  /**
   * The movie titles of {@code dataset}, {@link MovieTitles#none()} where there are none.
   *
   * @throws IOException if they exist but cannot be read; the message names the file
   */
  MovieTitles titles(MovieLensDataset dataset) throws IOException;

  /**
   * All ratings of a file of one's own, read in {@code format} (what it leaves open detected).
   *
   * @throws IOException if they cannot be had; the message names the file and the reason
   */
  RatingsFile ratings(Path file, RatingsFormat format) throws IOException;

  /**
   * The ratings of {@code input}: a data set's, a file's, or a training and a test file's
   * ({@link GivenTestFile}).
   */
  default RatingsFile ratings(RatingsInput input) throws IOException {
    if (input instanceof RatingsInput.MovieLens m) {
      return ratings(m.dataset());
    }
    if (input instanceof RatingsInput.Monti m) {
      return ratings(m.dataset());
    }
    RatingsInput.OwnFile own = (RatingsInput.OwnFile) input;
    RatingsFile train = ratings(own.file(), own.format());
    if (own.testFile() == null) {
      return train;
    }
    return GivenTestFile.combine(train, ratings(own.testFile(), train.ratings().format()));
  }

  /** The titles of {@code input}'s items: a data set's, none for a file of one's own. */
  default MovieTitles titles(RatingsInput input) throws IOException {
    return input instanceof RatingsInput.MovieLens m ? titles(m.dataset()) : MovieTitles.none();
  }
}
