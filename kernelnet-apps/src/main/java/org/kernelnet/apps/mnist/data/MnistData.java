package org.kernelnet.apps.mnist.data;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kernelnet.apps.data.DataDirectory;

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

  /** The 60,000 training images and labels. */
  public static MnistSet train(DataDirectory dir) throws IOException {
    return load(dir, MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS, TRAIN_SIZE);
  }

  /** The 10,000 test images and labels. */
  public static MnistSet test(DataDirectory dir) throws IOException {
    return load(dir, MnistFile.TEST_IMAGES, MnistFile.TEST_LABELS, TEST_SIZE);
  }

  /**
   * The path of an MNIST file in the data directory.
   *
   * @throws FileNotFoundException if it is missing; the message names the file, where it is
   *     expected and where to download it
   */
  public static Path locate(DataDirectory dir, MnistFile file) throws FileNotFoundException {
    requireNonNull(dir, "dir is null");
    requireNonNull(file, "file is null");
    Path path = dir.path(file.relativePath());
    if (!Files.isRegularFile(path)) {
      throw new FileNotFoundException(dir.missingMessage(file.relativePath(), file.howToGetIt()));
    }
    return path;
  }

  private static MnistSet load(DataDirectory dir, MnistFile images, MnistFile labels,
      int expectedSize) throws IOException {
    Path imagePath = locate(dir, images);
    Path labelPath = locate(dir, labels);
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
