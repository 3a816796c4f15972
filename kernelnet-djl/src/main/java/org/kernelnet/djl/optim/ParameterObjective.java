package org.kernelnet.djl.optim;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A DJL training loss as a {@link DifferentiableFunction} of the trainable parameters of a block
 * (or of several blocks trained together), so that {@link Lbfgs} can minimise it on the full batch.
 *
 * <p>The point {@code x} is the concatenation of the flattened (row-major) float32 arrays of the
 * parameters that require gradients, in the order of {@link Block#getParameters()} (block by block
 * for several): {@code n} is the sum of their sizes. {@link #evaluate} writes {@code x} into the
 * parameters in place (outside any {@link GradientCollector}: in-place updates of leaf parameters
 * fail inside one), zeroes their gradients (PyTorch accumulates them), opens a sub-manager of the
 * parameters' manager and a collector, calls the {@link Loss} closure, back-propagates the scalar
 * loss, closes both, and copies the gradients into the caller's buffer. Nothing stays attached to
 * the model's manager.
 *
 * <p>Each parameter has its own direct staging buffer ({@code 4 n} bytes in all): on the CPU,
 * DJL's PyTorch {@code NDArray.set(ByteBuffer)} makes the tensor use the buffer's memory rather
 * than copy it, so one buffer shared by several parameters would alias them.
 *
 * <p>The values and gradients are float32, so the objective is exact only to about 1e-7 relative:
 * L-BFGS on it typically ends with {@code FUNCTION_TOLERANCE} or {@code LINE_SEARCH_FAILED} once
 * that precision is reached. Not thread-safe: one evaluation at a time (DJL allows one open
 * collector).
 */
public final class ParameterObjective implements DifferentiableFunction {
  /**
   * Computes the full-batch training loss inside an open {@link GradientCollector}.
   *
   * <p>Every array the closure creates must belong to {@code scope}, which is closed after the
   * gradients are read: attach the inputs first ({@code scope.tempAttachAll(features, labels)}) so
   * that results of operations on them land in {@code scope}, and run the forward pass with a
   * {@code ParameterStore} on {@code scope} or through {@code Trainer.forward}.
   */
  @FunctionalInterface
  public interface Loss {
    /** Returns the scalar loss (one element, any shape), attached to {@code scope}. */
    NDArray compute(NDManager scope);
  }

  private final List<Parameter> parameters;
  private final int dimension;
  private final Loss loss;
  private final NDManager manager;
  private final List<ByteBuffer> staging;

  private ParameterObjective(List<Parameter> parameters, int dimension, Loss loss) {
    this.parameters = parameters;
    this.dimension = dimension;
    this.loss = loss;
    this.manager = parameters.get(0).getArray().getManager();
    List<ByteBuffer> buffers = new ArrayList<>();
    for (Parameter parameter : parameters) {
      buffers.add(ByteBuffer.allocateDirect(Math.toIntExact(parameter.getArray().size() * Float.BYTES))
          .order(ByteOrder.nativeOrder()));
    }
    this.staging = List.copyOf(buffers);
  }

  /**
   * The objective over the trainable parameters of {@code block}.
   *
   * @param block an initialised block whose trainable parameters are float32
   * @param loss the closure computing the full-batch loss
   * @throws IllegalArgumentException if the block has no trainable parameter, one is not
   *     initialised or not float32, or they hold more than {@code 2^31 - 1} values in total
   */
  public static ParameterObjective of(Block block, Loss loss) {
    requireNonNull(block, "block is null");
    return of(List.of(block), loss);
  }

  /**
   * The objective over the trainable parameters of several blocks that one loss trains together
   * (e.g. a network and a block fed by its outputs): {@code x} holds the blocks' parameters in the
   * order of the list, each block's in the order of {@link Block#getParameters()}. The parameters
   * must share one manager.
   *
   * @throws IllegalArgumentException as {@link #of(Block, Loss)}, also if {@code blocks} is empty,
   *     a parameter appears twice or the parameters belong to different managers
   */
  public static ParameterObjective of(List<? extends Block> blocks, Loss loss) {
    requireNonNull(blocks, "blocks is null");
    requireNonNull(loss, "loss is null");
    List<Parameter> trainable = new ArrayList<>();
    long total = 0;
    List<Pair<String, Parameter>> pairs = new ArrayList<>();
    for (Block block : blocks) {
      requireNonNull(block, "a block is null");
      block.getParameters().forEach(pairs::add);
    }
    for (Pair<String, Parameter> pair : pairs) {
      Parameter parameter = pair.getValue();
      if (trainable.contains(parameter)) {
        throw new IllegalArgumentException("parameter " + pair.getKey() + " appears twice");
      }
      if (!parameter.requiresGradient()) {
        continue;
      }
      if (!parameter.isInitialized()) {
        throw new IllegalArgumentException(
            "parameter " + pair.getKey() + " is not initialised; initialise the block first");
      }
      NDArray array = parameter.getArray();
      if (array.getDataType() != DataType.FLOAT32) {
        throw new IllegalArgumentException("parameter " + pair.getKey() + " has data type "
            + array.getDataType() + ", only float32 is supported");
      }
      if (!trainable.isEmpty() && array.getManager() != trainable.get(0).getArray().getManager()) {
        throw new IllegalArgumentException("parameter " + pair.getKey() + " belongs to another"
            + " manager than the first parameter; initialise every block on one manager");
      }
      if (!array.hasGradient()) {
        array.setRequiresGradient(true);
      }
      trainable.add(parameter);
      total += array.size();
    }
    if (trainable.isEmpty()) {
      throw new IllegalArgumentException("blocks " + blocks + " have no trainable parameter");
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "the trainable parameters hold " + total + " values, at most 2^31 - 1 are supported");
    }
    return new ParameterObjective(List.copyOf(trainable), (int) total, loss);
  }

  @Override
  public int dimension() {
    return dimension;
  }

  /** Copies the current parameter values into {@code x}, {@code double[n]}. */
  public void readParameters(double[] x) {
    checkLength("x", x);
    int offset = 0;
    for (Parameter parameter : parameters) {
      NDArray array = parameter.getArray();
      offset = copyOut(array, x, offset);
    }
  }

  /**
   * Writes {@code x}, {@code double[n]}, into the parameters in place (rounded to float32). Must not
   * be called while a {@link GradientCollector} is open.
   */
  public void writeParameters(double[] x) {
    checkLength("x", x);
    int offset = 0;
    for (int p = 0; p < parameters.size(); p++) {
      NDArray array = parameters.get(p).getArray();
      ByteBuffer buffer = staging.get(p);
      buffer.clear();
      FloatBuffer floats = buffer.asFloatBuffer();
      int size = floats.capacity();
      for (int j = 0; j < size; j++) {
        floats.put(j, (float) x[offset + j]);
      }
      array.set(buffer);
      offset += size;
    }
  }

  @Override
  public double evaluate(double[] x, double[] gradient) {
    checkLength("gradient", gradient);
    writeParameters(x);
    zeroGradients();
    double value;
    try (NDManager scope = manager.newSubManager();
        GradientCollector collector = manager.getEngine().newGradientCollector()) {
      NDArray result = requireNonNull(loss.compute(scope), "the loss closure returned null");
      if (result.size() != 1) {
        throw new IllegalStateException(
            "the loss closure must return one value, got shape " + result.getShape());
      }
      collector.backward(result);
      value = result.toArray()[0].doubleValue();
    }
    int offset = 0;
    for (Parameter parameter : parameters) {
      try (NDArray grad = parameter.getArray().getGradient()) {
        offset = copyOut(grad, gradient, offset);
      }
    }
    return value;
  }

  /**
   * Reads the parameters into {@code x}, minimises with {@code lbfgs} and leaves the best point in
   * the parameters.
   *
   * @return the optimiser's result
   */
  public LbfgsResult minimize(Lbfgs lbfgs) {
    requireNonNull(lbfgs, "lbfgs is null");
    double[] x = new double[dimension];
    readParameters(x);
    LbfgsResult result = lbfgs.minimize(this, x);
    writeParameters(x);
    return result;
  }

  /** Sets every parameter's gradient to 0 in place (a fill, so NaN gradients are cleared too). */
  private void zeroGradients() {
    for (Parameter parameter : parameters) {
      try (NDArray grad = parameter.getArray().getGradient();
          NDManager scope = manager.newSubManager()) {
        scope.tempAttachAll(grad);
        grad.set(new NDIndex("..."), 0f);
      }
    }
  }

  /** Copies a float32 array into {@code target[offset ...]}; returns the offset after it. */
  private static int copyOut(NDArray array, double[] target, int offset) {
    FloatBuffer floats = array.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
    int size = floats.remaining();
    for (int j = 0; j < size; j++) {
      target[offset + j] = floats.get(j);
    }
    return offset + size;
  }

  private void checkLength(String name, double[] array) {
    requireNonNull(array, name + " is null");
    if (array.length != dimension) {
      throw new IllegalArgumentException(
          name + " has length " + array.length + " but the parameters hold " + dimension);
    }
  }
}
