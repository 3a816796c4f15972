package org.kernelnet.apps.mnist.data;

import org.kernelnet.apps.data.LabeledArrays;

/**
 * How the validation images are chosen from the training file.
 *
 * <p>MNIST's test set shares no writer with its training set, but the training file keeps a writer's
 * digits near each other: same-label images at most 20 places apart are about 8 % closer in mean
 * squared pixel distance than random same-label pairs ({@code MnistDataTest} checks this on the real
 * file). A random validation split therefore shares writers with the training images; a contiguous
 * block shares far fewer, as the test set shares none.
 */
public enum ValidationSplit {
  /** Images drawn at random by the seed ({@link LabeledArrays#split}). */
  RANDOM,
  /** A contiguous block of the file at an offset drawn by the seed ({@link LabeledArrays#blockSplit}). */
  BLOCK;

  /** Training and validation indices of {@code 0..n-1} for this way of splitting. */
  LabeledArrays.SplitIndices indices(int n, int validationSize, long seed) {
    return this == RANDOM
        ? LabeledArrays.split(n, validationSize, seed)
        : LabeledArrays.blockSplit(n, validationSize, seed);
  }
}
