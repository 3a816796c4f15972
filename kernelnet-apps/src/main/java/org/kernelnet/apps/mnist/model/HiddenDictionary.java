package org.kernelnet.apps.mnist.model;

/**
 * The coordinates given to the 500 hidden units of the first layer, over which the second layer's
 * weights are predicted in {@code mnist predict-params} (Denil et al. 2013). Hidden units have no
 * natural topology, so some must be imposed; since both layers train together from scratch, the
 * first layer learns to produce features that fit the second layer's dictionary.
 */
public enum HiddenDictionary {
  /**
   * The units on the most square exact grid (20 x 25 for 500), unit spacing, with the same
   * squared-exponential kernel as the pixels: a topographic prior, under which neighbouring hidden
   * units have similar outgoing weights, so the first layer is pushed towards a smooth feature map
   * (as in topographic ICA / self-organising maps). The default: same kernel, same code path, no
   * pre-training needed.
   */
  GRID,
  /**
   * The units at uniformly random points of a square of the same density (side {@code sqrt(n)}):
   * no ordering at all, the dictionary is then a fixed random smooth basis (close to Denil et al.'s
   * "RandCon" baseline), for comparison.
   */
  RANDOM
}
