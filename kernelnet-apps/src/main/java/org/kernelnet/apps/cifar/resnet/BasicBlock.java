package org.kernelnet.apps.cifar.resnet;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The post-activation BasicBlock of the CIFAR ResNet:
 *
 * <pre>
 *   y = relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))
 * </pre>
 *
 * <p>{@code conv1} is 3x3 with stride {@code s} (1 or 2), {@code conv2} 3x3 with stride 1, both with
 * padding 1 and no bias; {@code bn1}, {@code bn2} are batch norms over the channel axis 1 with eps
 * {@code 1e-5}. The shortcut is the identity when {@code s = 1} (then {@code in = out}) and {@link
 * OptionAShortcut} when {@code s = 2} (then {@code out = 2 in}). Shapes: {@code [N, in, H, W] -> [N,
 * out, H/s, W/s]}.
 */
public final class BasicBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final String name;
  private final int inChannels;
  private final int outChannels;
  private final int stride;
  private final Conv2d conv1;
  private final BatchNorm bn1;
  private final Conv2d conv2;
  private final BatchNorm bn2;
  private final OptionAShortcut shortcut;

  /**
   * A block named like its arrays in the PyTorch checkpoint.
   *
   * @param name the array-name prefix, e.g. {@code layer2.0}
   * @param inChannels the input width
   * @param outChannels the output width: {@code inChannels} for stride 1, {@code 2 * inChannels} for
   *     stride 2
   * @param stride 1 or 2
   */
  public BasicBlock(String name, int inChannels, int outChannels, int stride) {
    super(VERSION);
    this.name = requireNonNull(name, "name is null");
    if (stride != 1 && stride != 2) {
      throw new IllegalArgumentException("stride must be 1 or 2, got " + stride);
    }
    int expectedOut = stride == 1 ? inChannels : 2 * inChannels;
    if (inChannels <= 0 || outChannels != expectedOut) {
      throw new IllegalArgumentException(
          "block " + name + ": with stride " + stride + " and inChannels " + inChannels
              + " (must be positive), outChannels must be " + expectedOut + ", got " + outChannels);
    }
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.stride = stride;
    this.conv1 = addChildBlock("conv1", CifarResNet.conv3x3(outChannels, stride));
    this.bn1 = addChildBlock("bn1", CifarResNet.batchNorm());
    this.conv2 = addChildBlock("conv2", CifarResNet.conv3x3(outChannels, 1));
    this.bn2 = addChildBlock("bn2", CifarResNet.batchNorm());
    this.shortcut = stride == 1 ? null : addChildBlock("shortcut", new OptionAShortcut(inChannels));
  }

  /** The array-name prefix, e.g. {@code layer2.0}. */
  public String name() {
    return name;
  }

  /** The input width. */
  public int inChannels() {
    return inChannels;
  }

  /** The output width. */
  public int outChannels() {
    return outChannels;
  }

  /** The stride of {@code conv1} (and of the shortcut). */
  public int stride() {
    return stride;
  }

  /**
   * The parameters keyed by their array names in the checkpoint: {@code <name>.conv1.weight}, {@code
   * <name>.bn1.weight|bias|running_mean|running_var}, and the same for {@code conv2}, {@code bn2}.
   */
  Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    CifarResNet.putConv(out, name + ".conv1", conv1);
    CifarResNet.putBatchNorm(out, name + ".bn1", bn1);
    CifarResNet.putConv(out, name + ".conv2", conv2);
    CifarResNet.putBatchNorm(out, name + ".bn2", bn2);
    return out;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDList y = conv1.forward(parameterStore, new NDList(x), training);
    y = bn1.forward(parameterStore, y, training);
    y = new NDList(Activation.relu(y.singletonOrThrow()));
    y = conv2.forward(parameterStore, y, training);
    y = bn2.forward(parameterStore, y, training);
    NDArray residual =
        shortcut == null ? x : shortcut.forward(parameterStore, inputs, training).singletonOrThrow();
    return new NDList(Activation.relu(y.singletonOrThrow().add(residual)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (Block block : new Block[] {conv1, bn1, conv2, bn2}) {
      block.initialize(manager, dataType, shapes);
      shapes = block.getOutputShapes(shapes);
    }
    if (shortcut != null) {
      shortcut.initialize(manager, dataType, inputShapes);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    long height = (in.get(2) + stride - 1) / stride;
    long width = (in.get(3) + stride - 1) / stride;
    return new Shape[] {new Shape(in.get(0), outChannels, height, width)};
  }

  @Override
  public String toString() {
    return "BasicBlock(" + name + ": " + inChannels + " -> " + outChannels + ", stride " + stride + ")";
  }
}
