package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import org.kernelnet.apps.cifar.data.CifarSet;
import org.kernelnet.apps.cifar.data.RandomCrops;

/**
 * One version of the training images whose trunk features the head trains on: the images themselves,
 * their left-right mirror images, or one set of random crops ({@link RandomCrops}: pad 4, crop, fair
 * mirror coin per image). Each view's features are extracted and cached once, keyed by the set's id
 * plus {@link #suffix()}; every epoch the head sees, per training image, the features of one view
 * drawn uniformly ({@link AdamHeadTrainer}).
 *
 * @param suffix appended to the image set's id for the cache key, e.g. {@code -mirrored}
 * @param description what the view is, for progress lines, e.g. {@code mirrored }
 * @param mirrored whether the trunk mirrors the images (the mirror view)
 * @param cropSeed the seed of the random crops, used when {@code cropPadding > 0}
 * @param cropPadding the crop padding in pixels, 0 for the images or their mirror images
 */
record TrainingView(String suffix, String description, boolean mirrored, long cropSeed, int cropPadding) {
  /** The padding of the standard CIFAR crop augmentation. */
  static final int CROP_PADDING = 4;

  /** The training images as they are. */
  static final TrainingView IMAGES = new TrainingView("", "", false, 0, 0);
  /** Their left-right mirror images. */
  static final TrainingView MIRRORED = new TrainingView("-mirrored", "mirrored ", true, 0, 0);

  TrainingView {
    requireNonNull(suffix, "suffix is null");
    requireNonNull(description, "description is null");
  }

  /**
   * The {@code index}-th set of random crops (1-based) for the run's {@code seed}: crops drawn with
   * seed {@code seed * 1000 + index}, cached under the suffix {@code -crops4-s<seed>-<index>}.
   */
  static TrainingView crops(long seed, int index) {
    if (index < 1) {
      throw new IllegalArgumentException("crop views are numbered from 1, got " + index);
    }
    return new TrainingView("-crops" + CROP_PADDING + "-s" + seed + "-" + index,
        "randomly cropped (" + index + ") ", false, seed * 1000 + index, CROP_PADDING);
  }

  /** The images of this view of {@code images} (the trunk applies {@link #mirrored()} itself). */
  CifarSet images(CifarSet images) {
    return cropPadding == 0 ? images : RandomCrops.of(images, cropPadding, cropSeed);
  }
}
