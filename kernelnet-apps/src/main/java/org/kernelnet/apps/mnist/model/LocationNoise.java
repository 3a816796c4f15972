package org.kernelnet.apps.mnist.model;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.kernelnet.djl.nn.AbstractKernelBlock;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.KernelLayerStack;
import org.kernelnet.djl.nn.KernelMaskedDense;

/**
 * Gaussian noise on the input locations of a kernel layer ({@link KernelLayer}, {@link
 * KernelMaskedDense}) or a {@link KernelLayerStack} during training, a regulariser for uncertainty
 * about where a pixel is (section 3.2 of Mueller et al. 2018): each training forward pass uses
 * {@code u + epsilon} with a fresh {@code epsilon ~ N(0, std^2)} of u's shape ({@code [in, d]} for a
 * layer, {@code [L, in, d]} for a stack with one {@code u} per layer, so each layer gets its own
 * noise), so the weights are e.g. {@code W_ij = alpha_i K(u_i + epsilon_i, v_j)}; evaluation uses
 * {@code u}. The gradient with respect to a trainable {@code u} flows through the sum; a frozen
 * {@code u} (the pixel grid) stays fixed.
 *
 * <p>The layer is wrapped rather than changed: its forward pass reads {@code u} from a parameter
 * store that returns {@code u + epsilon} for that one parameter and delegates every other value.
 * Input and output shapes are the wrapped layer's. The noise comes from the engine's generator
 * ({@code Engine.setRandomSeed} makes it reproducible).
 */
public final class LocationNoise extends ai.djl.nn.AbstractBlock {
  private static final byte VERSION = 1;

  private final Block layer;
  private final float std;

  /**
   * @param layer the kernel layer whose input locations {@code u} get the noise
   * @param std the standard deviation, finite and {@code >= 0} (0 turns the noise off)
   */
  public LocationNoise(AbstractKernelBlock layer, double std) {
    this((Block) layer, std);
  }

  /**
   * @param layers the kernel layers whose input locations {@code u} get the noise; share no {@code
   *     u} between layers, or they would share the noise too
   * @param std the standard deviation, finite and {@code >= 0} (0 turns the noise off)
   * @throws IllegalArgumentException if the layers share their input locations
   */
  public LocationNoise(KernelLayerStack layers, double std) {
    this((Block) layers, std);
    if (layers.hasSharedInputLocations()) {
      throw new IllegalArgumentException(
          "location noise needs one u per layer, got a stack with shared input locations");
    }
  }

  private LocationNoise(Block layer, double std) {
    super(VERSION);
    this.layer = addChildBlock("layer", requireNonNull(layer, "layer is null"));
    if (!(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("location noise std must be a finite number >= 0, got " + std);
    }
    this.std = (float) std;
  }

  /** The wrapped layer or stack. */
  public Block layer() {
    return layer;
  }

  /** The noise standard deviation. */
  public double std() {
    return std;
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    if (!training || std == 0) {
      return layer.forward(parameterStore, inputs, training, params);
    }
    Parameter u = layer.getDirectParameters().get("u");
    NDManager scope = inputs.head().getManager();
    return layer.forward(new NoisyStore(parameterStore, u, std, scope), inputs, training, params);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return layer.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    layer.initialize(manager, dataType, inputShapes);
  }

  @Override
  public String toString() {
    return "LocationNoise(std=" + std + ", " + layer + ")";
  }

  /** Delegates every value, adding fresh noise to one parameter; temporaries live in {@code scope}. */
  private static final class NoisyStore extends ParameterStore {
    private final ParameterStore delegate;
    private final Parameter target;
    private final float std;
    private final NDManager scope;

    NoisyStore(ParameterStore delegate, Parameter target, float std, NDManager scope) {
      super(scope, false);
      this.delegate = delegate;
      this.target = target;
      this.std = std;
      this.scope = scope;
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
      NDArray value = delegate.getValue(parameter, device, training);
      if (parameter != target) {
        return value;
      }
      NDArray noise = scope.randomNormal(0f, std, value.getShape(), value.getDataType(), device);
      // noise first: the sum belongs to the batch's scope, not to the model's manager
      return noise.add(value);
    }
  }
}
