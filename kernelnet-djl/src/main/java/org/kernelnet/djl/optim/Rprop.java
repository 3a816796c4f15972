package org.kernelnet.djl.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * iRprop- (Igel and Huesken 2000), resilient backpropagation without weight backtracking, as a DJL
 * {@link Optimizer}.
 *
 * <p>Every weight {@code w} has its own step size {@code Delta}; only the sign of its gradient
 * {@code g} is used. With {@code g'} the gradient stored at the previous update:
 *
 * <pre>
 *   g' g &gt; 0:  Delta = min(etaPlus  Delta, stepMax)
 *   g' g &lt; 0:  Delta = max(etaMinus Delta, stepMin),  g = 0
 *   w = w - sign(g) Delta,   g' = g
 * </pre>
 *
 * <p>The sign of a gradient means something only on the full batch: use it with one batch holding
 * the whole training set per {@code Trainer.step()} (PAPER.md section 5); on noisy mini-batch
 * gradients the step sizes collapse. The state ({@code Delta} and {@code g'}, each shaped like the
 * weight) lives on the weight's device; every update runs in a sub-manager that owns its
 * temporaries, writes weight and state in place, and zeroes the weight's own gradient (PyTorch
 * accumulates gradients and only DJL's built-in optimisers clear them). {@code rescaleGrad} and
 * {@code optWeightDecays} act on the gradient before its sign is taken; gradient clipping cannot
 * change a sign and has no effect.
 */
public final class Rprop extends Optimizer {
  private final float etaPlus;
  private final float etaMinus;
  private final float stepMin;
  private final float stepMax;
  private final float initialStep;
  private final Map<String, Map<Device, NDArray>> steps = new ConcurrentHashMap<>();
  private final Map<String, Map<Device, NDArray>> previousGradients = new ConcurrentHashMap<>();

  private Rprop(Builder builder) {
    super(builder);
    this.etaPlus = builder.etaPlus;
    this.etaMinus = builder.etaMinus;
    this.stepMin = builder.stepMin;
    this.stepMax = builder.stepMax;
    this.initialStep = builder.initialStep;
  }

  /** A builder with the defaults listed on its setters. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Applies one iRprop- step to {@code weight} in place.
   *
   * @param parameterId the parameter, the key of its state
   * @param weight the weight array, any shape
   * @param grad the gradient of the loss with respect to {@code weight}, same shape
   */
  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    float weightDecay = getWeightDecay();
    Device device = weight.getDevice();
    NDArray step = withDefaultState(steps, parameterId, device,
        k -> weight.zerosLike().addi(initialStep));
    NDArray previous = withDefaultState(previousGradients, parameterId, device,
        k -> weight.zerosLike());
    try (NDManager scope = weight.getManager().newSubManager(device)) {
      scope.tempAttachAll(weight, grad, step, previous);
      NDArray g = grad;
      if (weightDecay != 0 || rescaleGrad != 1) {
        g = grad.mul(rescaleGrad).add(weight.mul(weightDecay));
      }
      NDArray product = g.mul(previous);
      NDArray shrink = product.lt(0);
      NDArray newStep = NDArrays.where(product.gt(0), step.mul(etaPlus).minimum(stepMax),
          NDArrays.where(shrink, step.mul(etaMinus).maximum(stepMin), step));
      NDArray effective = NDArrays.where(shrink, g.zerosLike(), g);
      weight.subi(effective.sign().mul(newStep));
      NDIndex all = new NDIndex("...");
      step.set(all, newStep);
      previous.set(all, effective);
      if (weight.hasGradient()) {
        weight.getGradient().set(all, 0f);
      }
    }
  }

  /** Builds {@link Rprop}; the settings are validated by {@link #build()}. */
  public static final class Builder extends OptimizerBuilder<Builder> {
    private float etaPlus = 1.2f;
    private float etaMinus = 0.5f;
    private float stepMin = 1e-6f;
    private float stepMax = 50f;
    private float initialStep = 0.01f;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The growth factor {@code etaPlus > 1}; default 1.2. */
    public Builder optEtaPlus(float etaPlus) {
      this.etaPlus = etaPlus;
      return this;
    }

    /** The shrink factor {@code 0 < etaMinus < 1}; default 0.5. */
    public Builder optEtaMinus(float etaMinus) {
      this.etaMinus = etaMinus;
      return this;
    }

    /** The smallest step {@code stepMin >= 0}; default 1e-6. */
    public Builder optStepMin(float stepMin) {
      this.stepMin = stepMin;
      return this;
    }

    /** The largest step {@code stepMax > stepMin}, finite; default 50. */
    public Builder optStepMax(float stepMax) {
      this.stepMax = stepMax;
      return this;
    }

    /** The first step of every weight, in {@code [stepMin, stepMax]}; default 0.01. */
    public Builder optInitialStep(float initialStep) {
      this.initialStep = initialStep;
      return this;
    }

    /**
     * Builds the optimiser.
     *
     * @throws IllegalArgumentException if a setting is outside its range
     */
    public Rprop build() {
      if (!(etaPlus > 1) || Float.isInfinite(etaPlus)) {
        throw new IllegalArgumentException("etaPlus must be a finite number > 1, got " + etaPlus);
      }
      if (!(etaMinus > 0 && etaMinus < 1)) {
        throw new IllegalArgumentException("etaMinus must be in (0, 1), got " + etaMinus);
      }
      if (!(stepMin >= 0) || Float.isInfinite(stepMin)) {
        throw new IllegalArgumentException("stepMin must be a finite number >= 0, got " + stepMin);
      }
      if (!(stepMax > stepMin) || Float.isInfinite(stepMax)) {
        throw new IllegalArgumentException(
            "stepMax must be finite and > stepMin = " + stepMin + ", got " + stepMax);
      }
      if (!(initialStep >= stepMin && initialStep <= stepMax)) {
        throw new IllegalArgumentException("initialStep must be in [stepMin, stepMax] = ["
            + stepMin + ", " + stepMax + "], got " + initialStep);
      }
      return new Rprop(this);
    }
  }
}
