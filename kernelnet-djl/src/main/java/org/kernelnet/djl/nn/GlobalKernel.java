package org.kernelnet.djl.nn;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.kernelnet.api.Scalars;
import org.kernelnet.djl.nn.internal.Formats;
import org.kernelnet.djl.nn.internal.Scopes;

/**
 * The global convolution kernel of GLocal-K (Han et al., CIKM 2021, section 2.2): a {@code s x s}
 * kernel computed from a network's outputs, convolved over the rating matrix seen as a one-channel
 * image.
 *
 * <p>Inputs: the ratings {@code R [n, m]} (rows the items, 0 where unrated) and the outputs {@code
 * Y [n, m]} of a network on them. Parameter: {@code weight C [n, s^2]}. With {@code c = (s - 1) /
 * 2}:
 *
 * <pre>
 *   p_i    = 1/m sum_j Y_ij                       [n]     average pooling of each row
 *   g_k    = dotScale * sum_i p_i C_ik            [s^2]   scaled dot product
 *   G_ab   = g_{a s + b}                          [s, s]  row-major, a, b in 0 .. s - 1
 *   out_ij = max(0, sum_ab G_ab R_{i+a-c, j+b-c}) [n, m]  R = 0 outside [n, m]
 * </pre>
 *
 * that is {@code ReLU} of the 2-D cross-correlation (as {@code conv2d} of TensorFlow and PyTorch)
 * with stride 1 and zero padding {@code c} on every side ("SAME"), so the output has the input's
 * shape. Gradients reach {@code C}, {@code Y} (and through it the network that made it) and {@code
 * R}.
 *
 * <p>{@code s} is odd (GLocal-K: 3), {@code dotScale} finite (GLocal-K: 1 on ML-100K, 0.5 on
 * ML-1M, 2 on Douban); {@code C} starts truncated-normal with standard deviation 0.1 unless {@link
 * Builder#optInitializer} says otherwise. {@code C} has DJL type {@code WEIGHT} and its own
 * initializer, which a parent block's {@code setInitializer(.., WEIGHT)} would replace. Saved
 * metadata: the input shapes, {@code s} and {@code dotScale}; loading refuses other values.
 */
public final class GlobalKernel extends AbstractBlock {
  private static final byte VERSION = 1;
  /** The name of the parameter {@code C [n, s^2]}. */
  public static final String WEIGHT = "weight";

  private final int size;
  private final double dotScale;
  private final Parameter weight;

  private GlobalKernel(Builder builder) {
    super(VERSION);
    this.size = builder.size;
    this.dotScale = builder.dotScale;
    this.weight = addParameter(Parameter.builder()
        .setName(WEIGHT)
        .setType(Parameter.Type.WEIGHT)
        .optInitializer(builder.initializer)
        .build());
  }

  /** A builder with GLocal-K's settings: {@code s = 3}, {@code dotScale = 1}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The kernel's side {@code s}. */
  public int getSize() {
    return size;
  }

  /** The factor of the dot product. */
  public double getDotScale() {
    return dotScale;
  }

  /**
   * {@code out [n, m]} from {@code (R [n, m], Y [n, m])}; see the class comment.
   *
   * @throws IllegalArgumentException if the inputs are not two matrices of the same shape
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    checkInputs(inputs.getShapes());
    NDArray ratings = inputs.get(0);
    return new NDList(convolve(ratings, kernel(parameterStore, inputs.get(1), training)));
  }

  /**
   * The kernel {@code G [s, s]} for the outputs {@code Y [n, m]}, on {@code Y}'s manager
   * (differentiable in {@code Y} and {@code C}).
   */
  public NDArray kernel(ParameterStore parameterStore, NDArray outputs, boolean training) {
    requireNonNull(outputs, "outputs is null");
    NDManager scope = outputs.getManager();
    NDArray c = parameterStore.getValue(weight, scope.getDevice(), training);
    Scopes.tempAttach(scope, c);
    NDArray pooled = outputs.mean(new int[] {1}).reshape(1, -1);
    NDArray g = pooled.matMul(c);
    return g.mul(Scalars.like(g, dotScale)).reshape(size, size);
  }

