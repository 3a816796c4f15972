package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Transform;
import java.util.Arrays;

/**
 * Per-channel input normalisation {@code y[c, h, w] = (x[c, h, w] - mean[c]) / std[c]}, applied to
 * images in {@code [0, 1]}.
 *
 * <p>{@link #IMAGENET} is the preprocessing of the pretrained CIFAR-10 ResNets ({@code
 * pretrained/README.md}): ImageNet statistics, mean {@code (0.485, 0.456, 0.406)}, std {@code
 * (0.229, 0.224, 0.225)} for R, G, B. As a DJL {@link Transform} it accepts one image {@code [C, H,
 * W]} or a batch {@code [N, C, H, W]}.
 */
public final class ChannelNormalization implements Transform {
  /** The normalisation the pretrained CIFAR-10 ResNets were trained with. */
  public static final ChannelNormalization IMAGENET = of(
      new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
  /** Mean 0 and std 1 on the three channels: leaves the pixels unchanged. */
  public static final ChannelNormalization IDENTITY = of(
      new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f});

  private final float[] mean;
  private final float[] std;

  private ChannelNormalization(float[] mean, float[] std) {
    this.mean = mean;
    this.std = std;
  }

  /**
   * A normalisation with one mean and one standard deviation per channel (copied).
   *
   * @throws IllegalArgumentException if the lengths differ or are 0, or a std is not finite and
   *     positive, or a mean is not finite
   */
  public static ChannelNormalization of(float[] mean, float[] std) {
    requireNonNull(mean, "mean is null");
    requireNonNull(std, "std is null");
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException("mean and std need the same number (>= 1) of channels, got "
          + mean.length + " and " + std.length);
    }
    for (int c = 0; c < mean.length; c++) {
      if (!Float.isFinite(mean[c])) {
        throw new IllegalArgumentException("mean[" + c + "] must be finite, got " + mean[c]);
      }
      if (!(std[c] > 0) || !Float.isFinite(std[c])) {
        throw new IllegalArgumentException("std[" + c + "] must be finite and > 0, got " + std[c]);
      }
    }
    return new ChannelNormalization(mean.clone(), std.clone());
  }

  /** The number of channels C. */
  public int channels() {
    return mean.length;
  }

  /** A copy of the per-channel means. */
  public float[] mean() {
    return mean.clone();
  }

  /** A copy of the per-channel standard deviations. */
  public float[] std() {
    return std.clone();
  }

  /**
   * Normalises flattened images {@code [N, C, planeSize]} (e.g. {@code planeSize = 32 * 32}) into a
   * new array of the same layout.
   *
   * @throws IllegalArgumentException if the length is not a multiple of {@code C * planeSize}
   */
  public float[] apply(float[] images, int planeSize) {
    requireNonNull(images, "images is null");
    if (planeSize < 1) {
      throw new IllegalArgumentException("planeSize must be >= 1, got " + planeSize);
    }
    int channels = mean.length;
    int imageSize = channels * planeSize;
    if (images.length % imageSize != 0) {
      throw new IllegalArgumentException("images has " + images.length
          + " values, not a multiple of " + channels + " channels * " + planeSize);
    }
    float[] out = new float[images.length];
    for (int start = 0; start < images.length; start += imageSize) {
      for (int c = 0; c < channels; c++) {
        float m = mean[c];
        float s = std[c];
        int from = start + c * planeSize;
        for (int i = from; i < from + planeSize; i++) {
          out[i] = (images[i] - m) / s;
        }
      }
    }
    return out;
  }

  /**
   * Normalises {@code [C, H, W]} or {@code [N, C, H, W]} images: floating-point pixels in {@code [0,
   * 1]}, or {@code UINT8} pixels {@code 0..255}, which are divided by 255 first. The result is float32
   * on the input's manager and device.
   *
   * @throws IllegalArgumentException if the rank is not 3 or 4, the channel axis is not C, or the
   *     data type is neither UINT8 nor floating point
   */
  @Override
  public NDArray transform(NDArray array) {
    requireNonNull(array, "array is null");
    Shape shape = array.getShape();
    int rank = shape.dimension();
    if ((rank != 3 && rank != 4) || shape.get(rank - 3) != mean.length) {
      throw new IllegalArgumentException("expected [C, H, W] or [N, C, H, W] with C = "
          + mean.length + ", got " + shape);
    }
    NDArray pixels;
    if (array.getDataType() == DataType.UINT8) {
      pixels = array.toType(DataType.FLOAT32, false).div(255f);
    } else if (array.getDataType().isFloating()) {
      pixels = array.toType(DataType.FLOAT32, false);
    } else {
      throw new IllegalArgumentException(
          "images must be UINT8 (0..255) or floating point in [0, 1], got " + array.getDataType());
    }
    NDManager manager = array.getManager();
    Shape perChannel = new Shape(mean.length, 1, 1);
    try (NDArray m = manager.create(mean).reshape(perChannel).toDevice(array.getDevice(), false);
        NDArray s = manager.create(std).reshape(perChannel).toDevice(array.getDevice(), false)) {
      return pixels.sub(m).div(s);
    }
  }

  @Override
  public String toString() {
    return "ChannelNormalization(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std)
        + ")";
  }
}
