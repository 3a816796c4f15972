package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;
import static org.kernelnet.apps.cifar.data.Cifar10.CHANNELS;
import static org.kernelnet.apps.cifar.data.Cifar10.HEIGHT;
import static org.kernelnet.apps.cifar.data.Cifar10.IMAGE_VALUES;
import static org.kernelnet.apps.cifar.data.Cifar10.WIDTH;

import java.util.Random;

/**
 * The standard CIFAR training augmentation, drawn once per image: zero-pad by {@code pad} pixels, cut
 * a random 32 x 32 crop, mirror it left-right with probability 1/2 (torchvision's {@code
 * RandomCrop(32, padding=pad)} then {@code RandomHorizontalFlip()}, the augmentation the pretrained
 * ResNets were trained with).
 *
 * <p>For image {@code n} the offsets {@code dy, dx} are uniform in {@code -pad .. pad} and the flip
 * {@code m} a fair coin, drawn in that order from one {@code new Random(seed)} over the images in
 * turn; the result is
 *
 * <pre>
 *   out[n, c, y, x] = in[n, c, y + dy, x' + dx]   x' = m ? W - 1 - x : x
 * </pre>
 *
 * <p>and 0 (black) where {@code y + dy} or {@code x' + dx} falls outside the image. Same seed, same
 * crops.
 */
public final class RandomCrops {
  private RandomCrops() {}

  /**
   * One randomly cropped and mirrored copy of every image of {@code set}, labels unchanged.
   *
   * @param set the images, pixels in {@code [0, 1]}
   * @param pad the padding in pixels, in {@code 0 .. 31}
   * @param seed the seed of the offsets and flips
   */
  public static CifarSet of(CifarSet set, int pad, long seed) {
    requireNonNull(set, "set is null");
    if (pad < 0 || pad >= HEIGHT) {
      throw new IllegalArgumentException("pad must be in 0.." + (HEIGHT - 1) + ", got " + pad);
    }
    Random random = new Random(seed);
    float[] in = set.images();
    float[] out = new float[in.length];
    for (int n = 0; n < set.size(); n++) {
      int dy = random.nextInt(2 * pad + 1) - pad;
      int dx = random.nextInt(2 * pad + 1) - pad;
      boolean mirror = random.nextBoolean();
      crop(in, out, n * IMAGE_VALUES, dy, dx, mirror);
    }
    return new CifarSet(out, set.labels());
  }

  /** Writes the crop of the image at {@code offset} of {@code in} into the same place of {@code out}. */
  static void crop(float[] in, float[] out, int offset, int dy, int dx, boolean mirror) {
    for (int c = 0; c < CHANNELS; c++) {
      int plane = offset + c * HEIGHT * WIDTH;
      for (int y = 0; y < HEIGHT; y++) {
        int sy = y + dy;
        if (sy < 0 || sy >= HEIGHT) {
          continue;
        }
        for (int x = 0; x < WIDTH; x++) {
          int sx = (mirror ? WIDTH - 1 - x : x) + dx;
          if (sx >= 0 && sx < WIDTH) {
            out[plane + y * WIDTH + x] = in[plane + sy * WIDTH + sx];
          }
        }
      }
    }
  }
}
