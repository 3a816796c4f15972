package org.kernelnet.apps.mnist.internal;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.NormalInitializer;
import java.util.ArrayList;
import java.util.List;
import org.kernelnet.api.Kernel;
import org.kernelnet.apps.mnist.PixelLocations;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.djl.nn.AlphaMode;
import org.kernelnet.djl.nn.KernelLayerStack;
import org.kernelnet.djl.nn.Locations;

/**
 * The network of Figure 4 / Table 1 of Mueller et al. (2018): P kernelNet layers with the 2-D
 * Gaussian RBF kernel in parallel over the 784 pixels (like the filters of a convolution, but
 * without weight sharing over positions), concatenated, ReLU, optional dropout, and a dense softmax
 * layer, the P layers computed as one {@link KernelLayerStack} (one matrix product):
 *
 * <pre>
 * x [B, 784] -> for p = 1..P: h_p = x W_p + b_p,  W_p[i, j] = alpha_pi exp(-gamma ||u_pi - v_pj||^2)
 *            -> concat [B, P h] -> relu -> dropout -> z = . W_out + b_out [B, 10]
 * </pre>
 *
 * <p>Each layer has its own input locations {@code u_p [784, 2]} (the pixel grid, frozen, or
 * random and trained; see {@link PixelLocations}), its own output locations {@code v_p [h, 2]}
 * (random {@code N(0, s^2)} with the spread {@code s = 27 / sqrt(12)} of the grid, trained) and its
 * own per-pixel scales {@code alpha_p [784]} drawn from {@code N(0, 1)} so that the P layers start
 * as different filters. A frozen grid without noise is stored once and shared by the P layers (the
 * same values as P frozen copies). Coordinates are in pixels, so {@code gamma} is in {@code 1 / pixel^2}: a
 * receptive field of standard deviation sigma pixels has {@code gamma = 1 / (2 sigma^2)}.
 *
 * @param locations where the pixels sit
 * @param layers the number P of parallel kernel layers
 * @param units the number h of output units of each
 * @param gamma the RBF inverse squared width, in {@code 1 / pixel^2}
 * @param locationNoise the standard deviation (pixels) of the Gaussian noise added to the input
 *     locations in training (0 for none, see {@link LocationNoise})
 * @param dropout the dropout probability before the softmax layer, in {@code [0, 1)}
 */
public record GridPriorNetwork(PixelLocations locations, int layers, int units, double gamma,
    double locationNoise, double dropout) {
  /** The side of the 28 x 28 grid in pixel units (spacing 1). */
  public static final double EXTENT = MnistData.SIDE - 1;
  /** The standard deviation of a uniform spread over the grid, {@code 27 / sqrt(12)}. */
  public static final double SPREAD = EXTENT / Math.sqrt(12);

  /** Validates the values. */
  public GridPriorNetwork {
    requireNonNull(locations, "locations is null");
    if (layers < 1 || units < 1 || !(gamma > 0) || !(locationNoise >= 0) || !(dropout >= 0)
        || dropout >= 1) {
      throw new IllegalArgumentException("need layers >= 1, units >= 1, gamma > 0, noise >= 0, "
          + "dropout in [0, 1); got " + layers + ", " + units + ", " + gamma + ", " + locationNoise
          + ", " + dropout);
    }
  }

  /** The RBF kernel spec, e.g. {@code rbf:gamma=0.25}. */
  public String kernelSpec() {
    return "rbf:gamma=" + gamma;
  }

  /** The hidden width {@code P h}. */
  public long hiddenUnits() {
    return (long) layers * units;
  }

  /**
   * Builds the network (uninitialised).
   *
   * @param rbf the RBF kernel for {@link #kernelSpec()}, from the registry
   */
  public Block build(Kernel rbf) {
    requireNonNull(rbf, "rbf is null");
    Locations pixels = switch (locations) {
      case GRID -> Locations.grid(MnistData.SIDE, MnistData.SIDE, EXTENT).frozen();
      case RANDOM -> Locations.normal(SPREAD);
    };
    // A frozen grid is the same in every layer: share it (one Gram matrix for all layers) unless
    // each layer needs its own noisy copy.
    boolean shared = !pixels.isTrainable() && locationNoise == 0;
    KernelLayerStack stack = KernelLayerStack.builder()
        .setLayers(layers)
        .setUnits(units)
        .setDimension(2)
        .setKernel(rbf)
        .optAlpha(AlphaMode.PER_INPUT)
        .optAlphaInitializer(new NormalInitializer(1f))
        .optInputLocations(pixels)
        .optOutputLocations(Locations.normal(SPREAD))
        .optSharedInputLocations(shared)
        .build();
    Block parallel = locationNoise > 0 ? new LocationNoise(stack, locationNoise) : stack;
    SequentialBlock net = new SequentialBlock().add(parallel).add(Activation.reluBlock());
    if (dropout > 0) {
      net.add(Dropout.builder().optRate((float) dropout).build());
    }
    return net.add(Linear.builder().setUnits(10).build());
  }

  /** The matrix products: P maps {@code 784 -> h} reading the data, then {@code P h -> 10}. */
  public FlopCount flopCount() {
    List<FlopCount.DenseMap> maps = new ArrayList<>();
    for (int p = 0; p < layers; p++) {
      maps.add(new FlopCount.DenseMap(MnistData.SIDE * MnistData.SIDE, units, true));
    }
    maps.add(new FlopCount.DenseMap(hiddenUnits(), 10, false));
    return new FlopCount(maps);
  }
}
