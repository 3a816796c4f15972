package org.kernelnet.djl.nn;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelResolver;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.djl.complexity.Complexity;
import org.kernelnet.djl.complexity.ReportsComplexity;
import org.kernelnet.djl.nn.internal.Formats;
import org.kernelnet.djl.nn.internal.Scopes;

/**
 * L {@link KernelLayer}s side by side on the same input, outputs concatenated, computed as one
 * block: layer l has {@code W_l[i, j] = alpha_l K(u_li, v_lj)} (alpha per input, per output or
 * absent, {@link AlphaMode}) and bias {@code b_l}, and
 *
 * <pre>
 * y = [x W_1 + b_1, ..., x W_L + b_L] = x [W_1 | ... | W_L] + [b_1 | ... | b_L]
 * </pre>
 *
 * <p>is the output of L kernel layers with the same parameters in a {@code ParallelBlock} that
 * concatenates along axis 1, but the products are one {@code [B, in] x [in, L out]} matrix
 * multiplication instead of L small ones, and the parameters are L-stacked arrays instead of 4L
 * small ones (fewer operations per training step, which is what limits many small layers on a
 * CPU).
 *
 * <ul>
 *   <li>input {@code x [B, in]}, output {@code y [B, L out]} (columns {@code l out .. (l+1) out - 1}
 *       belong to layer l);
 *   <li>{@code u [L, in, d]}, or {@code [in, d]} with {@link Builder#optSharedInputLocations shared
 *       input locations} (one set for all layers); {@code v [L, out, d]} (type OTHER, see {@link
 *       Locations}; each layer's locations are initialised as one {@link KernelLayer}'s would be);
 *   <li>{@code alpha [L, in]} or {@code [L, out]} (type OTHER, initially ones), {@code b [L, out]}.
 * </ul>
 *
 * <p>The kernel SPI's {@link Kernel#gram} takes single location matrices, so the kernel matrix is
 * built by L Gram matrices {@code K(u_l, v_l) [in, out]} — or, when the input locations are shared,
 * by one Gram matrix {@code K(u, [v_1; ...; v_L]) [in, L out]}, which is the same values computed
 * in one call: sharing a frozen grid costs nothing in accuracy and saves the loop. {@link
 * #kernelMatrix} and {@link #effectiveWeights} return the concatenations {@code [in, L out]}.
 *
 * <p>Saved metadata (after DJL's version byte): the input shapes, the kernel's {@link Kernel#spec()},
 * L, {@code in}, {@code out}, {@code d}, the bias flag, the alpha mode and the shared flag. Loading
 * restores the kernel through the {@link KernelResolver} when the block was built without one, and
 * rejects a different architecture naming the expected and found values.
 */
