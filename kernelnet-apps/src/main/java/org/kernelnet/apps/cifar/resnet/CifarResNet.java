package org.kernelnet.apps.cifar.resnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kernelnet.apps.cifar.data.ChannelNormalization;

/**
 * The CIFAR-10 ResNet of He et al. 2016, section 4.2, with {@code depth = 6n + 2} layers and option-A
 * shortcuts, laid out like {@code resnet.py} of {@code akamaster/pytorch_resnet_cifar10}:
 *
 * <pre>
 *   h_0 = relu(bn1(conv1(x)))                          conv1: 3 -> 16, 3x3, stride 1
 *   h_k = BasicBlock_k(h_{k-1}),  k = 1 .. 3n          stages layer1/2/3 of n blocks, widths 16/32/64;
 *                                                      the first block of layer2 and layer3 has stride 2
 *   f   = mean over H, W of h_{3n}                      [N, 64]
 *   z   = f W^T + b                                     linear: 64 -> 10
 * </pre>
 *
 * <p>Input {@code [N, 3, 32, 32]} (normalised with {@link ChannelNormalization#IMAGENET}), output {@code [N,
 * 10]} logits.
 *
 * <p><b>Layer counting and truncation.</b> The stem convolution is layer 1, BasicBlock {@code k}
 * holds layers {@code 2k} and {@code 2k + 1}, the linear layer is layer {@code depth}. A network
 * <em>cut after {@code L} kept layers</em> is defined for {@code L = 1 + 2k} ({@code k = 0 .. 3n}): it
 * keeps the stem and the first {@code k} BasicBlocks and ends with global average pooling of
 * {@code h_k}, giving {@code [N, C_k]} features ({@code C_0 = 16}, otherwise the width of block
 * {@code k}); {@code L = depth - 1} is the pooled 64-d feature vector {@code f}; {@code L = depth} is
 * the whole network. Other {@code L} would cut between the two convolutions of a block (before its
 * residual addition) and are rejected. For ResNet-32 the cuts used in the paper are {@code L = 31}
 * (64-d), {@code 21} (stem + layer1 + layer2, 32-d) and {@code 11} (stem + layer1, 16-d).
 *
 * <p>Every parameter has one name of the PyTorch checkpoint ({@link #namedParameters()}): {@code
 * conv1.weight}, {@code bn1.weight|bias|running_mean|running_var} (DJL {@code gamma}, {@code beta},
 * {@code runningMean}, {@code runningVar}), {@code layerS.B.conv1.weight}, ..., {@code
 * linear.weight}, {@code linear.bias}. Batch norms use DJL's defaults, which match PyTorch's: axis 1,
 * eps {@code 1e-5}; in inference ({@code training = false}) they use the running statistics.
 */
public final class CifarResNet extends AbstractBlock {
  /** The number of CIFAR-10 classes, the width of the logits. */
  public static final int NUM_CLASSES = 10;
  /** The width of the stem and of stage 1; stages 2 and 3 double it twice. */
  public static final int STEM_CHANNELS = 16;

  private static final byte VERSION = 1;

  private final int depth;
  private final int keptLayers;
  private final Conv2d conv1;
  private final BatchNorm bn1;
  private final List<BasicBlock> blocks;
  private final Linear linear;

  private CifarResNet(
      int depth, int keptLayers, Conv2d conv1, BatchNorm bn1, List<BasicBlock> blocks, Linear linear) {
    super(VERSION);
    this.depth = depth;
    this.keptLayers = keptLayers;
    this.conv1 = addChildBlock("conv1", conv1);
    this.bn1 = addChildBlock("bn1", bn1);
    for (BasicBlock block : blocks) {
      addChildBlock(block.name(), block);
    }
    this.blocks = List.copyOf(blocks);
    this.linear = linear == null ? null : addChildBlock("linear", linear);
  }

  /** A builder of the full network of a given depth. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks that {@code depth = 6n + 2} with {@code n >= 1}.
   *
   * @return {@code n}, the number of BasicBlocks per stage
   */
  public static int blocksPerStage(int depth) {
    if (depth < 8 || (depth - 2) % 6 != 0) {
      throw new IllegalArgumentException(
          "depth must be 6n + 2 with n >= 1 (8, 14, 20, 26, 32, 38, 44, 50, 56, ...), got " + depth);
    }
    return (depth - 2) / 6;
  }

