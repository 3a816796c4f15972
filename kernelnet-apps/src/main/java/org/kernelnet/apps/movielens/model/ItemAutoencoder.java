package org.kernelnet.apps.movielens.model;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.api.Scalars;
import org.kernelnet.api.SparsityRegularizer;
import org.kernelnet.djl.complexity.ComplexityReport;
import org.kernelnet.djl.nn.AbstractKernelBlock;
import org.kernelnet.djl.nn.AlphaMode;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.KernelMaskedDense;
import org.kernelnet.djl.nn.Locations;

/**
 * An item-based autoencoder (I-AutoRec style, Eq. 13 of Mueller et al. 2018) in a DJL {@link Model}:
 * input {@code r [B, users]} (an item's training ratings by every user, 0 where unrated), hidden
 * layers {@code g(x W_l + b_l)} of sigmoid units, output {@code h [B, users] = x W_out + b_out}
 * (identity). The weight matrices are parametrised as {@link AutoencoderSpec#kind()} says; all
 * layers, the output layer included, use the same parametrisation, as in the authors' code.
 *
 * <p>Initialisation: dense weights Glorot-uniform, biases 0; sparse-FC locations truncated-normal
 * with std 1e-3 (all kernel values start near 1); kernelNet locations {@code N(0, s^2)} with {@code
 * s = (2 / ((in + out) d))^(1/4)}, so that {@code u . v} (and, for small values, {@code tanh(u . v)})
 * has the Glorot variance {@code 2 / (in + out)}, and alpha 1. {@link ModelKind#GLOCAL_K} is built
 * as sparse FC but initialises each bias {@code b [n]} as GLocal-K's code does, with TensorFlow 1's
 * default for a variable made without an initializer: Glorot-uniform, which for one axis takes
 * {@code n} as both fans, {@code U(-sqrt(3 / n), sqrt(3 / n))}.
 *
 * <p>The {@link #loss training loss} is {@code 1/2 sum_{observed} (h - r)^2} plus the registry's
 * regularisers of {@link AutoencoderSpec#effectiveRegularizers()} summed over every layer, each
 * seeing the layer's dense weights (for kernelNet, which has none, the effective weights) and kernel
 * matrix: by default {@code l2:lambda=lambda_2} and {@code kernel-overlap:lambda=lambda_0/2}.
 */
