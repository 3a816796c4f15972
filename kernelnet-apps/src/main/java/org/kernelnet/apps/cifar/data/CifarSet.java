package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;
import static org.kernelnet.apps.cifar.data.Cifar10.CHANNELS;
import static org.kernelnet.apps.cifar.data.Cifar10.CLASSES;
import static org.kernelnet.apps.cifar.data.Cifar10.HEIGHT;
import static org.kernelnet.apps.cifar.data.Cifar10.IMAGE_VALUES;
import static org.kernelnet.apps.cifar.data.Cifar10.WIDTH;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Arrays;
import java.util.List;
import org.kernelnet.apps.data.LabeledArrays;

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
    return LabeledArrays.counts(labels, CLASSES);
  }

  /** The images at {@code indices}, in that order (copied). */
  public CifarSet select(int[] indices) {
    return new CifarSet(LabeledArrays.selectImages(images, IMAGE_VALUES, indices),
        LabeledArrays.selectLabels(labels, indices));
  }

  /** The first {@code n} images (copied); {@code n} in {@code 0..size()}. */
  public CifarSet head(int n) {
    return select(LabeledArrays.head(n, size()));
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
   * Splits off a random validation set of {@code validationSize} images in {@code 0..N-1} ({@link
   * LabeledArrays#split}; 0 gives an empty validation set); both parts keep their original order.
   * Same seed and size, same split.
   */
  public Split split(int validationSize, long seed) {
    LabeledArrays.SplitIndices indices = LabeledArrays.split(size(), validationSize, seed);
    return new Split(select(indices.train()), select(indices.validation()));
  }

  /**
   * An {@link ArrayDataset.Builder} with data {@code [N, 3, 32, 32]} float32 and labels {@code [N]}
   * float32 created on {@code manager}, after applying {@code normalization} to the pixels; set the
   * sampling, limit or further transforms and build it.
   */
  public ArrayDataset.Builder datasetBuilder(NDManager manager,
      ChannelNormalization normalization) {
    requireNonNull(normalization, "normalization is null");
    return LabeledArrays.datasetBuilder(manager, normalization.apply(images, HEIGHT * WIDTH),
        new Shape(CHANNELS, HEIGHT, WIDTH), labels);
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
    return LabeledArrays.dataset(
        datasetBuilder(manager, normalization), size(), batchSize, shuffle, limit);
  }

  @Override
  public String toString() {
    return "CifarSet[" + size() + " images of 3 x 32 x 32]";
  }
}
