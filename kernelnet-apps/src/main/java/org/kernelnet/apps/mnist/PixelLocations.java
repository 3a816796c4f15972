package org.kernelnet.apps.mnist;

import java.util.Locale;

/**
 * Where the 784 input pixels of a grid-prior kernel layer sit (Table 1 of Mueller et al. 2018).
 * Coordinates are in pixel units: neighbouring pixels are 1 apart, the image is centred at the
 * origin.
 */
public enum PixelLocations {
  /** Fixed on the 28 x 28 pixel grid: the prior knowledge of where each pixel is. */
  GRID,
  /**
   * Random, {@code N(0, s^2)} with {@code s = 27 / sqrt(12)} (the spread of the grid), and trained:
   * the network has to discover the image topology itself.
   */
  RANDOM,
  /**
   * Starting on the grid, and trained (not in the paper): shows whether training keeps the image's
   * layout, i.e. whether the objective pulls pixel locations towards it or away from it.
   */
  GRID_TRAINED;

  /** The name used on the command line and in the results, e.g. {@code grid_trained}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
