package org.kernelnet.apps.mnist.data;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.data.Checksum;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;

/**
 * Loads the standard MNIST training (60,000) and test (10,000) sets from the data directory layout
 * {@code mnist/<official name>.gz} (see {@link MnistFile}). Images are 28 x 28, flattened to {@code
 * [N, 784]} in {@code [0, 1]}.
 */
public final class MnistData {
  /** The image height and width of MNIST. */
  public static final int SIDE = 28;
  /** The number of training images. */
  public static final int TRAIN_SIZE = 60_000;
  /** The number of test images. */
  public static final int TEST_SIZE = 10_000;

  private MnistData() {}

  /** The 60,000 training images and labels, downloaded first if missing. */
  public static MnistSet train(DataDirectory dir, Downloader downloader) throws IOException {
    return load(dir, downloader, MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS, TRAIN_SIZE);
  }

  /** The 10,000 test images and labels, downloaded first if missing. */
  public static MnistSet test(DataDirectory dir, Downloader downloader) throws IOException {
    return load(dir, downloader, MnistFile.TEST_IMAGES, MnistFile.TEST_LABELS, TEST_SIZE);
  }

  /**
   * The path of an MNIST file in the data directory. A missing file is downloaded from its official
   * page, else its mirror, and kept only if its size, MD5 and SHA-256 are the published ones.
   *
   * @throws FileNotFoundException if it is missing and cannot be downloaded; the message names the
   *     file, where it is expected, where to download it and why each download failed
   */
  public static Path locate(DataDirectory dir, MnistFile file, Downloader downloader)
      throws FileNotFoundException {
    requireNonNull(dir, "dir is null");
    requireNonNull(file, "file is null");
    requireNonNull(downloader, "downloader is null");
    Path path = dir.path(file.relativePath());
    if (Files.isRegularFile(path)) {
      return path;
    }
    List<String> failures = new ArrayList<>();
    for (String url : file.urls()) {
      try {
        return downloader.download(URI.create(url), path,
            List.of(Checksum.sha256(file.sha256()), Checksum.md5(file.md5())), file.bytes());
      } catch (IOException e) {
        failures.add(url + ": " + e.getMessage());
      }
    }
    throw new FileNotFoundException(dir.missingMessage(file.relativePath(), file.howToGetIt())
        + " Download failed: " + String.join("; ", failures));
  }

  private static MnistSet load(DataDirectory dir, Downloader downloader, MnistFile images,
      MnistFile labels, int expectedSize) throws IOException {
    Path imagePath = locate(dir, images, downloader);
    Path labelPath = locate(dir, labels, downloader);
    MnistSet set = IdxReader.read(imagePath, labelPath);
    if (set.rows() != SIDE || set.columns() != SIDE) {
      throw new IOException(imagePath + ": images are " + set.rows() + " x " + set.columns()
          + ", MNIST images are " + SIDE + " x " + SIDE);
    }
    if (set.size() != expectedSize) {
      throw new IOException(imagePath + ": holds " + set.size() + " images, the official file has "
          + expectedSize);
    }
    return set;
  }
}
