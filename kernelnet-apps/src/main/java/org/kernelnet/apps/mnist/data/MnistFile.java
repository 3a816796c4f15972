package org.kernelnet.apps.mnist.data;

import java.util.List;

/**
 * The four official MNIST files: name, size and checksums, in one place for the downloader.
 *
 * <p>Each file lives at {@code mnist/<fileName>} in the data directory. The md5 values are the
 * official ones; the sha256 values are those pinned by nixpkgs for the same download (see the data
 * README).
 */
public enum MnistFile {
  /** 60,000 training images, IDX magic 2051, 28 x 28. */
  TRAIN_IMAGES(
      "train-images-idx3-ubyte.gz",
      9_912_422L,
      "f68b3c2dcbeaaa9fbdd348bbdeb94873",
      "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
  /** 60,000 training labels, IDX magic 2049. */
  TRAIN_LABELS(
      "train-labels-idx1-ubyte.gz",
      28_881L,
      "d53e105ee54ea40749a09fcbcd1e9432",
      "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
  /** 10,000 test images, IDX magic 2051, 28 x 28. */
  TEST_IMAGES(
      "t10k-images-idx3-ubyte.gz",
      1_648_877L,
      "9fb629c4189551a2d022fa330f9573f3",
      "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
  /** 10,000 test labels, IDX magic 2049. */
  TEST_LABELS(
      "t10k-labels-idx1-ubyte.gz",
      4_542L,
      "ec29112dd5afa0611ce80d1b7f02629c",
      "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

  /** The folder of the MNIST files inside the data directory. */
  public static final String FOLDER = "mnist";
  /** The official MNIST page, which serves the four files under their names. */
  public static final String OFFICIAL_SOURCE = "http://yann.lecun.com/exdb/mnist/";
  /** The mirror torchvision uses when the official page is down; same bytes. */
  public static final String MIRROR = "https://ossci-datasets.s3.amazonaws.com/mnist/";

  private final String fileName;
  private final long bytes;
  private final String md5;
  private final String sha256;

  MnistFile(String fileName, long bytes, String md5, String sha256) {
    this.fileName = fileName;
    this.bytes = bytes;
    this.md5 = md5;
    this.sha256 = sha256;
  }

  /** The official file name, e.g. {@code train-images-idx3-ubyte.gz}. */
  public String fileName() {
    return fileName;
  }

  /** The path relative to the data directory, e.g. {@code mnist/train-images-idx3-ubyte.gz}. */
  public String relativePath() {
    return FOLDER + "/" + fileName;
  }

  /** The size of the compressed file in bytes. */
  public long bytes() {
    return bytes;
  }

  /** The official md5 of the compressed file, lower-case hex. */
  public String md5() {
    return md5;
  }

  /** The sha256 of the compressed file, lower-case hex. */
  public String sha256() {
    return sha256;
  }

  /** Where to download it: the official page first, then the mirror. */
  public List<String> urls() {
    return List.of(OFFICIAL_SOURCE + fileName, MIRROR + fileName);
  }

  /** The hint printed when the file is missing: where to get it and how to check it. */
  public String howToGetIt() {
    return "Download it from " + urls().get(0) + " (official MNIST page " + OFFICIAL_SOURCE
        + "; mirror " + urls().get(1) + "), expected " + bytes + " bytes, sha256 " + sha256
        + ", md5 " + md5 + ".";
  }
}
