package org.kernelnet.apps.mnist.model;

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
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.djl.nn.AlphaMode;
import org.kernelnet.djl.nn.KernelLayerStack;
import org.kernelnet.djl.nn.KernelMaskedDense;
import org.kernelnet.djl.nn.Locations;

/**
 * The network of Figure 4 / Table 1 of Mueller et al. (2018): P kernelNet layers with the 2-D
 * Gaussian RBF kernel in parallel over the 784 pixels (like the filters of a convolution, but
 * without weight sharing over positions), concatenated, ReLU, optional dropout, and a dense softmax
 * layer, the P layers computed as one {@link KernelLayerStack} (one matrix product):
 *
 * <pre>
 * x [B, 784] -> (input dropout) -> for p = 1..P: h_p = x W_p + b_p,
 *                                    W_p[i, j] = alpha_pi exp(-gamma ||u_pi - v_pj||^2)
 *            -> concat [B, P h] -> relu -> dropout -> z = . W_out + b_out [B, 10]
 * </pre>
 *
 * <p>In the {@link LayerForm#MASKED masked} form the P layers are one {@link KernelMaskedDense} of
 * {@code P h} units, {@code W[i, j] = A_ij exp(-gamma ||u_i - v_j||^2)} with a free {@code A [784,
 * P h]} drawn like alpha (the kernel form is the special case where column j of A is the template
 * alpha_p of its layer), and one set of input locations {@code u [784, 2]}.
 *
 * <p>With {@code hidden > 0} a fully connected ReLU layer of that many units (and its own dropout)
 * sits between the concatenation and the softmax layer: {@code ... -> dropout -> Linear(hidden) ->
 * relu -> dropout -> Linear(10)}. The paper's Figure 4 shows the softmax layer right after the
 * kernel layers; the hidden layer is an option, not the paper's network.
 *
 * <p>Each layer has its own input locations {@code u_p [784, 2]} (the pixel grid, frozen; random
 * and trained; the grid, trained; or learned from the images and trained; see {@link
 * PixelLocations}), its own output locations {@code v_p [h, 2]}
 * (random {@code N(0, s^2)} with the spread {@code s = 27 / sqrt(12)} of the grid, trained) and its
 * own per-pixel scales {@code alpha_p [784]} drawn from {@code N(0, s_0^2)} (the initial scale
 * {@code s_0}, 1 by default; likewise A in the masked form) so that the P layers start as different
 * filters. A frozen grid without noise is stored once and shared by the P layers (the same values
 * as P frozen copies). Coordinates are in pixels, so {@code gamma} is in {@code 1 / pixel^2}: a
 * receptive field of standard deviation sigma pixels has {@code gamma = 1 / (2 sigma^2)}.
 *
 * @param locations where the pixels sit
 * @param form how the kernel makes the weights of the P layers
 * @param layers the number P of parallel kernel layers
 * @param units the number h of output units of each
 * @param gamma the RBF inverse squared width, in {@code 1 / pixel^2}
 * @param locationNoise the standard deviation (pixels) of the Gaussian noise added to the input
 *     locations in training (0 for none, see {@link LocationNoise})
 * @param inputDropout the dropout probability on the pixels (before the kernel layers), in
 *     {@code [0, 1)}
 * @param dropout the dropout probability before each dense layer, in {@code [0, 1)}
 * @param hidden the units of the fully connected hidden layer before the softmax layer, 0 for none
 * @param initScale the standard deviation {@code s_0 > 0} of the initial alpha (kernel form) or A
 *     (masked form)
 * @param kernel the kernel specification in place of the paper's {@code rbf:gamma=gamma} (any
 *     registered kernel, plugins included), or null for the paper's
 */
