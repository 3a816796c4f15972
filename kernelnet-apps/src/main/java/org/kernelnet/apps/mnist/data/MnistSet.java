package org.kernelnet.apps.mnist.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Arrays;
import org.kernelnet.apps.data.LabeledArrays;

/**
 * A labelled set of grey-scale images held in Java arrays.
 *
 * <p>{@code images} is {@code [N, rows * columns]} row-major, pixel values {@code x} in {@code [0,
 * 1]} (byte / 255); {@code labels} is {@code [N]} with values {@code 0..9}. The arrays are not copied
 * on construction or access: treat them as read-only.
 */
public final class MnistSet {
  /** The number of classes (digits 0..9). */
  public static final int CLASSES = 10;

  private final float[] images;
  private final byte[] labels;
  private final int rows;
  private final int columns;

  /**
   * A set over the given arrays (not copied).
   *
   * @param images {@code [N, rows * columns]} in {@code [0, 1]}
   * @param labels {@code [N]} in {@code 0..9}
   * @throws IllegalArgumentException if the sizes disagree or a label is out of range
   */
  public MnistSet(float[] images, byte[] labels, int rows, int columns) {
    this.images = requireNonNull(images, "images is null");
    this.labels = requireNonNull(labels, "labels is null");
    if (rows < 1 || columns < 1) {
      throw new IllegalArgumentException("rows and columns must be >= 1, got " + rows + " x "
          + columns);
    }
    this.rows = rows;
    this.columns = columns;
    if ((long) labels.length * rows * columns != images.length) {
      throw new IllegalArgumentException("images has " + images.length + " values, expected "
          + labels.length + " labels * " + rows + " * " + columns);
    }
    for (int i = 0; i < labels.length; i++) {
      if ((labels[i] & 0xFF) >= CLASSES) {
        throw new IllegalArgumentException("label " + (labels[i] & 0xFF) + " at index " + i
            + " is outside 0.." + (CLASSES - 1));
      }
    }
  }

  /** The number of images N. */
  public int size() {
    return labels.length;
  }

  /** The image height. */
  public int rows() {
    return rows;
  }

  /** The image width. */
  public int columns() {
    return columns;
  }

  /** Pixels per image, {@code rows * columns} (784 for MNIST). */
  public int pixelsPerImage() {
    return rows * columns;
  }

  /** The pixels {@code [N, rows * columns]} in {@code [0, 1]}, shared, not copied. */
  public float[] images() {
    return images;
  }

  /** The labels {@code [N]} in {@code 0..9}, shared, not copied. */
  public byte[] labels() {
    return labels;
  }

  /** The label of image {@code i}. */
  public int label(int i) {
    return labels[i] & 0xFF;
  }

  /** A copy of the pixels of image {@code i}, {@code [rows * columns]}. */
  public float[] image(int i) {
    int p = pixelsPerImage();
    return Arrays.copyOfRange(images, i * p, (i + 1) * p);
  }

  /** How many images carry each label, {@code [10]}. */
  public int[] labelCounts() {
    return LabeledArrays.counts(labels, CLASSES);
  }

  /** The images at {@code indices}, in that order (copied). */
  public MnistSet select(int[] indices) {
    return new MnistSet(LabeledArrays.selectImages(images, pixelsPerImage(), indices),
        LabeledArrays.selectLabels(labels, indices), rows, columns);
  }

  /** The first {@code n} images (copied), for quick runs; {@code n} in {@code 0..size()}. */
  public MnistSet head(int n) {
    return select(LabeledArrays.head(n, size()));
  }

  /**
   * A training set and the validation set carved out of it.
   *
   * @param train the images not chosen for validation, in their original order
   * @param validation the chosen images, in their original order
   */
  public record Split(MnistSet train, MnistSet validation) {
    /** Checks both parts are present. */
    public Split {
      requireNonNull(train, "train is null");
      requireNonNull(validation, "validation is null");
    }
  }

  /**
   * Splits off a random validation set of {@code validationSize} images in {@code 0..N-1} ({@link
   * LabeledArrays#split}; 0 gives an empty validation set); both parts keep their original order.
   * Same seed and size, same split.
   */
  public Split split(int validationSize, long seed) {
    return split(validationSize, seed, ValidationSplit.RANDOM);
  }

  /**
   * Splits off a validation set of {@code validationSize} images chosen the given {@code way}; both
   * parts keep their original order. Same seed, size and way, same split.
   */
  public Split split(int validationSize, long seed, ValidationSplit way) {
    LabeledArrays.SplitIndices indices = way.indices(size(), validationSize, seed);
    return new Split(select(indices.train()), select(indices.validation()));
  }

  /**
   * An {@link ArrayDataset.Builder} with data {@code [N, rows * columns]} float32 and labels {@code
   * [N]} float32 created on {@code manager}; set the sampling, limit or transforms and build it.
   */
  public ArrayDataset.Builder datasetBuilder(NDManager manager) {
    return LabeledArrays.datasetBuilder(manager, images, new Shape(pixelsPerImage()), labels);
  }

  /**
   * A DJL dataset of the whole set in batches of {@code batchSize}. Shuffling uses DJL's {@code
   * RandomSampler}, reproducible through {@code Engine.getInstance().setRandomSeed(seed)}.
   */
  public ArrayDataset toDataset(NDManager manager, int batchSize, boolean shuffle) {
    return toDataset(manager, batchSize, shuffle, size());
  }

  /**
   * As {@link #toDataset(NDManager, int, boolean)}, but only the first {@code limit} examples are
   * served (quick modes); {@code limit} in {@code 1..size()}.
   */
  public ArrayDataset toDataset(NDManager manager, int batchSize, boolean shuffle, int limit) {
    return LabeledArrays.dataset(datasetBuilder(manager), size(), batchSize, shuffle, limit);
  }

  @Override
  public String toString() {
    return "MnistSet[" + size() + " images of " + rows + " x " + columns + "]";
  }
}
