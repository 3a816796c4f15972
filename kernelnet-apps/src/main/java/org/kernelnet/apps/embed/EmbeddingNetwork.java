package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.List;
import org.kernelnet.api.Kernel;
import org.kernelnet.djl.nn.AdaptiveThreshold;
import org.kernelnet.djl.nn.AlphaMode;
import org.kernelnet.djl.nn.CentreOfMass;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.Locations;

/**
 * The extensible 2-D embedding network of section 3.3 of Mueller et al. 2018, e.g.
 * 784-2000-2000-2500-K1600-2000-2000-(10|784):
 *
 * <ul>
 *   <li><b>encoder</b>: fully connected ReLU layers {@code x [B, in] -> h [B, hidden_last]}, then
 *       the 2-D kernelNet layer {@code K}: {@code z_j = sum_i alpha_i K(u_i, v_j) h_i + b_j} with the
 *       {@code g x g} output locations {@code v [g*g, 2]} fixed on a grid of spacing 1 ({@link
 *       Locations#grid}{@code (g, g, g - 1).frozen()}) and the input locations {@code u [hidden_last,
 *       2]} trained, started {@code N(0, ((g - 1) / 4)^2)} so that they cover the grid; then the Eq. 9
 *       threshold {@code a = max(0, z - (eta max(z) + (1 - eta) mean(z)))}, {@code a [B, g*g]};
 *   <li><b>decoder</b>: fully connected ReLU layers on {@code a}, then a linear output layer {@code
 *       [B, out]} (class logits, or per-pixel logits for an autoencoder);
 *   <li><b>map position</b>: the Eq. 10 centre of mass {@code c = sum_j a_j v_j / sum_j a_j}, {@code
 *       [B, 2]} in grid units (row, column), NaN for an all-zero {@code a}.
 * </ul>
 *
 * <p>ReLU is used in the fully connected layers as in the paper's MLPs; alpha starts at {@code
 * 1/sqrt(hidden_last)} so that the kernel layer's pre-activations start at the scale of a
 * He-initialised dense layer's. Embedding a new example is one forward pass through the encoder:
 * nothing is re-fitted.
 */
public final class EmbeddingNetwork {
  private final Architecture architecture;
  private final SequentialBlock encoder;
  private final SequentialBlock decoder;
  private final SequentialBlock network;

  /**
   * The layer sizes and the embedding layer's settings.
   *
   * @param inputs input features, e.g. 784
   * @param hidden the encoder's fully connected widths, at least one (the last feeds the kernel layer)
   * @param grid the side g of the {@code g x g} embedding grid, {@code >= 2}
   * @param decoder the decoder's fully connected widths (may be empty)
   * @param outputs the output width, e.g. 10 or 784
   * @param eta the Eq. 9 mixing factor in {@code [0, 1)}
   */
  public record Architecture(
      int inputs, List<Integer> hidden, int grid, List<Integer> decoder, int outputs, double eta) {
    /** Validates and copies the record. */
    public Architecture {
      hidden = List.copyOf(hidden);
      decoder = List.copyOf(decoder);
      if (inputs < 1 || outputs < 1) {
        throw new IllegalArgumentException(
            "inputs and outputs must be >= 1, got " + inputs + " and " + outputs);
      }
      if (hidden.isEmpty()) {
        throw new IllegalArgumentException("the encoder needs at least one hidden layer");
      }
      if (grid < 2) {
        throw new IllegalArgumentException("grid must be >= 2, got " + grid);
      }
      if (!(eta >= 0 && eta < 1)) {
        throw new IllegalArgumentException("eta must be in [0, 1), got " + eta);
      }
    }

    /** The number of embedding units {@code g * g}. */
    public int units() {
      return grid * grid;
    }

    /** The spacing-1 extent of the grid, {@code g - 1}. */
    public double extent() {
      return grid - 1;
    }
  }

  /**
   * Builds the blocks (uninitialised: initialise through a {@code Trainer} or {@link
   * Block#initialize} with input shape {@code [B, inputs]}).
   *
   * @param kernel the kernel of the embedding layer, e.g. {@code rbf(gamma=0.1)} (distances in grid
   *     cells)
   */
  public EmbeddingNetwork(Architecture architecture, Kernel kernel) {
    this.architecture = requireNonNull(architecture, "architecture is null");
    requireNonNull(kernel, "kernel is null");
    encoder = new SequentialBlock();
    for (int width : architecture.hidden()) {
      encoder.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
    }
    int last = architecture.hidden().get(architecture.hidden().size() - 1);
    encoder.add(KernelLayer.builder()
        .setUnits(architecture.units())
        .setDimension(2)
        .setKernel(kernel)
        .optAlpha(AlphaMode.PER_INPUT)
        .optAlphaInitializer(new ConstantInitializer((float) (1 / Math.sqrt(last))))
        .optInputLocations(Locations.normal(architecture.extent() / 4))
        .optOutputLocations(gridLocations())
        .build());
    encoder.add(AdaptiveThreshold.of(architecture.eta()));
    decoder = new SequentialBlock();
    for (int width : architecture.decoder()) {
      decoder.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
    }
    decoder.add(Linear.builder().setUnits(architecture.outputs()).build());
    network = new SequentialBlock().add(encoder).add(decoder);
  }

  /** The architecture. */
  public Architecture architecture() {
    return architecture;
  }

  /** The whole network {@code [B, inputs] -> [B, outputs]}, to train. */
  public Block block() {
    return network;
  }

  /** The input shape for initialisation, {@code [1, inputs]}. */
  public Shape inputShape() {
    return new Shape(1, architecture.inputs());
  }

  /**
   * The Eq. 9 activations of the embedding layer.
   *
   * @param x {@code [B, inputs]}
   * @return {@code [B, g*g]}, non-negative, on x's manager
   */
  public NDArray embed(ParameterStore parameterStore, NDArray x, boolean training) {
    return encoder.forward(parameterStore, new NDList(x), training).singletonOrThrow();
  }

  /**
   * The decoder on embedding-layer activations (real ones or artificial bumps).
   *
   * @param activations {@code [B, g*g]}
   * @return the output logits {@code [B, outputs]}
   */
  public NDArray decode(ParameterStore parameterStore, NDArray activations, boolean training) {
    return decoder.forward(parameterStore, new NDList(activations), training).singletonOrThrow();
  }

  /**
   * The Eq. 10 map positions of activations.
   *
   * @param activations {@code [B, g*g]} from {@link #embed}
   * @return {@code [B, 2]} (row, column) in grid units centred at 0, on the activations' manager;
   *     NaN rows where every activation is zero
   */
  public NDArray centres(NDArray activations) {
    NDManager manager = activations.getManager();
    NDArray v = gridLocations().initialize(
        manager, new Shape(architecture.units(), 2), DataType.FLOAT32);
    return CentreOfMass.of(activations, v.toType(activations.getDataType(), false));
  }

  private Locations gridLocations() {
    return Locations.grid(architecture.grid(), architecture.grid(), architecture.extent()).frozen();
  }
}
