package org.kernelnet.djl.nn;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.djl.complexity.Complexity;

/**
 * The "sparse FC" layer (Eqs. 16-17 of Mueller et al. 2018): a dense layer whose weights are masked
 * by a kernel between unit locations, {@code y = x (W ⊙ K(U, V)) + b}. With a finite-support kernel
 * the effective weights are exactly zero wherever {@code K(u_i, v_j) = 0}, so training the locations
 * (with an overlap penalty, Eq. 8) learns the sparsity pattern.
 *
 * <ul>
 *   <li>input {@code x [B, in]}, output {@code y [B, out]};
 *   <li>{@code weight W [in, out]} (type WEIGHT, so DJL's or the training config's WEIGHT
 *       initializer applies unless {@link Builder#optWeightInitializer} sets one);
 *   <li>{@code u [in, d]}, {@code v [out, d]} (type OTHER, see {@link Locations}), {@code b [out]}.
 * </ul>
 */
public final class KernelMaskedDense extends AbstractKernelBlock {
  private static final byte VERSION = 1;

  private final Parameter weight;

  private KernelMaskedDense(Builder builder) {
    super(VERSION, builder);
    weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optInitializer(builder.weightInitializer)
                .build());
  }

  /** {@inheritDoc} */
  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    return new NDList(affine(parameterStore, inputs.singletonOrThrow(), training));
  }

  /** Sets the shapes of the locations, W and bias. */
  @Override
  protected void prepare(Shape[] inputShapes) {
    super.prepare(inputShapes);
    weight.setShape(new Shape(getInputs(), units));
  }

  /** {@code W ⊙ K(U, V)}. */
  @Override
  public NDArray effectiveWeights(
      NDArray k, ParameterStore parameterStore, NDManager scope, boolean training) {
    return value(parameterStore, weight, scope, training).mul(k);
  }

  /** The kernel matrix and the dense weights W. */
  @Override
  public LayerMatrices layerMatrices(
      ParameterStore parameterStore, NDManager scope, boolean training) {
    NDArray k = kernelMatrix(parameterStore, scope, training);
    return new LayerMatrices(k, value(parameterStore, weight, scope, training));
  }

  /**
   * Free: W, trainable locations and bias; dense-equivalent: {@code in * out + out}; non-zero: the
   * non-zero entries of {@code W ⊙ K}.
   */
  @Override
  public Complexity complexity() {
    return new Complexity(freeParameters(), denseEquivalentParameters(), nonZeroWeights());
  }

  /** Nothing beyond the common fields. */
  @Override
  protected void saveOwnMetadata(DataOutputStream os) {}

  /** Nothing beyond the common fields. */
  @Override
  protected void loadOwnMetadata(DataInputStream is) {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link KernelMaskedDense}: required {@code setUnits}, {@code setDimension} and {@code
   * setKernel} (or {@code optKernelResolver} for loading); optional weight initializer, bias
   * (default true) and locations (default trainable {@code N(0, 1)}; the MovieLens models use
   * {@code truncatedNormal(1e-3)}).
   */
  public static final class Builder extends BaseBuilder<Builder> {
    private Initializer weightInitializer;

    private Builder() {}

    /**
     * How W starts; by default DJL's WEIGHT initializer (or the one the training configuration sets
     * for WEIGHT parameters).
     */
    public Builder optWeightInitializer(Initializer initializer) {
      this.weightInitializer = requireNonNull(initializer, "initializer is null");
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * @throws IllegalArgumentException if units or dimension is {@code < 1}, there is neither a
     *     kernel nor a resolver, or a location grid does not fit
     */
    public KernelMaskedDense build() {
      validate("KernelMaskedDense");
      return new KernelMaskedDense(this);
    }
  }
}
