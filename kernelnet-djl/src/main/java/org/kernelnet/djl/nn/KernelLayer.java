package org.kernelnet.djl.nn;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
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
import java.io.IOException;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.djl.complexity.Complexity;
import org.kernelnet.djl.nn.internal.Formats;

/**
 * A kernelNet layer (Eq. 1 of Mueller et al. 2018): {@code y = x W + b} with {@code W_ij = alpha
 * K(u_i, v_j)}, where the alpha factor is per input ({@code alpha_i}), per output ({@code alpha_j})
 * or absent ({@link AlphaMode}). The weights come from {@code d (in + out)} location values (plus
 * alpha) instead of {@code in * out}; with the dot kernel and no alpha, {@code W = U V^T}.
 *
 * <ul>
 *   <li>input {@code x [B, in]}, output {@code y [B, out]};
 *   <li>{@code u [in, d]}, {@code v [out, d]} (type OTHER, see {@link Locations});
 *   <li>{@code alpha [in]} or {@code [out]} (type OTHER, initially ones), {@code b [out]}.
 * </ul>
 *
 * <p>The non-linearity f of Eq. 1 is a separate block. Build with {@link #builder()}; a saved layer
 * records its kernel and reloads into a block built with only {@link
 * Builder#optKernelResolver}.
 */
public final class KernelLayer extends AbstractKernelBlock {
  private static final byte VERSION = 1;

  private final AlphaMode alphaMode;
  private final Parameter alpha;

  private KernelLayer(Builder builder) {
    super(VERSION, builder);
    alphaMode = builder.alphaMode;
    alpha =
        alphaMode == AlphaMode.NONE
            ? null
            : addParameter(
                Parameter.builder()
                    .setName("alpha")
                    .setType(Parameter.Type.OTHER)
                    .optInitializer(builder.alphaInitializer)
                    .build());
  }

  /** Where alpha sits. */
  public AlphaMode getAlphaMode() {
    return alphaMode;
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

  /** Sets the shapes of the locations, alpha and bias. */
  @Override
  protected void prepare(Shape[] inputShapes) {
    super.prepare(inputShapes);
    if (alphaMode == AlphaMode.PER_INPUT) {
      alpha.setShape(new Shape(getInputs()));
    } else if (alphaMode == AlphaMode.PER_OUTPUT) {
      alpha.setShape(new Shape(units));
    }
  }

  /** {@code W = K(U, V)} scaled by alpha along rows (per input) or columns (per output). */
  @Override
  public NDArray effectiveWeights(
      NDArray k, ParameterStore parameterStore, NDManager scope, boolean training) {
    NDArray a = value(parameterStore, alpha, scope, training);
    return switch (alphaMode) {
      case NONE -> k;
      case PER_INPUT -> k.mul(a.reshape(-1, 1));
      case PER_OUTPUT -> k.mul(a.reshape(1, -1));
    };
  }

  /** The kernel matrix only: a kernelNet layer has no free dense weights. */
  @Override
  public LayerMatrices layerMatrices(
      ParameterStore parameterStore, NDManager scope, boolean training) {
    return LayerMatrices.ofKernel(kernelMatrix(parameterStore, scope, training));
  }

  /**
   * Free: trainable locations, alpha and bias; dense-equivalent: {@code in * out + out}; non-zero:
   * the non-zero entries of W.
   */
  @Override
  public Complexity complexity() {
    return new Complexity(freeParameters(), denseEquivalentParameters(), nonZeroWeights());
  }

  @Override
  protected void saveOwnMetadata(DataOutputStream os) throws IOException {
    os.writeByte(alphaMode.code());
  }

  @Override
  protected void loadOwnMetadata(DataInputStream is) throws IOException, MalformedModelException {
    byte code = is.readByte();
    AlphaMode saved = AlphaMode.ofCode(code);
    Formats.checkSame(
        "KernelLayer", "alpha mode", alphaMode, saved == null ? "unknown code " + code : saved);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link KernelLayer}: required {@code setUnits}, {@code setDimension} and {@code
   * setKernel} (or {@code optKernelResolver} for loading); optional alpha mode (default {@link
   * AlphaMode#PER_INPUT}), alpha initializer (default ones), bias (default true) and locations
   * (default trainable {@code N(0, 1)}).
   */
  public static final class Builder extends BaseBuilder<Builder> {
    private AlphaMode alphaMode = AlphaMode.PER_INPUT;
    private Initializer alphaInitializer = Initializer.ONES;

    private Builder() {}

    /** Where alpha sits (default {@link AlphaMode#PER_INPUT}). */
    public Builder optAlpha(AlphaMode alphaMode) {
      this.alphaMode = requireNonNull(alphaMode, "alphaMode is null");
      return this;
    }

    /** How alpha starts (default ones). */
    public Builder optAlphaInitializer(Initializer initializer) {
      this.alphaInitializer = requireNonNull(initializer, "initializer is null");
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * @throws IllegalArgumentException if units or dimension is {@code < 1}, there is neither a
     *     kernel nor a resolver, or a location grid does not fit (d must be 2; an output grid must
     *     have {@code units} points)
     */
    public KernelLayer build() {
      validate("KernelLayer");
      return new KernelLayer(this);
    }
  }
}
