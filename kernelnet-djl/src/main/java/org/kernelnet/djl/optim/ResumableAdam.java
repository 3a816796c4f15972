package org.kernelnet.djl.optim;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam (Kingma and Ba, 2015) computing exactly what DJL's {@link
 * ai.djl.training.optimizer.Adam} computes, with a state that can be taken out ({@link #state})
 * and put back into a new optimiser ({@link #restore}), so that training continues after a restart
 * as if it had not stopped. DJL's Adam keeps its moments and update counts private; this class
 * repeats its {@code update} (same engine operation, {@code NDArrayEx.adamUpdate}, with the same
 * arguments) over state of its own.
 *
 * <p>For update {@code t} (the highest update count over all parameters, as DJL's {@code
 * Optimizer.updateCount}) of a parameter {@code w} with gradient {@code g}:
 *
 * <pre>
 *   g = clip(rescale * g) + lambda * w
 *   m = beta1 m + (1 - beta1) g,   v = beta2 v + (1 - beta2) g^2      (m = v = 0 before t = 1)
 *   w = w - lr_t * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + eps)
 * </pre>
 *
 * with {@code lr_t} from the learning-rate tracker. The state is keyed by parameter names
 * ({@code Block.getParameters()}), since parameter ids change from one process to the next; the
 * moments are float arrays of one device (the first a parameter was updated on).
 */
public final class ResumableAdam extends Optimizer {
  private final ParameterTracker learningRateTracker;
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final int beginNumUpdate;
  private final Map<String, Integer> updateCounts = new ConcurrentHashMap<>();
  private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>();
  private final Map<String, Map<Device, NDArray>> variances = new ConcurrentHashMap<>();
  private final Map<String, float[]> restoredMeans = new ConcurrentHashMap<>();
  private final Map<String, float[]> restoredVariances = new ConcurrentHashMap<>();
  private int numUpdate;

  private ResumableAdam(Builder builder) {
    super(builder);
    this.learningRateTracker = builder.learningRateTracker;
    this.beta1 = builder.beta1;
    this.beta2 = builder.beta2;
    this.epsilon = builder.epsilon;
    this.beginNumUpdate = builder.beginNumUpdate;
  }

  /** A builder with DJL Adam's defaults: lr 0.001, beta1 0.9, beta2 0.999, eps 1e-8. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The optimiser's state.
   *
   * @param updates the highest update count so far ({@code t} of the last update)
   * @param updateCounts each parameter's update count, by name
   * @param means each parameter's first moment {@code m}, by name
   * @param variances each parameter's second moment {@code v}, by name
   */
  public record State(int updates, Map<String, Integer> updateCounts, Map<String, float[]> means,
      Map<String, float[]> variances) {
    /** Copies the maps (not the arrays). */
    public State {
      updateCounts = Map.copyOf(updateCounts);
      means = Map.copyOf(means);
      variances = Map.copyOf(variances);
    }
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int count = updateCounts.compute(parameterId,
        (key, previous) -> previous == null ? beginNumUpdate + 1 : previous + 1);
    numUpdate = Math.max(numUpdate, count);
    int t = numUpdate;
    double coef1 = 1.0 - Math.pow(beta1, t);
    double coef2 = 1.0 - Math.pow(beta2, t);
    float newLearningRate = learningRateTracker.getNewValue(parameterId, t);
    float learningRateBiasCorrection = (float) (newLearningRate * Math.sqrt(coef2) / coef1);
    float weightDecay = getWeightDecay();
    if (Float.isNaN(learningRateBiasCorrection) || Float.isInfinite(learningRateBiasCorrection)
        || Float.isNaN(weightDecay) || Float.isInfinite(weightDecay)) {
      throw new IllegalArgumentException("learning rate or weight decay is nan or infinite");
    }
    NDList inputs = new NDList(weight, grad,
        withDefaultState(means, parameterId, weight.getDevice(),
            k -> initial(weight, restoredMeans.remove(k))),
        withDefaultState(variances, parameterId, weight.getDevice(),
            k -> initial(weight, restoredVariances.remove(k))));
    weight.getNDArrayInternal().adamUpdate(inputs, new NDList(weight), newLearningRate,
        learningRateBiasCorrection, weightDecay, rescaleGrad, clipGrad, beta1, beta2, epsilon,
        true, false);
  }

  /** Zeros shaped like {@code weight}, or the restored {@code values}. */
  private static NDArray initial(NDArray weight, float[] values) {
    if (values == null) {
      return weight.zerosLike();
    }
    if (values.length != weight.size()) {
      throw new IllegalStateException("a restored moment has " + values.length
          + " values for a parameter of shape " + weight.getShape());
    }
    return weight.getManager().create(values, weight.getShape()).toType(weight.getDataType(),
        false);
  }

  /**
   * The state after the updates so far, for the parameters of {@code block}.
   *
   * @throws IllegalStateException if a parameter was restored and has not been updated since
   *     (its moments are not on a device yet): take the state after a step
   */
  public synchronized State state(Block block) {
    requireNonNull(block, "block is null");
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, float[]> m = new LinkedHashMap<>();
    Map<String, float[]> v = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      String id = entry.getValue().getId();
      if (restoredMeans.containsKey(id)) {
        throw new IllegalStateException("parameter " + entry.getKey() + " was restored and not"
            + " updated since");
      }
      Integer count = updateCounts.get(id);
      if (count != null) {
        counts.put(entry.getKey(), count);
        m.put(entry.getKey(), first(means.get(id)).toFloatArray());
        v.put(entry.getKey(), first(variances.get(id)).toFloatArray());
      }
    }
    return new State(numUpdate, counts, m, v);
  }

  private static NDArray first(Map<Device, NDArray> arrays) {
    return arrays.values().iterator().next();
  }

  /**
   * Puts back a state taken with {@link #state} from an optimiser of the same settings over a
   * block of the same parameters; the moments reach each parameter's device at its next update.
   *
   * @throws IllegalStateException if this optimiser has already updated a parameter
   * @throws IllegalArgumentException if the state names a parameter {@code block} lacks
   */
  public synchronized void restore(Block block, State state) {
    requireNonNull(block, "block is null");
    requireNonNull(state, "state is null");
    if (!updateCounts.isEmpty()) {
      throw new IllegalStateException("restore into an optimiser that has not updated yet");
    }
    Map<String, String> ids = new HashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      ids.put(entry.getKey(), entry.getValue().getId());
    }
    for (Map.Entry<String, Integer> count : state.updateCounts().entrySet()) {
      String id = ids.get(count.getKey());
      if (id == null || !state.means().containsKey(count.getKey())
          || !state.variances().containsKey(count.getKey())) {
        throw new IllegalArgumentException("the state's parameter " + count.getKey()
            + " is not a parameter of the block or has no moments; the block has " + ids.keySet());
      }
      updateCounts.put(id, count.getValue());
      restoredMeans.put(id, state.means().get(count.getKey()));
      restoredVariances.put(id, state.variances().get(count.getKey()));
    }
    numUpdate = state.updates();
  }

  /** Builds a {@link ResumableAdam}; the options are DJL Adam's. */
  public static final class Builder extends OptimizerBuilder<Builder> {
    private ParameterTracker learningRateTracker = Tracker.fixed(0.001f);
    private float beta1 = 0.9f;
    private float beta2 = 0.999f;
    private float epsilon = 1e-8f;
    private int beginNumUpdate;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** Sets the learning rate tracker (default: fixed 0.001). */
    public Builder optLearningRateTracker(ParameterTracker learningRateTracker) {
      this.learningRateTracker = requireNonNull(learningRateTracker, "tracker is null");
      return this;
    }

    /** Sets the decay of the first moment (default 0.9). */
    public Builder optBeta1(float beta1) {
      this.beta1 = beta1;
      return this;
    }

    /** Sets the decay of the second moment (default 0.999). */
    public Builder optBeta2(float beta2) {
      this.beta2 = beta2;
      return this;
    }

    /** Sets the term added to the denominator (default 1e-8). */
    public Builder optEpsilon(float epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    @Override
    public Builder optBeginNumUpdate(int beginNumUpdate) {
      this.beginNumUpdate = beginNumUpdate;
      return super.optBeginNumUpdate(beginNumUpdate);
    }

    /** The optimiser. */
    public ResumableAdam build() {
      return new ResumableAdam(this);
    }
  }
}