public final class ItemAutoencoder implements RatingModel {
  private static final Initializer GLOROT_UNIFORM =
      new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3);
  /** TensorFlow 1's Glorot-uniform on a bias {@code [n]}: {@code U(-sqrt(3 / n), sqrt(3 / n))}. */
  private static final Initializer TENSORFLOW_BIAS = (manager, shape, dataType) -> {
    float limit = (float) Math.sqrt(3.0 / shape.size());
    return manager.randomUniform(-limit, limit, shape, dataType);
  };

  private final AutoencoderSpec spec;
  private final int users;
  private final Model model;
  private final SequentialBlock block;
  private final List<Block> layers;
  private final KernelnetRegistry registry;
  private List<SparsityRegularizer> regularizers; // resolved when first needed: training only

  private ItemAutoencoder(AutoencoderSpec spec, int users, KernelnetRegistry registry, Device device) {
    this.spec = spec;
    this.users = users;
    this.layers = new ArrayList<>();
    this.block = new SequentialBlock();
    long in = users;
    for (int l = 0; l < spec.layers(); l++) {
      Block layer = layer(spec, in, spec.hidden(), registry);
      layers.add(layer);
      block.add(layer);
      block.add(Activation.sigmoidBlock());
      in = spec.hidden();
    }
    Block out = layer(spec, in, users, registry);
    layers.add(out);
    block.add(out);
    block.setInitializer(GLOROT_UNIFORM, Parameter.Type.WEIGHT);
    if (spec.kind() == ModelKind.GLOCAL_K) {
      block.setInitializer(TENSORFLOW_BIAS, Parameter.Type.BIAS);
    }
    this.registry = registry;
    this.model = Model.newInstance("movielens-" + spec.slug(), device);
    model.setBlock(block);
  }

  /**
   * A new, randomly initialised autoencoder (seed DJL's engine first for reproducible values).
   *
   * @param spec the architecture
   * @param users the number of users, i.e. input and output width
   * @param registry where the kernel and regularisers come from
   * @param device where the parameters live
   * @throws IllegalArgumentException for an unknown kernel or bad kernel settings
   */
  public static ItemAutoencoder create(
      AutoencoderSpec spec, int users, KernelnetRegistry registry, Device device) {
    ItemAutoencoder autoencoder = build(spec, users, registry, device);
    autoencoder.block.initialize(
        autoencoder.model.getNDManager(), DataType.FLOAT32, new Shape(1, users));
    return autoencoder;
  }

  /**
   * An autoencoder with the parameters saved by {@link #saveParameters}.
   *
   * @throws MalformedModelException if the saved parameters do not fit {@code spec}
   */
  public static ItemAutoencoder load(
      AutoencoderSpec spec, int users, KernelnetRegistry registry, Device device, DataInputStream in)
      throws IOException, MalformedModelException {
    ItemAutoencoder autoencoder = build(spec, users, registry, device);
    try {
      autoencoder.block.loadParameters(autoencoder.model.getNDManager(), in);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      autoencoder.close();
      throw e;
    }
    return autoencoder;
  }

  private static ItemAutoencoder build(
      AutoencoderSpec spec, int users, KernelnetRegistry registry, Device device) {
    requireNonNull(spec, "spec is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(device, "device is null");
    if (users < 1) {
      throw new IllegalArgumentException("users must be >= 1, got " + users);
    }
    return new ItemAutoencoder(spec, users, registry, device);
  }

  private static Block layer(AutoencoderSpec spec, long in, long out, KernelnetRegistry registry) {
    return switch (spec.kind()) {
      case AUTOREC -> Linear.builder().setUnits(out).build();
      case KERNELNET -> {
        double std = Math.pow(2.0 / ((in + out) * (double) spec.dimension()), 0.25);
        yield KernelLayer.builder()
            .setUnits(out)
            .setDimension(spec.dimension())
            .setKernel(spec.kernel(), registry)
            .optAlpha(AlphaMode.PER_OUTPUT)
            .optInputLocations(Locations.normal(std))
            .optOutputLocations(Locations.normal(std))
            .build();
      }
      case SPARSE_FC, GLOCAL_K -> KernelMaskedDense.builder()
          .setUnits(out)
          .setDimension(spec.dimension())
          .setKernel(spec.kernel(), registry)
          .optWeightInitializer(GLOROT_UNIFORM)
          .optInputLocations(Locations.truncatedNormal(1e-3))
          .optOutputLocations(Locations.truncatedNormal(1e-3))
          .build();
    };
  }

  /** The architecture. */
  @Override
  public AutoencoderSpec spec() {
    return spec;
  }

  /** The number of users (input and output width). */
  @Override
  public int users() {
    return users;
  }

  /** The DJL model holding the block and owning the parameters. */
  @Override
  public Model model() {
    return model;
  }

  /** The whole network. */
  public SequentialBlock block() {
    return block;
  }

  /** The one block, {@link #block()}. */
  @Override
  public List<Block> blocks() {
    return List.of(block);
  }

  /** The weight layers, input layer first, output layer last. */
  public List<Block> layers() {
    return List.copyOf(layers);
  }

  /** Parameter and MAC counts (Table 4) of the current parameters. */
  public PredictionCost cost(int ratedInputs) {
    return PredictionCost.of(ComplexityReport.of(block), users, ratedInputs);
  }

  /**
   * The full training loss for {@code ratings [B, users]} with observation mask {@code mask [B,
   * users]}: {@code 1/2 sum (mask ⊙ (h(ratings) - ratings))^2 + regScale * R}, where R is the
   * regularisers' sum over all layers. Everything is attached to {@code scope}, which must own (or
   * temporarily hold) {@code ratings} and {@code mask}.
   *
   * @param forward runs the network (the block with a parameter store on {@code scope}, or a DJL
   *     trainer's forward)
   * @param regScale the factor of the regularisation term: 1 on the full batch, the batch's share of
   *     the items on a mini-batch
   */
  public NDArray loss(
      Function<NDList, NDList> forward, NDManager scope, NDArray ratings, NDArray mask,
      double regScale) {
    NDArray prediction = forward.apply(new NDList(ratings)).singletonOrThrow();
    NDArray loss = squaredError(prediction, ratings, mask);
    NDArray penalty = penalty(new ParameterStore(scope, false), scope);
    if (penalty == null) {
      return loss;
    }
    return loss.add(regScale == 1 ? penalty : penalty.mul(Scalars.like(penalty, regScale)));
  }

  /** The forward pass of the block with a parameter store on {@code scope}, for {@link #loss}. */
  public Function<NDList, NDList> forward(NDManager scope) {
    ParameterStore store = new ParameterStore(scope, false);
    return inputs -> block.forward(store, inputs, true);
  }

  /** {@code 1/2 sum (mask ⊙ (prediction - ratings))^2}, a scalar. */
  static NDArray squaredError(NDArray prediction, NDArray ratings, NDArray mask) {
    NDArray squares = prediction.sub(ratings).mul(mask).square();
    return squares.sum().mul(Scalars.like(squares, 0.5));
  }

  /** The sum of the regularisers over all layers, or null if there are none. */
  NDArray penalty(ParameterStore store, NDManager scope) {
    return penalty(layerTerms(store, scope, true));
  }

  /**
   * The sum of the regularisers over the layers' matrices, or null if there are none.
   *
   * @throws IllegalArgumentException naming the regulariser and the layer if a regulariser cannot
   *     penalise a layer (e.g. a kernel-matrix penalty on I-AutoRec, which has no kernel)
   */
  public NDArray penalty(List<LayerTerms> terms) {
    NDArray total = null;
    for (int l = 0; l < terms.size(); l++) {
      for (SparsityRegularizer regularizer : regularizers()) {
        try {
          total = plus(total, regularizer.penalty(terms.get(l).matrices()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("regularizer " + regularizer.spec() + " cannot"
              + " penalise weight layer " + (l + 1) + " of " + spec.label() + ": "
              + e.getMessage(), e);
        }
      }
    }
    return total;
  }

  /**
   * The regularisers every weight layer is penalised with (see {@link AutoencoderSpec}), resolved
   * from the registry on first use, so that a model whose regulariser came from a plugin loads and
   * predicts without it.
   *
   * @throws IllegalArgumentException if the registry lacks one
   */
  public synchronized List<SparsityRegularizer> regularizers() {
    if (regularizers == null) {
      regularizers = spec.effectiveRegularizers().stream().map(registry::regularizer).toList();
    }
    return regularizers;
  }

  private static NDArray plus(NDArray total, NDArray term) {
    return total == null ? term : total.add(term);
  }

  /**
   * One weight layer as an affine map {@code y = x E + b}.
   *
   * @param weights the effective weights {@code E [in, out]} (for a dense layer the transpose of
   *     DJL's {@code [out, in]} weight)
   * @param bias {@code b [out]}, or null for a layer without bias
   */
  public record Affine(NDArray weights, NDArray bias) {}

  /**
   * One weight layer in a step: its affine map and the matrices its regularisers see (the dense
   * weights, or kernelNet's effective weights, and the kernel matrix), sharing one kernel matrix.
   */
  public record LayerTerms(Affine affine, LayerMatrices matrices) {}

  /**
   * Every weight layer's terms, input layer first, attached to {@code scope}. With {@code training}
   * they are computed from the parameters with gradients, so a scalar built from them
   * back-propagates into the parameters (kernel locations included).
   */
  public List<LayerTerms> layerTerms(ParameterStore store, NDManager scope, boolean training) {
    List<LayerTerms> terms = new ArrayList<>();
    for (Block layer : layers) {
      NDArray weights;
      LayerMatrices matrices;
      if (layer instanceof AbstractKernelBlock kernelBlock) {
        NDArray k = kernelBlock.kernelMatrix(store, scope, training);
        weights = kernelBlock.effectiveWeights(k, store, scope, training);
        matrices = new LayerMatrices(k, layer instanceof KernelMaskedDense
            ? parameter(layer, "weight", store, scope, training) : weights);
      } else {
        NDArray w = parameter(layer, "weight", store, scope, training);
        weights = w.transpose();
        matrices = LayerMatrices.ofDense(w);
      }
      NDArray bias = layer.getParameters().contains("bias")
          ? parameter(layer, "bias", store, scope, training) : null;
      terms.add(new LayerTerms(new Affine(weights, bias), matrices));
    }
    return terms;
  }

  private static NDArray parameter(
      Block layer, String name, ParameterStore store, NDManager scope, boolean training) {
    NDArray value = store.getValue(layer.getParameters().get(name), scope.getDevice(), training);
    if (value.getManager() != scope) { // attaching twice would close it with the scope
      scope.tempAttachAll(value);
    }
    return value;
  }

  /**
   * The predictions {@code h(ratings) [rows, users]} as a row-major array, computed without
   * gradients in a scope that is closed before returning.
   *
   * @param ratings the network input {@code [rows, users]}
   */
  @Override
  public float[] predict(NDArray ratings) {
    try (NDManager scope = model.getNDManager().newSubManager()) {
      scope.tempAttachAll(ratings);
      return block.forward(new ParameterStore(scope, false), new NDList(ratings), false)
          .singletonOrThrow().toFloatArray();
    }
  }

  /** Writes the block's parameters (with each kernel layer's kernel specification). */
  @Override
  public void saveParameters(DataOutputStream out) throws IOException {
    block.saveParameters(out);
  }

  @Override
  public void close() {
    model.close();
  }

  @Override
  public String toString() {
    return "ItemAutoencoder[" + spec + ", " + users + " users]";
  }
}