  /**
   * {@code max(0, G ⋆ R)}: the cross-correlation of {@code ratings R [n, m]} with {@code kernel G
   * [s, s]} ({@code s} odd), stride 1, zero padding {@code (s - 1) / 2}; {@code [n, m]} on {@code
   * R}'s manager.
   */
  public static NDArray convolve(NDArray ratings, NDArray kernel) {
    Shape shape = ratings.getShape();
    Shape k = kernel.getShape();
    if (shape.dimension() != 2 || k.dimension() != 2 || k.get(0) != k.get(1)
        || k.get(0) % 2 == 0) {
      throw new IllegalArgumentException("convolve takes ratings [n, m] and an odd square kernel"
          + " [s, s], got " + shape + " and " + k);
    }
    long s = k.get(0);
    long pad = (s - 1) / 2;
    NDArray image = ratings.reshape(1, 1, shape.get(0), shape.get(1));
    NDArray convolved = Conv2d.conv2d(image, kernel.reshape(1, 1, s, s), null, new Shape(1, 1),
        new Shape(pad, pad), new Shape(1, 1)).singletonOrThrow();
    return Activation.relu(convolved).reshape(shape);
  }

  /** {@inheritDoc} */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  /** Checks the inputs are two matrices {@code [n, m]} of one shape. */
  @Override
  protected void beforeInitialize(Shape... inputShapes) {
    checkInputs(inputShapes);
    super.beforeInitialize(inputShapes);
  }

  /** Sets {@code C [n, s^2]}. */
  @Override
  protected void prepare(Shape[] inputShapes) {
    weight.setShape(new Shape(inputShapes[0].get(0), (long) size * size));
  }

  private static void checkInputs(Shape[] shapes) {
    if (shapes.length != 2 || shapes[0].dimension() != 2 || !shapes[0].equals(shapes[1])) {
      throw new IllegalArgumentException("GlobalKernel takes the ratings [n, m] and a network's"
          + " outputs [n, m] of the same shape, got " + Arrays.toString(shapes));
    }
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    saveInputShapes(os);
    os.writeInt(size);
    os.writeDouble(dotScale);
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    Formats.checkVersion("GlobalKernel", version, loadVersion);
    readInputShapes(is);
    Formats.checkSame("GlobalKernel", "kernel size", size, is.readInt());
    Formats.checkSame("GlobalKernel", "dot scale", dotScale, is.readDouble());
  }

  @Override
  public String toString() {
    return "GlobalKernel(size=" + size + ", dotScale=" + dotScale + ")";
  }

  /** Builds a {@link GlobalKernel}; every setting is optional. */
  public static final class Builder {
    private int size = 3;
    private double dotScale = 1;
    private Initializer initializer = new TruncatedNormalInitializer(0.1f);

    private Builder() {}

    /** The kernel's side {@code s}, odd and {@code >= 1} (default 3). */
    public Builder optSize(int size) {
      this.size = size;
      return this;
    }

    /** The factor of the dot product, finite (default 1). */
    public Builder optDotScale(double dotScale) {
      this.dotScale = dotScale;
      return this;
    }

    /** How {@code C} starts (default truncated normal, standard deviation 0.1). */
    public Builder optInitializer(Initializer initializer) {
      this.initializer = requireNonNull(initializer, "initializer is null");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the value if {@code s} is even or below 1, or
     *     {@code dotScale} is not finite
     */
    public GlobalKernel build() {
      if (size < 1 || size % 2 == 0) {
        throw new IllegalArgumentException(
            "GlobalKernel size must be odd and >= 1, got " + size);
      }
      if (!Double.isFinite(dotScale)) {
        throw new IllegalArgumentException(
            "GlobalKernel dotScale must be finite, got " + dotScale);
      }
      return new GlobalKernel(this);
    }
  }
}