public record GridPriorNetwork(PixelLocations locations, LayerForm form, int layers, int units,
    double gamma, double locationNoise, double inputDropout, double dropout, int hidden,
    double initScale, String kernel) {
  /** The side of the 28 x 28 grid in pixel units (spacing 1). */
  public static final double EXTENT = MnistData.SIDE - 1;
  /** The standard deviation of a uniform spread over the grid, {@code 27 / sqrt(12)}. */
  public static final double SPREAD = EXTENT / Math.sqrt(12);

  /** Validates the values. */
  public GridPriorNetwork {
    requireNonNull(locations, "locations is null");
    requireNonNull(form, "form is null");
    if (layers < 1 || units < 1 || !(gamma > 0) || !(locationNoise >= 0)
        || !isProbability(inputDropout) || !isProbability(dropout) || hidden < 0
        || !(initScale > 0)) {
      throw new IllegalArgumentException("need layers >= 1, units >= 1, gamma > 0, noise >= 0, "
          + "dropouts in [0, 1), hidden >= 0, initial scale > 0; got " + layers + ", " + units
          + ", " + gamma + ", " + locationNoise + ", " + inputDropout + ", " + dropout + ", "
          + hidden + ", " + initScale);
    }
  }

  /** The paper's network, with the RBF kernel of {@code gamma}. */
  public GridPriorNetwork(PixelLocations locations, LayerForm form, int layers, int units,
      double gamma, double locationNoise, double inputDropout, double dropout, int hidden,
      double initScale) {
    this(locations, form, layers, units, gamma, locationNoise, inputDropout, dropout, hidden,
        initScale, null);
  }

  /** The kernel spec: {@link #kernel} if given, else the paper's, e.g. {@code rbf:gamma=0.25}. */
  public String kernelSpec() {
    return kernel != null ? kernel : "rbf:gamma=" + gamma;
  }

  /** The hidden width {@code P h}. */
  public long hiddenUnits() {
    return (long) layers * units;
  }

  /**
   * Builds the network (uninitialised) for a variant that needs no learned layout.
   *
   * @param rbf the RBF kernel for {@link #kernelSpec()}, from the registry
   * @throws IllegalStateException for {@link PixelLocations#CORRELATION}
   */
  public Block build(Kernel rbf) {
    if (locations == PixelLocations.CORRELATION) {
      throw new IllegalStateException("correlation locations need the learned layout");
    }
    return build(rbf, null);
  }

  /**
   * Builds the network (uninitialised).
   *
   * @param rbf the RBF kernel for {@link #kernelSpec()}, from the registry
   * @param learned the layout learned from the images ({@link PixelTopology}) for {@link
   *     PixelLocations#CORRELATION}, where every layer starts from it; ignored otherwise
   */
  public Block build(Kernel rbf, PixelTopology learned) {
    requireNonNull(rbf, "rbf is null");
    Locations pixels = switch (locations) {
      case GRID -> Locations.grid(MnistData.SIDE, MnistData.SIDE, EXTENT).frozen();
      case RANDOM -> Locations.normal(SPREAD);
      case GRID_TRAINED -> Locations.grid(MnistData.SIDE, MnistData.SIDE, EXTENT);
      case CORRELATION -> Locations.points(
          requireNonNull(learned, "correlation locations need the learned layout").locations());
    };
    Block parallel = switch (form) {
      case KERNEL -> kernelLayers(rbf, pixels);
      case MASKED -> maskedLayers(rbf, pixels);
    };
    SequentialBlock net = new SequentialBlock();
    addDropout(net, inputDropout);
    net.add(parallel).add(Activation.reluBlock());
    addDropout(net, dropout);
    if (hidden > 0) {
      net.add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock());
      addDropout(net, dropout);
    }
    return net.add(Linear.builder().setUnits(10).build());
  }

  /** The P kernelNet layers as one stack, wrapped in the location noise if any. */
  private Block kernelLayers(Kernel rbf, Locations pixels) {
    // A frozen grid is the same in every layer: share it (one Gram matrix for all layers) unless
    // each layer needs its own noisy copy.
    boolean shared = !pixels.isTrainable() && locationNoise == 0;
    KernelLayerStack stack = KernelLayerStack.builder()
        .setLayers(layers)
        .setUnits(units)
        .setDimension(2)
        .setKernel(rbf)
        .optAlpha(AlphaMode.PER_INPUT)
        .optAlphaInitializer(new NormalInitializer((float) initScale))
        .optInputLocations(pixels)
        .optOutputLocations(Locations.normal(SPREAD))
        .optSharedInputLocations(shared)
        .build();
    return locationNoise > 0 ? new LocationNoise(stack, locationNoise) : stack;
  }

  /** The P h kernel-masked units, wrapped in the location noise if any. */
  private Block maskedLayers(Kernel rbf, Locations pixels) {
    KernelMaskedDense masked = KernelMaskedDense.builder()
        .setUnits(hiddenUnits())
        .setDimension(2)
        .setKernel(rbf)
        .optWeightInitializer(new NormalInitializer((float) initScale))
        .optInputLocations(pixels)
        .optOutputLocations(Locations.normal(SPREAD))
        .build();
    return locationNoise > 0 ? new LocationNoise(masked, locationNoise) : masked;
  }

  private static boolean isProbability(double rate) {
    return rate >= 0 && rate < 1;
  }

  private static void addDropout(SequentialBlock net, double rate) {
    if (rate > 0) {
      net.add(Dropout.builder().optRate((float) rate).build());
    }
  }

  /**
   * A one-line description, e.g. {@code 32 x KernelLayer(rbf:gamma=0.5, d=2, h=100) -> ...} or
   * {@code KernelMaskedDense(rbf:gamma=0.5, d=2, h=3200) -> ...}.
   */
  public String describe() {
    String layer = switch (form) {
      case KERNEL ->
          layers + " x KernelLayer(" + kernelSpec() + ", d=2, h=" + units + ") -> concat";
      case MASKED -> "KernelMaskedDense(" + kernelSpec() + ", d=2, h=" + hiddenUnits() + ")";
    };
    return layer + " -> relu"
        + (hidden > 0 ? " -> Linear(" + hidden + ") -> relu" : "") + " -> Linear(10)";
  }

  /**
   * The matrix products: P maps {@code 784 -> h} reading the data, then {@code P h -> 10}, or
   * {@code P h -> hidden -> 10}. The masked form's one map {@code 784 -> P h} is the same products
   * in one piece.
   */
  public FlopCount flopCount() {
    List<FlopCount.DenseMap> maps = new ArrayList<>();
    for (int p = 0; p < layers; p++) {
      maps.add(new FlopCount.DenseMap(MnistData.SIDE * MnistData.SIDE, units, true));
    }
    if (hidden > 0) {
      maps.add(new FlopCount.DenseMap(hiddenUnits(), hidden, false));
      maps.add(new FlopCount.DenseMap(hidden, 10, false));
    } else {
      maps.add(new FlopCount.DenseMap(hiddenUnits(), 10, false));
    }
    return new FlopCount(maps);
  }
}
