package org.kernelnet.djl.nn;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelResolver;
import org.kernelnet.djl.complexity.ReportsComplexity;
import org.kernelnet.djl.nn.internal.Formats;
import org.kernelnet.djl.nn.internal.Scopes;

/**
 * Base of the layers whose weights come from a kernel between learned unit locations: input
 * locations {@code u [in, d]}, output locations {@code v [out, d]}, the kernel matrix {@code K(U, V)
 * [in, out]} and an optional bias {@code b [out]}; input {@code x [B, in]}, output {@code y [B,
 * out] = x W + b} for the effective weights {@code W [in, out]} a subclass defines.
 *
 * <p>Saved metadata (after DJL's version byte): the input shapes, the kernel's {@link Kernel#spec()},
 * {@code in}, {@code out}, {@code d}, the bias flag, then the subclass's own fields. Loading restores
 * the kernel through the {@link KernelResolver} when the block was built without one, and rejects a
 * different architecture naming the expected and found values.
 */
public abstract class AbstractKernelBlock extends AbstractBlock
    implements KernelWeighted, ReportsComplexity {
  protected final long units;
  protected final int dimension;
  protected final Parameter inputLocations;
  protected final Parameter outputLocations;
  protected final Parameter bias;
  private final Locations inputInit;
  private final Locations outputInit;
  private final KernelResolver resolver;
  private final Set<Parameter> fixed = new HashSet<>();
  private Kernel kernel;
  private long inputs = -1;

  protected AbstractKernelBlock(byte version, BaseBuilder<?> builder) {
    super(version);
    units = builder.units;
    dimension = builder.dimension;
    kernel = builder.kernel;
    resolver = builder.resolver;
    inputInit = builder.inputLocations;
    outputInit = builder.outputLocations;
    inputLocations = addLocations(Locations.INPUT_PARAMETER, inputInit);
    outputLocations = addLocations(Locations.OUTPUT_PARAMETER, outputInit);
    bias =
        builder.bias
            ? addParameter(
                Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
            : null;
  }

  private Parameter addLocations(String name, Locations init) {
    Parameter parameter =
        addParameter(
            Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.OTHER)
                .optInitializer(init)
                .optRequiresGrad(init.isTrainable())
                .build());
    if (!init.isTrainable()) {
      fixed.add(parameter);
    }
    return parameter;
  }

  /**
   * Declares a parameter fixed by design: it is not counted as free and receives no gradient even if
   * something unfreezes it (DJL's {@code Model.newTrainer} unfreezes every parameter of a loaded
   * model).
   */
  protected final void declareFixed(Parameter parameter) {
    fixed.add(parameter);
  }

  /** The kernel, or null while a block built with only a resolver has not been loaded. */
  public final Kernel getKernel() {
    return kernel;
  }

  /** The number of output units. */
  public final long getUnits() {
    return units;
  }

  /** The location dimension d. */
  public final int getDimension() {
    return dimension;
  }

  /** The number of input units, or -1 before the block is initialised or loaded. */
  public final long getInputs() {
    return inputs;
  }

  /** Whether the layer adds a bias. */
  public final boolean hasBias() {
    return bias != null;
  }

  /** {@inheritDoc} */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), units)};
  }

  /** Checks the input is {@code [B, in]} with the {@code in} of a loaded block, if any. */
  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    if (inputShapes.length != 1 || inputShapes[0].dimension() != 2) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " takes one input of shape [batch, in], got "
              + Arrays.toString(inputShapes));
    }
    long in = inputShapes[0].get(1);
    if (inputs >= 0 && inputs != in) {
      throw new IllegalArgumentException(
          getClass().getSimpleName() + " was loaded with " + inputs + " inputs, got input shape "
              + inputShapes[0]);
    }
    super.beforeInitialize(inputShapes);
    inputs = in;
  }

  /** Sets the shapes {@code u [in, d]}, {@code v [out, d]}, {@code b [out]}. */
  @Override
  protected void prepare(Shape[] inputShapes) {
    if (kernel == null) {
      throw new IllegalStateException(
          getClass().getSimpleName() + " has no kernel: build it with setKernel, or load a saved "
              + "model into it");
    }
    inputInit.checkCount("input", inputs);
    inputLocations.setShape(new Shape(inputs, dimension));
    outputLocations.setShape(new Shape(units, dimension));
    if (bias != null) {
      bias.setShape(new Shape(units));
    }
  }

  /** {@inheritDoc} */
  @Override
  public NDArray kernelMatrix(ParameterStore parameterStore, NDManager scope, boolean training) {
    NDArray u = value(parameterStore, inputLocations, scope, training);
    NDArray v = value(parameterStore, outputLocations, scope, training);
    return kernel.gram(u, v);
  }

  /** The effective weights computed from a fresh {@link #kernelMatrix}. */
  @Override
  public final NDArray effectiveWeights(
      ParameterStore parameterStore, NDManager scope, boolean training) {
    return effectiveWeights(
        kernelMatrix(parameterStore, scope, training), parameterStore, scope, training);
  }

  /**
   * The effective weights {@code [in, out]} for the kernel matrix {@code k} that {@link
   * #kernelMatrix} computed in the same scope and step: a step that also penalises K (a sparsity
   * regulariser) then computes it once.
   */
  public abstract NDArray effectiveWeights(
      NDArray k, ParameterStore parameterStore, NDManager scope, boolean training);

  /**
   * A parameter's value for a computation owned by {@code scope}: attached to it temporarily, and
   * detached from autograd if the parameter is fixed by design.
   *
   * @return null if {@code parameter} is null
   */
  protected final NDArray value(
      ParameterStore parameterStore, Parameter parameter, NDManager scope, boolean training) {
    if (parameter == null) {
      return null;
    }
    requireInitialized();
    NDArray array = parameterStore.getValue(parameter, scope.getDevice(), training);
    Scopes.tempAttach(scope, array);
    return fixed.contains(parameter) ? array.stopGradient() : array;
  }

  /** {@code y = x W + b} for this block's effective weights. */
  protected final NDArray affine(
      ParameterStore parameterStore, NDArray x, boolean training) {
    NDManager scope = x.getManager();
    NDArray y = x.matMul(effectiveWeights(parameterStore, scope, training));
    NDArray b = value(parameterStore, bias, scope, training);
    return b == null ? y : y.add(b);
  }

  /** The number of trained values: elements of the parameters not fixed by design. */
  protected final long freeParameters() {
    requireInitialized();
    long free = 0;
    for (Parameter parameter : getDirectParameters().values()) {
      if (!fixed.contains(parameter)) {
        free += parameter.getArray().getShape().size();
      }
    }
    return free;
  }

  /** {@code in * out} plus the bias: the parameters of the equivalent dense layer. */
  protected final long denseEquivalentParameters() {
    requireInitialized();
    return inputs * units + (bias == null ? 0 : units);
  }

  /** The non-zero entries of the effective weights. */
  protected final long nonZeroWeights() {
    requireInitialized();
    try (NDManager scope = inputLocations.getArray().getManager().newSubManager()) {
      NDArray w = effectiveWeights(new ParameterStore(scope, false), scope, false);
      return w.countNonzero().getLong();
    }
  }

  private void requireInitialized() {
    if (kernel == null || !isInitialized()) {
      throw new IllegalStateException(
          getClass().getSimpleName() + " is not initialised: initialise the model or load it first");
    }
  }

  /** {@inheritDoc} */
  @Override
  protected final void saveMetadata(DataOutputStream os) throws IOException {
    requireInitialized();
    saveInputShapes(os);
    os.writeUTF(kernel.spec());
    os.writeLong(inputs);
    os.writeLong(units);
    os.writeInt(dimension);
    os.writeBoolean(bias != null);
    saveOwnMetadata(os);
  }

  /** {@inheritDoc} */
  @Override
  public final void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    String name = getClass().getSimpleName();
    Formats.checkVersion(name, version, loadVersion);
    readInputShapes(is);
    String spec = is.readUTF();
    long in = is.readLong();
    if (inputs >= 0) {
      Formats.checkSame(name, "number of inputs", inputs, in);
    }
    Formats.checkSame(name, "number of units", units, is.readLong());
    Formats.checkSame(name, "location dimension", dimension, is.readInt());
    Formats.checkSame(name, "bias flag", bias != null, is.readBoolean());
    loadOwnMetadata(is);
    if (kernel != null) {
      Formats.checkSame(name, "kernel", kernel.spec(), spec);
    } else {
      kernel = Formats.resolveKernel(name, resolver, spec);
    }
    inputs = in;
  }


  /** Writes the subclass's architecture fields after the common ones. */
  protected abstract void saveOwnMetadata(DataOutputStream os) throws IOException;

  /**
   * Reads and checks what {@link #saveOwnMetadata} wrote.
   *
   * @throws MalformedModelException naming expected and found values on a mismatch
   */
  protected abstract void loadOwnMetadata(DataInputStream is)
      throws IOException, MalformedModelException;

  /**
   * The settings every kernel block takes. Required: {@link #setUnits}, {@link #setDimension} and a
   * kernel ({@link #setKernel(Kernel)}) — or, for a block that will be loaded, a {@link
   * #optKernelResolver resolver} that rebuilds the saved kernel.
   *
   * @param <T> the concrete builder
   */
  public abstract static class BaseBuilder<T extends BaseBuilder<T>> {
    long units;
    int dimension;
    Kernel kernel;
    KernelResolver resolver;
    boolean bias = true;
    Locations inputLocations = Locations.normal(1.0);
    Locations outputLocations = Locations.normal(1.0);

    BaseBuilder() {}

    /** The number of output units, {@code >= 1}. */
    public T setUnits(long units) {
      this.units = units;
      return self();
    }

    /** The dimension d of the unit locations, {@code >= 1}. */
    public T setDimension(int dimension) {
      this.dimension = dimension;
      return self();
    }

    /** The kernel K. */
    public T setKernel(Kernel kernel) {
      this.kernel = requireNonNull(kernel, "kernel is null");
      return self();
    }

    /**
     * The kernel given by a specification such as {@code rbf:gamma=0.5}; the resolver is kept for
     * loading as with {@link #optKernelResolver}.
     *
     * @throws IllegalArgumentException from the resolver, for an unknown name or bad settings
     */
    public T setKernel(String spec, KernelResolver resolver) {
      requireNonNull(spec, "spec is null");
      this.resolver = requireNonNull(resolver, "resolver is null");
      this.kernel = requireNonNull(resolver.kernel(spec), "resolver returned null for " + spec);
      return self();
    }

    /** Rebuilds the kernel recorded in a saved model when the block has none. */
    public T optKernelResolver(KernelResolver resolver) {
      this.resolver = requireNonNull(resolver, "resolver is null");
      return self();
    }

    /** Whether to add a bias {@code b [out]} (default true). */
    public T optBias(boolean bias) {
      this.bias = bias;
      return self();
    }

    /** How the input locations {@code u [in, d]} start (default trainable {@code N(0, 1)}). */
    public T optInputLocations(Locations locations) {
      this.inputLocations = requireNonNull(locations, "locations is null");
      return self();
    }

    /** How the output locations {@code v [out, d]} start (default trainable {@code N(0, 1)}). */
    public T optOutputLocations(Locations locations) {
      this.outputLocations = requireNonNull(locations, "locations is null");
      return self();
    }

    protected abstract T self();

    /**
     * Checks the common settings.
     *
     * @param block the block's name, for messages
     * @throws IllegalArgumentException naming the bad value
     */
    void validate(String block) {
      if (units < 1) {
        throw new IllegalArgumentException(block + " units must be >= 1, got " + units);
      }
      if (dimension < 1) {
        throw new IllegalArgumentException(block + " dimension must be >= 1, got " + dimension);
      }
      if (kernel == null && resolver == null) {
        throw new IllegalArgumentException(
            block + " needs a kernel: call setKernel, or optKernelResolver to take it from a saved "
                + "model");
      }
      inputLocations.checkDimension("input", dimension);
      outputLocations.checkDimension("output", dimension);
      outputLocations.checkCount("output", units);
    }
  }
}
