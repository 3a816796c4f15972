package org.kernelnet.djl.nn;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
import java.util.Random;
import java.util.stream.IntStream;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelResolver;
import org.kernelnet.djl.complexity.Complexity;
import org.kernelnet.djl.complexity.ReportsComplexity;
import org.kernelnet.djl.nn.internal.Formats;
import org.kernelnet.djl.nn.internal.Ridge;
import org.kernelnet.djl.nn.internal.Scopes;

/**
 * A layer whose weights are mostly predicted rather than learned (Denil et al. 2013, "Predicting
 * Parameters in Deep Learning"): {@code W = U V} with a fixed dictionary built by kernel ridge
 * regression from the coordinates {@code c [in, k]} of the input units (e.g. pixel positions),
 *
 * <pre>U = K(c_all, c_alpha) (K(c_alpha, c_alpha) + lambda I)^-1,</pre>
 *
 * so that only the weights at the {@code |alpha|} chosen inputs, {@code V [|alpha|, out]}, are
 * learned and the other rows of W are interpolated from them: {@code y = (x U) V + b}.
 *
 * <ul>
 *   <li>input {@code x [B, in]}, output {@code y [B, out]};
 *   <li>{@code dictionary U [in, |alpha|]} (type OTHER, computed once in double precision, never
 *       trained), {@code weight V [|alpha|, out]} (type WEIGHT), {@code b [out]}.
 * </ul>
 *
 * <p>A fraction {@code 1 - |alpha| / in} of the weights is predicted. The saved metadata records the
 * kernel spec, {@code in}, {@code out}, the alpha indices, lambda and the bias flag; the dictionary is
 * saved with the parameters.
 */
public final class PredictedWeightLayer extends AbstractBlock implements ReportsComplexity {
  private static final byte VERSION = 1;

  private final long units;
  private final double[][] coordinates;
  private final int[] alphaIndices;
  private final double ridge;
  private final KernelResolver resolver;
  private final Parameter dictionary;
  private final Parameter weight;
  private final Parameter bias;
  private Kernel kernel;
  private double[][] dictionaryValues;

