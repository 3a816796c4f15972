package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The fixed facts of CIFAR-10: 10 classes in the official order, 3 x 32 x 32 RGB images.
 *
 * <p>One image is {@code [3, 32, 32]}: the red plane, then green, then blue, each row-major, which is
 * the order of the official binary records and of DJL's NCHW layout.
 */
public final class Cifar10 {
  /** The class names; the index in this list is the label. */
  public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat",
      "deer", "dog", "frog", "horse", "ship", "truck");
  /** The number of classes. */
  public static final int CLASSES = 10;
  /** Colour channels (R, G, B). */
  public static final int CHANNELS = 3;
  /** Image height. */
  public static final int HEIGHT = 32;
  /** Image width. */
  public static final int WIDTH = 32;
  /** Values per image, {@code 3 * 32 * 32 = 3072}. */
  public static final int IMAGE_VALUES = CHANNELS * HEIGHT * WIDTH;
  /** Bytes per record of the binary format: one label byte and 3072 pixel bytes. */
  public static final int RECORD_BYTES = 1 + IMAGE_VALUES;

  private Cifar10() {}

  /**
   * The label of a class name.
   *
   * @throws IllegalArgumentException if the name is not one of {@link #CLASS_NAMES}
   */
  public static int classIndex(String name) {
    requireNonNull(name, "name is null");
    int index = CLASS_NAMES.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("unknown CIFAR-10 class '" + name + "', expected one of "
          + CLASS_NAMES);
    }
    return index;
  }
}