public final class KernelLayerStack extends AbstractBlock
    implements KernelWeighted, ReportsComplexity {
  private static final byte VERSION = 1;
  private static final String NAME = "KernelLayerStack";

  private final int layers;
  private final long units;
  private final int dimension;
  private final AlphaMode alphaMode;
  private final boolean sharedInputs;
  private final Locations inputInit;
  private final Parameter inputLocations;
  private final Parameter outputLocations;
  private final Parameter alpha;
  private final Parameter bias;
  private final KernelResolver resolver;
  private final Set<Parameter> fixed = new HashSet<>();
  private Kernel kernel;
  private long inputs = -1;

  private KernelLayerStack(Builder builder) {
    super(VERSION);
    layers = builder.layers;
    units = builder.units;
    dimension = builder.dimension;
    alphaMode = builder.alphaMode;
    sharedInputs = builder.sharedInputs;
    kernel = builder.kernel;
    resolver = builder.resolver;
    inputInit = builder.inputLocations;
    inputLocations = addLocations(Locations.INPUT_PARAMETER, inputInit, !sharedInputs);
    outputLocations = addLocations(Locations.OUTPUT_PARAMETER, builder.outputLocations, true);
    alpha =
        alphaMode == AlphaMode.NONE
            ? null
            : addParameter(
                Parameter.builder()
                    .setName("alpha")
                    .setType(Parameter.Type.OTHER)
                    .optInitializer(builder.alphaInitializer)
                    .build());
    bias =
        builder.bias
            ? addParameter(
                Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
            : null;
  }

  private Parameter addLocations(String name, Locations init, boolean perLayer) {
    Parameter parameter =
        addParameter(
            Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optInitializer(perLayer ? new PerLayer(init) : init)
                .optRequiresGrad(init.isTrainable())
                .build());
    if (!init.isTrainable()) {
      fixed.add(parameter);
    }
    return parameter;
  }

  /** The kernel, or null while a block built with only a resolver has not been loaded. */
  public Kernel getKernel() {
    return kernel;
  }

  /** The number L of layers. */
  public int getLayers() {
    return layers;
  }

  /** The number of output units of each layer; the block has {@code L} times as many. */
  public long getUnits() {
    return units;
  }

  /** The location dimension d. */
  public int getDimension() {
    return dimension;
  }

  /** Where alpha sits. */
  public AlphaMode getAlphaMode() {
    return alphaMode;
  }

  /** Whether all layers share one set of input locations {@code u [in, d]}. */
  public boolean hasSharedInputLocations() {
    return sharedInputs;
  }

  /** Whether the layers add a bias. */
  public boolean hasBias() {
    return bias != null;
  }

  /** The number of input units, or -1 before the block is initialised or loaded. */
  public long getInputs() {
    return inputs;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputList,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputList.singletonOrThrow();
    NDManager scope = x.getManager();
    NDArray y = x.matMul(effectiveWeights(parameterStore, scope, training));
    NDArray b = value(parameterStore, bias, scope, training);
    return new NDList(b == null ? y : y.add(b.reshape(1, layers * units)));
  }

  /** {@code [B, L out]}. */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), layers * units)};
  }

  /** Checks the input is {@code [B, in]} with the {@code in} of a loaded block, if any. */
  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    if (inputShapes.length != 1 || inputShapes[0].dimension() != 2) {
      throw new IllegalArgumentException(
          NAME + " takes one input of shape [batch, in], got " + Arrays.toString(inputShapes));
    }
    long in = inputShapes[0].get(1);
    if (inputs >= 0 && inputs != in) {
      throw new IllegalArgumentException(
          NAME + " was loaded with " + inputs + " inputs, got input shape " + inputShapes[0]);
    }
    super.beforeInitialize(inputShapes);
    inputs = in;
  }

  /** Sets the shapes of the locations, alpha and bias (see the class description). */
  @Override
  protected void prepare(Shape[] inputShapes) {
    if (kernel == null) {
      throw new IllegalStateException(
          NAME + " has no kernel: build it with setKernel, or load a saved model into it");
    }
    inputInit.checkCount("input", inputs);
    inputLocations.setShape(
        sharedInputs ? new Shape(inputs, dimension) : new Shape(layers, inputs, dimension));
    outputLocations.setShape(new Shape(layers, units, dimension));
    if (alphaMode == AlphaMode.PER_INPUT) {
      alpha.setShape(new Shape(layers, inputs));
    } else if (alphaMode == AlphaMode.PER_OUTPUT) {
      alpha.setShape(new Shape(layers, units));
    }
    if (bias != null) {
      bias.setShape(new Shape(layers, units));
    }
  }

  /**
   * {@code [K(u_1, v_1) | ... | K(u_L, v_L)]}, shape {@code [in, L out]}: one Gram matrix against
   * all output locations when the input locations are shared, else one per layer.
   */
  @Override
  public NDArray kernelMatrix(ParameterStore parameterStore, NDManager scope, boolean training) {
    NDArray u = value(parameterStore, inputLocations, scope, training);
    NDArray v = value(parameterStore, outputLocations, scope, training);
    if (sharedInputs) {
      return kernel.gram(u, v.reshape(layers * units, dimension));
    }
    NDList us = u.reshape(layers * inputs, dimension).split(layers, 0);
    NDList vs = v.reshape(layers * units, dimension).split(layers, 0);
    NDList grams = new NDList(layers);
    for (int l = 0; l < layers; l++) {
      grams.add(kernel.gram(us.get(l), vs.get(l)));
    }
    // [in, L, out]: row i holds row i of every layer's matrix, in layer order
    return NDArrays.stack(grams, 1).reshape(inputs, layers * units);
  }

  /** {@code [W_1 | ... | W_L]}, the kernel matrices scaled by each layer's alpha. */
  @Override
  public NDArray effectiveWeights(
      ParameterStore parameterStore, NDManager scope, boolean training) {
    NDArray k = kernelMatrix(parameterStore, scope, training);
    NDArray a = value(parameterStore, alpha, scope, training);
    return switch (alphaMode) {
      case NONE -> k;
      case PER_INPUT -> k.reshape(inputs, layers, units)
          .mul(a.transpose().reshape(inputs, layers, 1))
          .reshape(inputs, layers * units);
      case PER_OUTPUT -> k.mul(a.reshape(1, layers * units));
    };
  }

  /** The kernel matrix only: kernel layers have no free dense weights. */
  @Override
  public LayerMatrices layerMatrices(
      ParameterStore parameterStore, NDManager scope, boolean training) {
    return LayerMatrices.ofKernel(kernelMatrix(parameterStore, scope, training));
  }

  /**
   * Free: trainable locations, alpha and bias; dense-equivalent: {@code in L out + L out}, the sum
   * over the L layers; non-zero: the non-zero entries of all {@code W_l}.
   */
  @Override
  public Complexity complexity() {
    requireInitialized();
    long free = 0;
    for (Parameter parameter : getDirectParameters().values()) {
      if (!fixed.contains(parameter)) {
        free += parameter.getArray().getShape().size();
      }
    }
    long outputs = (long) layers * units;
    long dense = inputs * outputs + (bias == null ? 0 : outputs);
    long nonZero;
    try (NDManager scope = outputLocations.getArray().getManager().newSubManager()) {
      nonZero = effectiveWeights(new ParameterStore(scope, false), scope, false)
          .countNonzero()
          .getLong();
    }
    return new Complexity(free, dense, nonZero);
  }

  /**
   * A parameter's value for a computation owned by {@code scope}: attached to it temporarily, and
   * detached from autograd if the parameter is fixed by design.
   *
   * @return null if {@code parameter} is null
   */
  private NDArray value(
      ParameterStore parameterStore, Parameter parameter, NDManager scope, boolean training) {
    if (parameter == null) {
      return null;
    }
    requireInitialized();
    NDArray array = parameterStore.getValue(parameter, scope.getDevice(), training);
    Scopes.tempAttach(scope, array);
    return fixed.contains(parameter) ? array.stopGradient() : array;
  }

  private void requireInitialized() {
    if (kernel == null || !isInitialized()) {
      throw new IllegalStateException(
          NAME + " is not initialised: initialise the model or load it first");
    }
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    requireInitialized();
    saveInputShapes(os);
    os.writeUTF(kernel.spec());
    os.writeInt(layers);
    os.writeLong(inputs);
    os.writeLong(units);
    os.writeInt(dimension);
    os.writeBoolean(bias != null);
    os.writeByte(alphaMode.code());
    os.writeBoolean(sharedInputs);
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    Formats.checkVersion(NAME, version, loadVersion);
    readInputShapes(is);
    String spec = is.readUTF();
    Formats.checkSame(NAME, "number of layers", layers, is.readInt());
    long in = is.readLong();
    if (inputs >= 0) {
      Formats.checkSame(NAME, "number of inputs", inputs, in);
    }
    Formats.checkSame(NAME, "number of units", units, is.readLong());
    Formats.checkSame(NAME, "location dimension", dimension, is.readInt());
    Formats.checkSame(NAME, "bias flag", bias != null, is.readBoolean());
    byte code = is.readByte();
    AlphaMode saved = AlphaMode.ofCode(code);
    Formats.checkSame(NAME, "alpha mode", alphaMode, saved == null ? "unknown code " + code : saved);
    Formats.checkSame(NAME, "shared input locations flag", sharedInputs, is.readBoolean());
    if (kernel != null) {
      Formats.checkSame(NAME, "kernel", kernel.spec(), spec);
    } else {
      kernel = Formats.resolveKernel(NAME, resolver, spec);
    }
    inputs = in;
  }


  @Override
  public String toString() {
    return NAME + "(" + layers + " x " + (kernel == null ? "?" : kernel.spec()) + ", d="
        + dimension + ", out=" + units + (sharedInputs ? ", shared u" : "") + ")";
  }

  /**
   * Initialises {@code [L, n, d]} as L independent {@code [n, d]} draws of one layer's {@link
   * Locations}, so a grid is repeated in every layer.
   */
  private static final class PerLayer implements Initializer {
    private final Locations locations;

    PerLayer(Locations locations) {
      this.locations = locations;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
      NDList slices = new NDList((int) shape.get(0));
      try (NDManager scope = manager.newSubManager()) {
        for (long l = 0; l < shape.get(0); l++) {
          slices.add(locations.initialize(scope, shape.slice(1), dataType));
        }
        NDArray stacked = NDArrays.stack(slices);
        stacked.attach(manager);
        return stacked;
      }
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link KernelLayerStack}: required {@code setLayers}, {@code setUnits}, {@code
   * setDimension} and {@code setKernel} (or {@code optKernelResolver} for loading); the optional
   * settings and their defaults are those of {@link KernelLayer.Builder} (alpha per input, initially
   * ones; bias; trainable {@code N(0, 1)} locations), plus unshared input locations.
   */
  public static final class Builder extends AbstractKernelBlock.BaseBuilder<Builder> {
    private int layers;
    private AlphaMode alphaMode = AlphaMode.PER_INPUT;
    private Initializer alphaInitializer = Initializer.ONES;
    private boolean sharedInputs;

    private Builder() {}

    /** The number L of layers side by side, {@code >= 1}. */
    public Builder setLayers(int layers) {
      this.layers = layers;
      return this;
    }

    /** Where alpha sits (default {@link AlphaMode#PER_INPUT}). */
    public Builder optAlpha(AlphaMode alphaMode) {
      this.alphaMode = requireNonNull(alphaMode, "alphaMode is null");
      return this;
    }

    /** How alpha starts (default ones); it initialises the whole {@code [L, n]} array. */
    public Builder optAlphaInitializer(Initializer initializer) {
      this.alphaInitializer = requireNonNull(initializer, "initializer is null");
      return this;
    }

    /**
     * Whether all layers share one {@code u [in, d]} (default false: one per layer). For frozen
     * grid locations the L copies would be equal forever, so sharing computes the same function
     * with one Gram matrix instead of L.
     */
    public Builder optSharedInputLocations(boolean shared) {
      this.sharedInputs = shared;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * @throws IllegalArgumentException if layers, units or dimension is {@code < 1}, there is
     *     neither a kernel nor a resolver, or a location grid does not fit (d must be 2; an output
     *     grid must have {@code units} points)
     */
    public KernelLayerStack build() {
      if (layers < 1) {
        throw new IllegalArgumentException(NAME + " layers must be >= 1, got " + layers);
      }
      validate(NAME);
      return new KernelLayerStack(this);
    }
  }
}
