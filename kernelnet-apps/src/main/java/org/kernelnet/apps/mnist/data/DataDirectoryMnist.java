package org.kernelnet.apps.mnist.data;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.report.DataFile;

/**
 * The official MNIST files in the data directory ({@link MnistData}), each downloaded from its
 * official page or mirror if missing and kept only with the published checksums.
 */
public final class DataDirectoryMnist implements MnistSource {
  private final DataDirectory dataDir;
  private final Downloader downloader;

  /**
   * @param dataDir where the files are
   * @param downloader fetches a missing file
   */
  @Inject
  public DataDirectoryMnist(DataDirectory dataDir, Downloader downloader) {
    this.dataDir = requireNonNull(dataDir, "dataDir is null");
    this.downloader = requireNonNull(downloader, "downloader is null");
  }

  @Override
  public MnistSet train() throws IOException {
    return MnistData.train(dataDir, downloader);
  }

  @Override
  public MnistSet test() throws IOException {
    return MnistData.test(dataDir, downloader);
  }

  /** The four files, e.g. role {@code train-images}, in {@link MnistFile} order. */
  @Override
  public List<DataFile> files() throws IOException {
    List<DataFile> files = new ArrayList<>();
    for (MnistFile file : MnistFile.values()) {
      files.add(DataFile.of(file.name().toLowerCase(Locale.ROOT).replace('_', '-'),
          MnistData.locate(dataDir, file, downloader)));
    }
    return files;
  }
}
