package org.kernelnet.apps.movielens;

import java.nio.file.Path;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsFile;

/**
 * The ratings a {@code movielens} run trains on: the data set's file, all its ratings, and those of
 * the first {@code --max-items} items with the matching row count.
 *
 * @param file the ratings file read
 * @param all every rating of the file
 * @param ratings the ratings used: all, or those of items {@code [0, maxItems)}
 * @param items the rows of the rating matrix
 */
record RunData(Path file, Ratings all, Ratings ratings, int items) {
  /**
   * Applies {@code --max-items}.
   *
   * @param maxItems the items to keep, 0 for all
   */
  static RunData of(RatingsFile data, int maxItems) {
    Ratings all = data.ratings();
    if (maxItems <= 0) {
      return new RunData(data.file(), all, all, all.numItems());
    }
    return new RunData(data.file(), all, MovieLensApp.firstItems(all, maxItems),
        Math.min(maxItems, all.numItems()));
  }
}
