package org.kernelnet.djl.optim;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a block's trainable parameters (Polyak averaging), the weights
 * to evaluate and keep at the end of stochastic training.
 *
 * <p>After the {@code t}-th optimiser step ({@code t = 1, 2, ...}) {@link #update()} sets, for
 * every parameter {@code w} that requires a gradient,
 *
 * <pre>
 *   a = beta_t a + (1 - beta_t) w,   beta_t = min(beta, (1 + t) / (10 + t)),   a = w before the first step
 * </pre>
 *
 * so that early averages do not cling to the initial weights (the warm-up of TensorFlow's {@code
 * ExponentialMovingAverage} with {@code num_updates}). The averages are arrays shaped like the
 * parameters on their device, owned by this object; {@link #applied()} copies them into the
 * parameters until it is closed (e.g. to measure validation accuracy), {@link #copyIntoParameters()}
 * for good. Call every method outside a {@code GradientCollector}: in-place writes to leaf
 * parameters fail inside one. Not thread-safe.
 */
public final class ParameterAverage implements AutoCloseable {
  private static final NDIndex ALL = new NDIndex("...");

  private final double decay;
  private final List<Parameter> parameters;
  private final List<NDArray> averages;
  private final NDManager manager;
  private long updates;

  private ParameterAverage(double decay, List<Parameter> parameters, NDManager manager) {
    this.decay = decay;
    this.parameters = parameters;
    this.manager = manager;
    List<NDArray> copies = new ArrayList<>();
    for (Parameter parameter : parameters) {
      NDArray copy = parameter.getArray().duplicate();
      copy.attach(manager);
      copies.add(copy);
    }
    this.averages = List.copyOf(copies);
  }

  /**
   * Starts averaging the trainable parameters of {@code block} at their current values.
   *
   * @param block an initialised block with at least one trainable parameter
   * @param decay {@code beta} in {@code (0, 1)}, e.g. 0.999 (an average over about 1000 steps)
   * @throws IllegalArgumentException if {@code decay} is outside {@code (0, 1)}, the block has no
   *     trainable parameter, or one is not initialised
   */
  public static ParameterAverage of(Block block, double decay) {
    requireNonNull(block, "block is null");
    if (!(decay > 0 && decay < 1)) {
      throw new IllegalArgumentException("decay must be in (0, 1), got " + decay);
    }
    List<Parameter> trained = new ArrayList<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      Parameter parameter = entry.getValue();
      if (!parameter.requiresGradient()) {
        continue;
      }
      if (!parameter.isInitialized()) {
        throw new IllegalArgumentException("parameter " + entry.getKey() + " is not initialised");
      }
      trained.add(parameter);
    }
    if (trained.isEmpty()) {
      throw new IllegalArgumentException("the block has no trainable parameter");
    }
    NDManager manager = trained.get(0).getArray().getManager().newSubManager();
    return new ParameterAverage(decay, List.copyOf(trained), manager);
  }

  /** The number of {@link #update()} calls so far. */
  public long updates() {
    return updates;
  }

  /**
   * The averaging's state: the number of updates and the averages, in the order of the block's
   * trainable parameters.
   *
   * @param updates the {@link #update()} calls so far
   * @param averages each average's values
   */
  public record State(long updates, List<float[]> averages) {
    /** Copies the list (not the arrays). */
    public State {
      averages = List.copyOf(averages);
    }
  }

  /** The state after the updates so far, to be put back with {@link #restore}. */
  public State state() {
    return new State(updates, averages.stream().map(NDArray::toFloatArray).toList());
  }

  /**
   * Puts back a state taken with {@link #state()} from an average over the same parameters.
   *
   * @throws IllegalArgumentException if the state has other averages or sizes
   */
  public void restore(State state) {
    requireNonNull(state, "state is null");
    if (state.averages().size() != averages.size()) {
      throw new IllegalArgumentException("the state has " + state.averages().size()
          + " averages, this average " + averages.size());
    }
    for (int i = 0; i < averages.size(); i++) {
      if (state.averages().get(i).length != averages.get(i).size()) {
        throw new IllegalArgumentException("average " + i + " has " + averages.get(i).size()
            + " values, the state " + state.averages().get(i).length);
      }
    }
    for (int i = 0; i < averages.size(); i++) {
      averages.get(i).set(state.averages().get(i));
    }
    updates = state.updates();
  }

  /**
   * Moves every average towards its parameter's current value by {@code 1 - beta_t}, in place as
   * {@code a = beta_t (a - w) + w}: no array is allocated per step.
   */
  public void update() {
    updates++;
    float beta = (float) Math.min(decay, (1.0 + updates) / (10.0 + updates));
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      averages.get(i).subi(weight).muli(beta).addi(weight);
    }
  }

  /**
   * Copies the averages into the parameters and, when the returned handle is closed, the
   * parameters' own values back, bit for bit.
   */
  public Applied applied() {
    List<NDArray> saved = new ArrayList<>();
    NDManager scope = manager.newSubManager();
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i).getArray();
      NDArray copy = weight.duplicate();
      copy.attach(scope);
      saved.add(copy);
      weight.set(ALL, averages.get(i));
    }
    return new Applied(saved, scope);
  }

  /** Copies the averages into the parameters for good (the end of training). */
  public void copyIntoParameters() {
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).getArray().set(ALL, averages.get(i));
    }
  }

  /** Frees the averages; the parameters keep their current values. */
  @Override
  public void close() {
    manager.close();
  }

  /** The averages in place of the parameters until {@link #close()}. */
  public final class Applied implements AutoCloseable {
    private final List<NDArray> saved;
    private final NDManager scope;

    private Applied(List<NDArray> saved, NDManager scope) {
      this.saved = saved;
      this.scope = scope;
    }

    /** Restores the parameters' own values. */
    @Override
    public void close() {
      for (int i = 0; i < parameters.size(); i++) {
        parameters.get(i).getArray().set(ALL, saved.get(i));
      }
      scope.close();
    }
  }
}