  /**
   * The numbers of kept layers a network of this depth can be cut after: {@code 1, 3, 5, ..., depth
   * - 1} (stem and {@code (L - 1) / 2} blocks, pooled) and {@code depth} (the whole network).
   */
  public static List<Integer> validKeptLayers(int depth) {
    int n = blocksPerStage(depth);
    List<Integer> valid = new ArrayList<>();
    for (int k = 0; k <= 3 * n; k++) {
      valid.add(1 + 2 * k);
    }
    valid.add(depth);
    return Collections.unmodifiableList(valid);
  }

  /**
   * The width of the output of a network of depth {@code depth} cut after {@code keptLayers}: 10
   * logits for {@code keptLayers = depth}, else the channel count {@code C_k} of the pooled map.
   */
  public static int outputSize(int depth, int keptLayers) {
    checkKeptLayers(depth, keptLayers, depth);
    if (keptLayers == depth) {
      return NUM_CLASSES;
    }
    int k = (keptLayers - 1) / 2;
    return k == 0 ? STEM_CHANNELS : STEM_CHANNELS << ((k - 1) / blocksPerStage(depth));
  }

  private static void checkKeptLayers(int depth, int keptLayers, int maxKept) {
    List<Integer> valid =
        validKeptLayers(depth).stream().filter(l -> l <= maxKept).collect(Collectors.toList());
    if (!valid.contains(keptLayers)) {
      throw new IllegalArgumentException(
          "cannot cut a ResNet-" + depth + (maxKept < depth ? " already cut after " + maxKept : "")
              + " after " + keptLayers + " layers: valid numbers of kept layers are " + valid
              + " (1 + 2k keeps the stem convolution and the first k BasicBlocks, then pools; "
              + depth + " is the whole network with its linear layer)");
    }
  }

  /** The depth {@code 6n + 2} of the network this one was built as (or cut from). */
  public int depth() {
    return depth;
  }

  /** The number of layers kept: {@code depth} for the whole network, else {@code 1 + 2k}. */
  public int keptLayers() {
    return keptLayers;
  }

  /** Whether this is a cut trunk ending in pooled features rather than logits. */
  public boolean isTruncated() {
    return keptLayers != depth;
  }

  /** The width of the output: 10 logits, or the pooled feature size of a cut trunk. */
  public int outputSize() {
    return outputSize(depth, keptLayers);
  }

  /** The kept BasicBlocks in order ({@code layer1.0}, ...). */
  public List<BasicBlock> blocks() {
    return blocks;
  }

  /**
   * The trunk of this network cut after {@code keptLayers} layers (see the class comment). The trunk
   * shares this network's blocks and therefore its parameters: loaded weights stay loaded.
   *
   * @param keptLayers one of {@link #validKeptLayers(int)}, at most {@link #keptLayers()}
   * @throws IllegalArgumentException listing the valid values otherwise
   */
  public CifarResNet truncate(int keptLayers) {
    checkKeptLayers(depth, keptLayers, this.keptLayers);
    if (keptLayers == this.keptLayers) {
      return this;
    }
    int k = (keptLayers - 1) / 2;
    return new CifarResNet(depth, keptLayers, conv1, bn1, blocks.subList(0, k), null);
  }

