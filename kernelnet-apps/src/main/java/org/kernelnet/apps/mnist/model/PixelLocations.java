package org.kernelnet.apps.mnist.model;

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
  GRID_TRAINED,
  /**
   * Learned from the training images alone (not in the paper): pixels whose intensities correlate
   * are put close together ({@code PixelTopology}, Isomap over pixel correlations), then trained
   * like random locations. Like {@link #RANDOM} it is not given the grid; unlike it, it uses the
   * data to find the layout before the network is trained.
   */
  CORRELATION;

  /** The name used on the command line and in the results, e.g. {@code grid_trained}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
