package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;
import static org.kernelnet.apps.cifar.data.Cifar10.CHANNELS;
import static org.kernelnet.apps.cifar.data.Cifar10.CLASSES;
import static org.kernelnet.apps.cifar.data.Cifar10.HEIGHT;
import static org.kernelnet.apps.cifar.data.Cifar10.IMAGE_VALUES;
import static org.kernelnet.apps.cifar.data.Cifar10.WIDTH;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A labelled set of CIFAR-10 images held in Java arrays.
 *
 * <p>{@code images} is {@code [N, 3, 32, 32]} flattened (NCHW: per image the R, G and B planes, each
 * row-major), values {@code x = byte / 255} in {@code [0, 1]}; {@code labels} is {@code [N]} with
 * values {@code 0..9} in the order of {@link Cifar10#CLASS_NAMES}. The arrays are not copied on
 * construction or access: treat them as read-only.
 */
public final class CifarSet {
  private final float[] images;
  private final byte[] labels;

  /**
   * A set over the given arrays (not copied).
   *
   * @param images {@code [N, 3, 32, 32]} in {@code [0, 1]}
   * @param labels {@code [N]} in {@code 0..9}
   * @throws IllegalArgumentException if the sizes disagree or a label is out of range
   */
  public CifarSet(float[] images, byte[] labels) {
    this.images = requireNonNull(images, "images is null");
    this.labels = requireNonNull(labels, "labels is null");
    if ((long) labels.length * IMAGE_VALUES != images.length) {
      throw new IllegalArgumentException("images has " + images.length + " values, expected "
          + labels.length + " labels * " + IMAGE_VALUES);
    }
    for (int i = 0; i < labels.length; i++) {
      if ((labels[i] & 0xFF) >= CLASSES) {
        throw new IllegalArgumentException("label " + (labels[i] & 0xFF) + " at index " + i
            + " is outside 0.." + (CLASSES - 1));
      }
    }
  }

  /** The sets one after the other (copied). */
  public static CifarSet concat(List<CifarSet> parts) {
    requireNonNull(parts, "parts is null");
    long total = 0;
    for (CifarSet part : parts) {
      total += requireNonNull(part, "a part is null").size();
    }
    if (total * IMAGE_VALUES > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(total + " images exceed the 2 GB a Java array can hold");
    }
    float[] images = new float[(int) total * IMAGE_VALUES];
    byte[] labels = new byte[(int) total];
    int offset = 0;
    for (CifarSet part : parts) {
      System.arraycopy(part.images, 0, images, offset * IMAGE_VALUES, part.images.length);
      System.arraycopy(part.labels, 0, labels, offset, part.labels.length);
      offset += part.size();
    }
    return new CifarSet(images, labels);
  }

  /** The number of images N. */
  public int size() {
    return labels.length;
  }

  /** The pixels {@code [N, 3, 32, 32]} in {@code [0, 1]}, shared, not copied. */
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

  /** A copy of image {@code i}, {@code [3, 32, 32]}. */
  public float[] image(int i) {
    return Arrays.copyOfRange(images, i * IMAGE_VALUES, (i + 1) * IMAGE_VALUES);
  }

  /** How many images carry each label, {@code [10]}. */
  public int[] labelCounts() {
    int[] counts = new int[CLASSES];
    for (byte label : labels) {
      counts[label & 0xFF]++;
    }
    return counts;
  }

  /** The images at {@code indices}, in that order (copied). */
  public CifarSet select(int[] indices) {
    requireNonNull(indices, "indices is null");
    float[] outImages = new float[indices.length * IMAGE_VALUES];
    byte[] outLabels = new byte[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= size()) {
        throw new IndexOutOfBoundsException("index " + i + " at position " + k
            + " is outside 0.." + (size() - 1));
      }
      System.arraycopy(images, i * IMAGE_VALUES, outImages, k * IMAGE_VALUES, IMAGE_VALUES);
      outLabels[k] = labels[i];
    }
    return new CifarSet(outImages, outLabels);
  }

  /** The first {@code n} images (copied); {@code n} in {@code 0..size()}. */
  public CifarSet head(int n) {
    if (n < 0 || n > size()) {
      throw new IllegalArgumentException("n must be in 0.." + size() + ", got " + n);
    }
    int[] indices = new int[n];
    Arrays.setAll(indices, i -> i);
    return select(indices);
  }

  /**
   * A training set and the validation set carved out of it.
   *
   * @param train the images not chosen for validation, in their original order
   * @param validation the chosen images, in their original order
   */
  public record Split(CifarSet train, CifarSet validation) {
    /** Checks both parts are present. */
    public Split {
      requireNonNull(train, "train is null");
      requireNonNull(validation, "validation is null");
    }
  }

  /**
   * Splits off a random validation set: a Fisher-Yates shuffle of {@code 0..N-1} driven by {@code
   * new Random(seed)} picks the first {@code validationSize} indices for validation, the rest stay
   * for training; both keep their original relative order. Same seed and size, same split.
   *
   * @param validationSize in {@code 1..N-1}
   */
  public Split split(int validationSize, long seed) {
    if (validationSize < 1 || validationSize >= size()) {
      throw new IllegalArgumentException("validationSize must be in 1.." + (size() - 1)
          + " for a set of " + size() + ", got " + validationSize);
    }
    int[] order = new int[size()];
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
    return new Split(select(train), select(validation));
  }

  /**
   * An {@link ArrayDataset.Builder} with data {@code [N, 3, 32, 32]} float32 and labels {@code [N]}
   * float32 (the label type of DJL's own CIFAR-10 dataset) created on {@code manager}, after
   * applying {@code normalization} to the pixels; set the sampling, limit or further transforms and
   * build it.
   */
  public ArrayDataset.Builder datasetBuilder(NDManager manager,
      ChannelNormalization normalization) {
    requireNonNull(manager, "manager is null");
    requireNonNull(normalization, "normalization is null");
    NDArray data = manager.create(normalization.apply(images, HEIGHT * WIDTH),
        new Shape(size(), CHANNELS, HEIGHT, WIDTH));
    float[] floatLabels = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      floatLabels[i] = labels[i] & 0xFF;
    }
    return new ArrayDataset.Builder().setData(data).optLabels(manager.create(floatLabels));
  }

  /**
   * A DJL dataset of the first {@code limit} images (all for {@code limit = size()}) in batches of
   * {@code batchSize}, pixels normalised by {@code normalization} ({@link
   * ChannelNormalization#IDENTITY} keeps {@code [0, 1]}). Shuffling uses DJL's {@code
   * RandomSampler}, reproducible through {@code Engine.getInstance().setRandomSeed(seed)}.
   *
   * @param limit in {@code 1..size()}
   */
  public ArrayDataset toDataset(NDManager manager, int batchSize, boolean shuffle, int limit,
      ChannelNormalization normalization) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (limit < 1 || limit > size()) {
      throw new IllegalArgumentException("limit must be in 1.." + size() + ", got " + limit);
    }
    return datasetBuilder(manager, normalization).setSampling(batchSize, shuffle).optLimit(limit)
        .build();
  }

  @Override
  public String toString() {
    return "CifarSet[" + size() + " images of 3 x 32 x 32]";
  }
}