  private PredictedWeightLayer(Builder builder) {
    super(VERSION);
    units = builder.units;
    coordinates = builder.coordinates;
    alphaIndices = builder.alphaIndices;
    ridge = builder.ridge;
    kernel = builder.kernel;
    resolver = builder.resolver;
    Initializer fromDictionary =
        (manager, shape, dataType) -> {
          double[][] u = dictionary();
          double[] flat = new double[u.length * alphaIndices.length];
          for (int i = 0; i < u.length; i++) {
            System.arraycopy(u[i], 0, flat, i * alphaIndices.length, alphaIndices.length);
          }
          return manager.create(flat, shape).toType(dataType, false);
        };
    dictionary =
        addParameter(
            Parameter.builder()
                .setName("dictionary")
                .setType(Parameter.Type.OTHER)
                .optInitializer(fromDictionary)
                .optRequiresGrad(false)
                .build());
    weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(builder.weightInitializer)
                .build());
    bias =
        builder.bias
            ? addParameter(
                Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build())
            : null;
  }

  /** The number of inputs, {@code in}. */
  public int getInputs() {
    return coordinates.length;
  }

  /** The number of outputs. */
  public long getUnits() {
    return units;
  }

  /** The kernel, or null while a block built with only a resolver has not been loaded. */
  public Kernel getKernel() {
    return kernel;
  }

  /** The sorted indices alpha of the inputs whose weights are learned. */
  public int[] getAlphaIndices() {
    return alphaIndices.clone();
  }

  /** The ridge lambda. */
  public double getRidge() {
    return ridge;
  }

  /** {@code 1 - |alpha| / in}: the fraction of the {@code in * out} weights that is predicted. */
  public double fractionPredicted() {
    return 1.0 - (double) alphaIndices.length / coordinates.length;
  }

  /**
   * The dictionary {@code U [in][|alpha|]} in double precision, computed from the coordinates and
   * the kernel on first use.
   *
   * @throws IllegalStateException if there is no kernel yet
   * @throws IllegalArgumentException if {@code K_alpha,alpha + lambda I} is singular
   */
  public double[][] dictionary() {
    if (dictionaryValues == null) {
      if (kernel == null) {
        throw new IllegalStateException(
            "PredictedWeightLayer has no kernel: build it with setKernel, or load a saved model");
      }
      double[][] cross = new double[coordinates.length][alphaIndices.length];
      double[][] gram = new double[alphaIndices.length][alphaIndices.length];
      for (int i = 0; i < coordinates.length; i++) {
        for (int a = 0; a < alphaIndices.length; a++) {
          cross[i][a] = kernel.evaluate(coordinates[i], coordinates[alphaIndices[a]]);
        }
      }
      for (int a = 0; a < alphaIndices.length; a++) {
        gram[a] = cross[alphaIndices[a]].clone();
      }
      dictionaryValues = Ridge.predictor(cross, gram, ridge);
    }
    double[][] copy = new double[dictionaryValues.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = dictionaryValues[i].clone();
    }
    return copy;
  }

  /** {@inheritDoc} */
  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDManager scope = x.getManager();
    NDArray[] p = values(parameterStore, scope, training);
    NDArray y = x.matMul(p[0]).matMul(p[1]);
    return new NDList(p[2] == null ? y : y.add(p[2]));
  }

  /**
   * The effective weights {@code W = U V [in, out]}, attached to {@code scope} (see {@link
   * KernelWeighted} for the scope rules).
   */
  public NDArray effectiveWeights(
      ParameterStore parameterStore, NDManager scope, boolean training) {
    NDArray[] p = values(parameterStore, scope, training);
    return p[0].matMul(p[1]);
  }

  /** U (detached from autograd), V and b (or null), attached to {@code scope}. */
  private NDArray[] values(ParameterStore parameterStore, NDManager scope, boolean training) {
    if (!isInitialized()) {
      throw new IllegalStateException(
          "PredictedWeightLayer is not initialised: initialise the model or load it first");
    }
    NDArray u = parameterStore.getValue(dictionary, scope.getDevice(), training);
    NDArray v = parameterStore.getValue(weight, scope.getDevice(), training);
    NDArray b = bias == null ? null : parameterStore.getValue(bias, scope.getDevice(), training);
    Scopes.tempAttach(scope, u, v, b);
    // The dictionary is fixed by design even if DJL unfreezes it (Model.newTrainer does that to
    // every parameter of a loaded model).
    return new NDArray[] {u.stopGradient(), v, b};
  }

  /** {@inheritDoc} */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), units)};
  }

  /** Checks the input is {@code [B, in]}. */
  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    if (inputShapes.length != 1
        || inputShapes[0].dimension() != 2
        || inputShapes[0].get(1) != coordinates.length) {
      throw new IllegalArgumentException(
          "PredictedWeightLayer takes one input of shape [batch, " + coordinates.length + "], got "
              + Arrays.toString(inputShapes));
    }
    super.beforeInitialize(inputShapes);
  }

  /** Sets the shapes {@code U [in, |alpha|]}, {@code V [|alpha|, out]}, {@code b [out]}. */
  @Override
  protected void prepare(Shape[] inputShapes) {
    dictionary.setShape(new Shape(coordinates.length, alphaIndices.length));
    weight.setShape(new Shape(alphaIndices.length, units));
    if (bias != null) {
      bias.setShape(new Shape(units));
    }
  }

  /**
   * Free: V and the bias; dense-equivalent: {@code in * out + out}; non-zero: the non-zero entries
   * of {@code U V} (the cost once W is precomputed for inference).
   */
  @Override
  public Complexity complexity() {
    if (!isInitialized()) {
      throw new IllegalStateException(
          "PredictedWeightLayer is not initialised: initialise the model or load it first");
    }
    long free = weight.getArray().getShape().size() + (bias == null ? 0 : units);
    long nonZero;
    try (NDManager scope = weight.getArray().getManager().newSubManager()) {
      nonZero =
          effectiveWeights(new ParameterStore(scope, false), scope, false).countNonzero().getLong();
    }
    return new Complexity(free, coordinates.length * units + (bias == null ? 0 : units), nonZero);
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    if (kernel == null || !isInitialized()) {
      throw new IllegalStateException("PredictedWeightLayer is not initialised; nothing to save");
    }
    saveInputShapes(os);
    os.writeUTF(kernel.spec());
    os.writeLong(coordinates.length);
    os.writeLong(units);
    os.writeInt(alphaIndices.length);
    for (int index : alphaIndices) {
      os.writeInt(index);
    }
    os.writeDouble(ridge);
    os.writeBoolean(bias != null);
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    String name = "PredictedWeightLayer";
    Formats.checkVersion(name, version, loadVersion);
    readInputShapes(is);
    String spec = is.readUTF();
    Formats.checkSame(name, "number of inputs", (long) coordinates.length, is.readLong());
    Formats.checkSame(name, "number of units", units, is.readLong());
    int count = is.readInt();
    if (count < 0 || count > coordinates.length) {
      throw new MalformedModelException(
          "Cannot load " + name + ": saved alpha count " + count + " is outside [0, "
              + coordinates.length + "]");
    }
    int[] saved = new int[count];
    for (int i = 0; i < count; i++) {
      saved[i] = is.readInt();
    }
    Formats.checkSame(name, "alpha indices", describe(alphaIndices), describe(saved));
    Formats.checkSame(name, "ridge lambda", ridge, is.readDouble());
    Formats.checkSame(name, "bias flag", bias != null, is.readBoolean());
    if (kernel != null) {
      Formats.checkSame(name, "kernel", kernel.spec(), spec);
    } else {
      kernel = Formats.resolveKernel(name, resolver, spec);
    }
  }

  private static String describe(int[] indices) {
    return indices.length <= 8
        ? Arrays.toString(indices)
        : indices.length + " indices " + Arrays.toString(Arrays.copyOf(indices, 8)) + "... (hash "
            + Arrays.hashCode(indices) + ")";
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link PredictedWeightLayer}. Required: {@code setUnits}, {@code setCoordinates}, a
   * kernel ({@code setKernel}, or {@code optKernelResolver} for a layer that will be loaded) and the
   * alpha subset ({@code setAlphaIndices} or {@code setAlphaSample}). Optional: ridge (default
   * {@code 1e-4}), weight initializer for V, bias (default true).
   */
  public static final class Builder {
    private long units;
    private double[][] coordinates;
    private Kernel kernel;
    private KernelResolver resolver;
    private int[] alphaIndices;
    private int sampleCount = -1;
    private long sampleSeed;
    private double ridge = 1e-4;
    private Initializer weightInitializer;
    private boolean bias = true;

    private Builder() {}

    /** The number of output units, {@code >= 1}. */
    public Builder setUnits(long units) {
      this.units = units;
      return this;
    }

    /** The coordinates {@code [in][k]} of the input units (copied), e.g. pixel positions. */
    public Builder setCoordinates(double[][] coordinates) {
      requireNonNull(coordinates, "coordinates is null");
      this.coordinates = new double[coordinates.length][];
      for (int i = 0; i < coordinates.length; i++) {
        this.coordinates[i] = requireNonNull(coordinates[i], "coordinates[" + i + "] is null").clone();
      }
      return this;
    }

    /** The kernel between coordinates, e.g. a squared exponential. */
    public Builder setKernel(Kernel kernel) {
      this.kernel = requireNonNull(kernel, "kernel is null");
      return this;
    }

    /** The kernel given by a specification; the resolver is kept for loading. */
    public Builder setKernel(String spec, KernelResolver resolver) {
      requireNonNull(spec, "spec is null");
      this.resolver = requireNonNull(resolver, "resolver is null");
      this.kernel = requireNonNull(resolver.kernel(spec), "resolver returned null for " + spec);
      return this;
    }

    /** Rebuilds the kernel recorded in a saved model when the layer has none. */
    public Builder optKernelResolver(KernelResolver resolver) {
      this.resolver = requireNonNull(resolver, "resolver is null");
      return this;
    }

    /** The inputs whose weights are learned (distinct, in {@code [0, in)}; sorted by build). */
    public Builder setAlphaIndices(int... indices) {
      this.alphaIndices = requireNonNull(indices, "indices is null").clone();
      this.sampleCount = -1;
      return this;
    }

    /** {@code count} distinct inputs drawn uniformly with {@link Random}{@code (seed)}. */
    public Builder setAlphaSample(int count, long seed) {
      this.sampleCount = count;
      this.sampleSeed = seed;
      this.alphaIndices = null;
      return this;
    }

    /** The ridge lambda, finite and {@code >= 0} (default {@code 1e-4}). */
    public Builder optRidge(double lambda) {
      this.ridge = lambda;
      return this;
    }

    /** How V starts; by default the WEIGHT initializer of DJL or of the training configuration. */
    public Builder optWeightInitializer(Initializer initializer) {
      this.weightInitializer = requireNonNull(initializer, "initializer is null");
      return this;
    }

    /** Whether to add a bias {@code b [out]} (default true). */
    public Builder optBias(boolean bias) {
      this.bias = bias;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the bad value: units {@code < 1}, no or ragged
     *     coordinates, no kernel and no resolver, no alpha subset, an index out of range or
     *     repeated, a sample count outside {@code [1, in]}, a negative or non-finite ridge
     */
    public PredictedWeightLayer build() {
      if (units < 1) {
        throw new IllegalArgumentException("PredictedWeightLayer units must be >= 1, got " + units);
      }
      if (coordinates == null || coordinates.length == 0) {
        throw new IllegalArgumentException(
            "PredictedWeightLayer needs the coordinates of at least one input (setCoordinates)");
      }
      int k = coordinates[0].length;
      for (int i = 0; i < coordinates.length; i++) {
        if (coordinates[i].length != k || k == 0) {
          throw new IllegalArgumentException(
              "coordinates must all have the same length >= 1, row 0 has " + k + " and row " + i
                  + " has " + coordinates[i].length);
        }
      }
      if (kernel == null && resolver == null) {
        throw new IllegalArgumentException(
            "PredictedWeightLayer needs a kernel: call setKernel, or optKernelResolver to take it "
                + "from a saved model");
      }
      if (!(ridge >= 0) || Double.isInfinite(ridge)) {
        throw new IllegalArgumentException("ridge must be a finite number >= 0, got " + ridge);
      }
      int in = coordinates.length;
      if (alphaIndices == null) {
        if (sampleCount < 1 || sampleCount > in) {
          throw new IllegalArgumentException(
              sampleCount == -1
                  ? "PredictedWeightLayer needs the alpha subset: setAlphaIndices or setAlphaSample"
                  : "alpha sample count must be in [1, " + in + "], got " + sampleCount);
        }
        alphaIndices = sample(in, sampleCount, sampleSeed);
      }
      int[] sorted = alphaIndices.clone();
      Arrays.sort(sorted);
      if (sorted.length == 0) {
        throw new IllegalArgumentException("alpha indices must not be empty");
      }
      for (int i = 0; i < sorted.length; i++) {
        if (sorted[i] < 0 || sorted[i] >= in) {
          throw new IllegalArgumentException(
              "alpha index must be in [0, " + in + "), got " + sorted[i]);
        }
        if (i > 0 && sorted[i] == sorted[i - 1]) {
          throw new IllegalArgumentException("alpha index " + sorted[i] + " is repeated");
        }
      }
      alphaIndices = sorted;
      return new PredictedWeightLayer(this);
    }

    private static int[] sample(int in, int count, long seed) {
      int[] all = IntStream.range(0, in).toArray();
      Random random = new Random(seed);
      for (int i = 0; i < count; i++) {
        int j = i + random.nextInt(in - i);
        int t = all[i];
        all[i] = all[j];
        all[j] = t;
      }
      return Arrays.copyOf(all, count);
    }
  }

  @Override
  public String toString() {
    return "PredictedWeightLayer(in=" + coordinates.length + ", out=" + units + ", |alpha|="
        + alphaIndices.length + ", kernel=" + (kernel == null ? "?" : kernel.spec()) + ", lambda="
        + ridge + ")";
  }
}
