package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Arrays;
import java.util.Random;

/**
 * The array work shared by the labelled image sets (MNIST, CIFAR-10): images are one flat {@code
 * float[]} of {@code N * valuesPerImage} values, labels a {@code byte[N]} of unsigned class indices.
 */
public final class LabeledArrays {
  private LabeledArrays() {}

  /**
   * Training and validation indices of a seeded split.
   *
   * @param train the indices not chosen, ascending
   * @param validation the chosen indices, ascending
   */
  public record SplitIndices(int[] train, int[] validation) {}

  /**
   * A random validation split of {@code 0..n-1}: a Fisher-Yates shuffle driven by {@code new
   * Random(seed)} picks the first {@code validationSize} indices for validation, the rest stay for
   * training; both are returned in ascending order. Same seed and sizes, same split.
   *
   * @param validationSize in {@code 0..n-1}; 0 leaves every index for training
   */
  public static SplitIndices split(int n, int validationSize, long seed) {
    checkValidationSize(n, validationSize);
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] validation = Arrays.copyOfRange(order, 0, validationSize);
    int[] train = Arrays.copyOfRange(order, validationSize, order.length);
    Arrays.sort(validation);
    Arrays.sort(train);
    return new SplitIndices(train, validation);
  }

  /**
   * A contiguous validation block of {@code 0..n-1}: {@code validationSize} consecutive indices from
   * a start drawn uniformly from {@code 0..n - validationSize} by {@code new Random(seed)}; the rest
   * stay for training. Where a file keeps related examples (one writer's digits) close together, a
   * block shares fewer of them with training than a random split. Same seed and sizes, same split.
   *
   * @param validationSize in {@code 0..n-1}; 0 leaves every index for training
   */
  public static SplitIndices blockSplit(int n, int validationSize, long seed) {
    checkValidationSize(n, validationSize);
    int start = new Random(seed).nextInt(n - validationSize + 1);
    int[] validation = new int[validationSize];
    Arrays.setAll(validation, i -> start + i);
    int[] train = new int[n - validationSize];
    Arrays.setAll(train, i -> i < start ? i : i + validationSize);
    return new SplitIndices(train, validation);
  }

  private static void checkValidationSize(int n, int validationSize) {
    if (validationSize < 0 || validationSize >= n) {
      throw new IllegalArgumentException("validationSize must be in 0.." + (n - 1)
          + " for a set of " + n + ", got " + validationSize);
    }
  }

  /** {@code 0..n-1}, for the first {@code n} of a set of {@code size}; {@code n} in {@code 0..size}. */
  public static int[] head(int n, int size) {
    if (n < 0 || n > size) {
      throw new IllegalArgumentException("n must be in 0.." + size + ", got " + n);
    }
    int[] indices = new int[n];
    Arrays.setAll(indices, i -> i);
    return indices;
  }

  /**
   * The images at {@code indices}, in that order (copied).
   *
   * @throws IndexOutOfBoundsException naming the bad index and its position
   */
  public static float[] selectImages(float[] images, int valuesPerImage, int[] indices) {
    requireNonNull(indices, "indices is null");
    int size = images.length / valuesPerImage;
    float[] out = new float[indices.length * valuesPerImage];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= size) {
        throw new IndexOutOfBoundsException(
            "index " + i + " at position " + k + " is outside 0.." + (size - 1));
      }
      System.arraycopy(images, i * valuesPerImage, out, k * valuesPerImage, valuesPerImage);
    }
    return out;
  }

  /** The labels at {@code indices}, in that order (copied); indices checked by {@link #selectImages}. */
  public static byte[] selectLabels(byte[] labels, int[] indices) {
    byte[] out = new byte[indices.length];
    for (int k = 0; k < indices.length; k++) {
      out[k] = labels[indices[k]];
    }
    return out;
  }

  /** How many labels equal each class, {@code [classes]}. */
  public static int[] counts(byte[] labels, int classes) {
    int[] counts = new int[classes];
    for (byte label : labels) {
      counts[label & 0xFF]++;
    }
    return counts;
  }

  /**
   * An {@link ArrayDataset.Builder} over {@code images} reshaped to {@code [N, imageShape...]} and
   * the labels as float32 (the label type of DJL's own MNIST and CIFAR-10 datasets), on {@code
   * manager}.
   */
  public static ArrayDataset.Builder datasetBuilder(
      NDManager manager, float[] images, Shape imageShape, byte[] labels) {
    requireNonNull(manager, "manager is null");
    float[] floatLabels = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      floatLabels[i] = labels[i] & 0xFF;
    }
    Shape shape = new Shape(labels.length).addAll(imageShape);
    return new ArrayDataset.Builder()
        .setData(manager.create(images, shape))
        .optLabels(manager.create(floatLabels));
  }

  /**
   * Builds a dataset of the first {@code limit} examples in batches of {@code batchSize}; shuffling
   * uses DJL's {@code RandomSampler}, reproducible through {@code
   * Engine.getInstance().setRandomSeed(seed)}.
   *
   * @param limit in {@code 1..size}
   */
  public static ArrayDataset dataset(
      ArrayDataset.Builder builder, int size, int batchSize, boolean shuffle, int limit) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (limit < 1 || limit > size) {
      throw new IllegalArgumentException("limit must be in 1.." + size + ", got " + limit);
    }
    return builder.setSampling(batchSize, shuffle).optLimit(limit).build();
  }
}
