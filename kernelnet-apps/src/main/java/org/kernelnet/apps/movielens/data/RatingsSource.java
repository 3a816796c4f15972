package org.kernelnet.apps.movielens.data;

import java.io.IOException;

/**
 * Where the MovieLens applications get a data set's ratings and movie titles. The MovieLens
 * module binds {@link DataDirectoryRatings}; a test or an extension binds its own (generated
 * ratings, another store) in its place.
 */
public interface RatingsSource {
  /**
   * All ratings of {@code dataset}, with the file they were read from.
   *
   * @throws IOException if they cannot be had; the message names the file and the reason
   */
  RatingsFile ratings(MovieLensDataset dataset) throws IOException;

  /**
   * The movie titles of {@code dataset}, {@link MovieTitles#none()} where there are none.
   *
   * @throws IOException if they exist but cannot be read; the message names the file
   */
  MovieTitles titles(MovieLensDataset dataset) throws IOException;
}
