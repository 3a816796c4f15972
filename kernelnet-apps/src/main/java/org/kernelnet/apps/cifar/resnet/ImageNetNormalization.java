package org.kernelnet.apps.cifar.resnet;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The input preprocessing the pretrained CIFAR ResNets were trained with ({@code trainer.py} of
 * {@code akamaster/pytorch_resnet_cifar10}): pixels in {@code [0, 1]} normalised per channel with the
 * ImageNet statistics, {@code x'[n, c, i, j] = (x[n, c, i, j] - mean[c]) / std[c]} with {@code mean =
 * (0.485, 0.456, 0.406)} and {@code std = (0.229, 0.224, 0.225)} for (R, G, B).
 */
public final class ImageNetNormalization {
  private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] STD = {0.229f, 0.224f, 0.225f};

  private ImageNetNormalization() {}

  /** The per-channel means (R, G, B). */
  public static float[] mean() {
    return MEAN.clone();
  }

  /** The per-channel standard deviations (R, G, B). */
  public static float[] std() {
    return STD.clone();
  }

  /**
   * Normalises images.
   *
   * @param images {@code [N, 3, H, W]}: either {@code UINT8} pixels {@code 0..255} (divided by 255
   *     first) or floating-point pixels in {@code [0, 1]}
   * @return {@code [N, 3, H, W]} float32, attached to the manager of {@code images}
   */
  public static NDArray normalize(NDArray images) {
    requireNonNull(images, "images is null");
    Shape shape = images.getShape();
    if (shape.dimension() != 4 || shape.get(1) != 3) {
      throw new IllegalArgumentException("images must be [N, 3, H, W] (RGB, NCHW), got " + shape);
    }
    NDArray x;
    if (images.getDataType() == DataType.UINT8) {
      x = images.toType(DataType.FLOAT32, false).div(255f);
    } else if (images.getDataType().isFloating()) {
      x = images.toType(DataType.FLOAT32, false);
    } else {
      throw new IllegalArgumentException(
          "images must be UINT8 (0..255) or floating point in [0, 1], got " + images.getDataType());
    }
    NDManager manager = x.getManager();
    NDArray mean = manager.create(MEAN, new Shape(1, 3, 1, 1)).toDevice(x.getDevice(), false);
    NDArray std = manager.create(STD, new Shape(1, 3, 1, 1)).toDevice(x.getDevice(), false);
    return x.sub(mean).div(std);
  }
}
