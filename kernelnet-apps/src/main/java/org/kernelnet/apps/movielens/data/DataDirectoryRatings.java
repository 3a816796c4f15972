package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;

/**
 * The ratings and titles in the data directory: a MovieLens data set's ratings file where {@link
 * MovieLensDataset#locate} finds it (downloaded from GroupLens if missing) read by {@link
 * RatingsReader#of}, and its item file read by {@link MovieTitles#find}; a Monti et al. data
 * set's file where {@link MontiDataset#locate} finds it; a file of one's own is read where it is.
 */
public final class DataDirectoryRatings implements RatingsSource {
  private final DataDirectory dataDir;
  private final Downloader downloader;
  private final Consumer<String> notes;

  /**
   * @param dataDir where the files are
   * @param downloader fetches a missing ratings file
   * @param notes told what was detected in a file and how many blank lines it had, if any
   */
  public DataDirectoryRatings(
      DataDirectory dataDir, Downloader downloader, Consumer<String> notes) {
    this.dataDir = requireNonNull(dataDir, "dataDir is null");
    this.downloader = requireNonNull(downloader, "downloader is null");
    this.notes = requireNonNull(notes, "notes is null");
  }

  @Override
  public RatingsFile ratings(MovieLensDataset dataset) throws IOException {
    Path file = dataset.locate(dataDir, downloader);
    return new RatingsFile(file, RatingsReader.of(dataset).read(file, notes));
  }

  @Override
  public RatingsFile ratings(MontiDataset dataset) throws IOException {
    return dataset.read(dataset.locate(dataDir, downloader));
  }

  @Override
  public RatingsFile ratings(Path file, RatingsFormat format) throws IOException {
    return new RatingsFile(file, new RatingsReader(format).read(file, notes));
  }

  @Override
  public MovieTitles titles(MovieLensDataset dataset) throws IOException {
    return MovieTitles.find(dataDir, dataset, notes);
  }
}
