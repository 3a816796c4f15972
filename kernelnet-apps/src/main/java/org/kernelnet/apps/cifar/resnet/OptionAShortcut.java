package org.kernelnet.apps.cifar.resnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The parameter-free "option A" shortcut of the CIFAR ResNet for a block that halves the resolution
 * and doubles the width: {@code y = pad_c(x[:, :, 0::2, 0::2])}, where {@code pad_c} puts {@code
 * out/4} zero channels before and {@code out/4} after the {@code in = out/2} kept channels.
 *
 * <p>Shapes: {@code [N, in, H, W] -> [N, 2 in, ceil(H/2), ceil(W/2)]}; channel {@code c} of the input
 * becomes channel {@code c + out/4} of the output.
 */
public final class OptionAShortcut extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int inChannels;

  /**
   * A shortcut from {@code inChannels} to {@code 2 * inChannels} channels.
   *
   * @param inChannels the input width; must be even and positive so that {@code out/4} is whole
   */
  public OptionAShortcut(int inChannels) {
    super(VERSION);
    if (inChannels <= 0 || inChannels % 2 != 0) {
      throw new IllegalArgumentException(
          "inChannels must be a positive even number (the output width 2*inChannels is padded by "
              + "inChannels/2 zero channels on each side), got " + inChannels);
    }
    this.inChannels = inChannels;
  }

  /** The input width {@code in}. */
  public int inChannels() {
    return inChannels;
  }

  /** The output width {@code out = 2 in}. */
  public int outChannels() {
    return 2 * inChannels;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (x.getShape().dimension() != 4 || x.getShape().get(1) != inChannels) {
      throw new IllegalArgumentException(
          "OptionAShortcut expects [N, " + inChannels + ", H, W], got " + x.getShape());
    }
    NDArray sub = x.get(":, :, ::2, ::2");
    Shape s = sub.getShape();
    Shape padShape = new Shape(s.get(0), inChannels / 2, s.get(2), s.get(3));
    NDArray zeros = x.getManager().zeros(padShape, x.getDataType(), x.getDevice());
    return new NDList(NDArrays.concat(new NDList(zeros, sub, zeros), 1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {
      new Shape(in.get(0), outChannels(), (in.get(2) + 1) / 2, (in.get(3) + 1) / 2)
    };
  }

  @Override
  public String toString() {
    return "OptionAShortcut(" + inChannels + " -> " + outChannels() + ")";
  }
}
