package org.kernelnet.apps.cifar.data;

import java.util.Locale;

/** The two official CIFAR-10 splits: 50,000 training and 10,000 test images. */
public enum CifarSplit {
  /** The 50,000 training images (binary {@code data_batch_1..5.bin}). */
  TRAIN(50_000),
  /** The 10,000 test images (binary {@code test_batch.bin}). */
  TEST(10_000);

  private final int size;

  CifarSplit(int size) {
    this.size = size;
  }

  /** The number of images in the official split. */
  public int size() {
    return size;
  }

  /** The folder name of the split in an image-folder layout: {@code train} or {@code test}. */
  public String folderName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