  /**
   * Every parameter of this network under its array name in the PyTorch checkpoint, in checkpoint
   * order. Each parameter of {@link #getParameters()} appears exactly once.
   */
  public Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    putConv(out, "conv1", conv1);
    putBatchNorm(out, "bn1", bn1);
    for (BasicBlock block : blocks) {
      out.putAll(block.namedParameters());
    }
    if (linear != null) {
      out.put("linear.weight", linear.getParameters().get("weight"));
      out.put("linear.bias", linear.getParameters().get("bias"));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The number of trainable scalars (convolution and linear weights, linear bias, batch-norm scale
   * and shift; not the running statistics). The network must be initialized.
   */
  public long trainableParameterCount() {
    long count = 0;
    for (Parameter p : getParameters().values()) {
      if (p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
        if (p.getShape() == null) {
          throw new IllegalStateException("parameter " + p.getName() + " has no shape: initialize first");
        }
        count += p.getShape().size();
      }
    }
    return count;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (x.getShape().dimension() != 4 || x.getShape().get(1) != 3) {
      throw new IllegalArgumentException("CifarResNet expects images [N, 3, H, W], got " + x.getShape());
    }
    NDList h = conv1.forward(parameterStore, inputs, training);
    h = bn1.forward(parameterStore, h, training);
    h = new NDList(Activation.relu(h.singletonOrThrow()));
    for (BasicBlock block : blocks) {
      h = block.forward(parameterStore, h, training);
    }
    NDArray map = h.singletonOrThrow();
    Shape mapShape = map.getShape();
    // Global average pooling; the PyTorch engine's mean reduces one axis at a time.
    NDArray features = map.reshape(mapShape.get(0), mapShape.get(1), -1).mean(new int[] {2});
    NDList pooled = new NDList(features);
    return linear == null ? pooled : linear.forward(parameterStore, pooled, training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    conv1.initialize(manager, dataType, shapes);
    shapes = conv1.getOutputShapes(shapes);
    bn1.initialize(manager, dataType, shapes);
    for (BasicBlock block : blocks) {
      block.initialize(manager, dataType, shapes);
      shapes = block.getOutputShapes(shapes);
    }
    if (linear != null) {
      linear.initialize(manager, dataType, pooledShape(shapes[0]));
    }
  }

  private static Shape pooledShape(Shape map) {
    return new Shape(map.get(0), map.get(1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = conv1.getOutputShapes(inputShapes);
    for (BasicBlock block : blocks) {
      shapes = block.getOutputShapes(shapes);
    }
    Shape pooled = pooledShape(shapes[0]);
    return linear == null ? new Shape[] {pooled} : linear.getOutputShapes(new Shape[] {pooled});
  }

  @Override
  public String toString() {
    return "CifarResNet(depth=" + depth + (isTruncated() ? ", cut after " + keptLayers + " layers" : "")
        + ", output " + outputSize() + ")";
  }

  static Conv2d conv3x3(int filters, int stride) {
    return Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .setFilters(filters)
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(1, 1))
        .optBias(false)
        .build();
  }

  static BatchNorm batchNorm() {
    // DJL's defaults are PyTorch's BatchNorm2d: channel axis 1, eps 1e-5, scale and shift.
    return BatchNorm.builder().optAxis(1).optEpsilon(1e-5f).build();
  }

  static void putConv(Map<String, Parameter> out, String prefix, Conv2d conv) {
    out.put(prefix + ".weight", conv.getParameters().get("weight"));
  }

  static void putBatchNorm(Map<String, Parameter> out, String prefix, BatchNorm bn) {
    out.put(prefix + ".weight", bn.getParameters().get("gamma"));
    out.put(prefix + ".bias", bn.getParameters().get("beta"));
    out.put(prefix + ".running_mean", bn.getParameters().get("runningMean"));
    out.put(prefix + ".running_var", bn.getParameters().get("runningVar"));
  }

  /** Builds the whole network ({@code keptLayers = depth}); cut it with {@link #truncate(int)}. */
  public static final class Builder {
    private int depth;

    private Builder() {}

    /** Sets the depth {@code 6n + 2} (20, 32, 44 and 56 have pretrained weights). */
    public Builder setDepth(int depth) {
      this.depth = depth;
      return this;
    }

    /** Builds the (uninitialized) network. */
    public CifarResNet build() {
      int n = blocksPerStage(depth);
      List<BasicBlock> blocks = new ArrayList<>();
      int in = STEM_CHANNELS;
      for (int stage = 1; stage <= 3; stage++) {
        int out = STEM_CHANNELS << (stage - 1);
        for (int b = 0; b < n; b++) {
          int stride = stage > 1 && b == 0 ? 2 : 1;
          blocks.add(new BasicBlock("layer" + stage + "." + b, in, out, stride));
          in = out;
        }
      }
      Linear linear = Linear.builder().setUnits(NUM_CLASSES).optBias(true).build();
      return new CifarResNet(depth, depth, conv3x3(STEM_CHANNELS, 1), batchNorm(), blocks, linear);
    }
  }
}
