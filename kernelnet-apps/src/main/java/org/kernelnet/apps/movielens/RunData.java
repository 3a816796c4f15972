package org.kernelnet.apps.movielens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsReader;

/**
 * The ratings a {@code movielens} run trains on: the data set's file (located, or downloaded), all
 * its ratings, and those of the first {@code --max-items} items with the matching row count.
 *
 * @param file the ratings file read
 * @param all every rating of the file
 * @param ratings the ratings used: all, or those of items {@code [0, maxItems)}
 * @param items the rows of the rating matrix
 */
record RunData(Path file, Ratings all, Ratings ratings, int items) {
  /**
   * Locates and reads the configured data set and applies {@code --max-items}.
   *
   * @param notes told how many blank lines the ratings file had, if any
   */
  static RunData load(MovieLensConfig config, DataDirectory dataDir, Downloader downloader,
      Consumer<String> notes) throws IOException {
    Path file = config.dataset().locate(dataDir, downloader);
    Ratings all = RatingsReader.of(config.dataset()).read(file, notes);
    if (config.maxItems() <= 0) {
      return new RunData(file, all, all, all.numItems());
    }
    return new RunData(file, all, MovieLensApp.firstItems(all, config.maxItems()),
        Math.min(config.maxItems(), all.numItems()));
  }
}
