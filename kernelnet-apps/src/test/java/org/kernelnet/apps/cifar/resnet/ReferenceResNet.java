package org.kernelnet.apps.cifar.resnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An independent forward pass of the CIFAR ResNet written from the architecture description in
 * {@code pretrained/README.md}, using only the .npz arrays and plain NDArray ops: convolution as
 * im2col + matMul, batch norm from its formula, the option-A shortcut as a reshape-subsample and a
 * 0/1 channel-placement matrix. No DJL block, no convolution or batch-norm operator.
 */
final class ReferenceResNet {
  private final Map<String, NDArray> w;
  private final int depth;
  private final Set<String> used = new HashSet<>();

  ReferenceResNet(Map<String, NDArray> arrays, int depth) {
    this.w = arrays;
    this.depth = depth;
  }

  /** The names of the arrays read so far. */
  Set<String> used() {
    return used;
  }

  /**
   * The forward pass on normalised images {@code [N, 3, 32, 32]}: logits {@code [N, 10]} if {@code
   * keptBlocks < 0}, else the global average of the feature map after the stem and {@code keptBlocks}
   * BasicBlocks.
   */
  NDArray forward(NDArray x, int keptBlocks) {
    int n = (depth - 2) / 6;
    NDArray h = relu(bn(conv(x, get("conv1.weight"), 1), "bn1"));
    int k = 0;
    for (int stage = 1; stage <= 3; stage++) {
      for (int b = 0; b < n; b++) {
        if (k == keptBlocks) {
          return h.mean(new int[] {3}).mean(new int[] {2});
        }
        String p = "layer" + stage + "." + b;
        int stride = stage > 1 && b == 0 ? 2 : 1;
        NDArray y = relu(bn(conv(h, get(p + ".conv1.weight"), stride), p + ".bn1"));
        y = bn(conv(y, get(p + ".conv2.weight"), 1), p + ".bn2");
        NDArray shortcut = stride == 1 ? h : optionA(h);
        h = relu(y.add(shortcut));
        k++;
      }
    }
    NDArray f = h.mean(new int[] {3}).mean(new int[] {2});
    if (keptBlocks == k) {
      return f;
    }
    return f.matMul(get("linear.weight").transpose()).add(get("linear.bias"));
  }

  private NDArray get(String name) {
    NDArray a = w.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no array " + name);
    }
    used.add(name);
    return a;
  }

  private static NDArray relu(NDArray x) {
    return x.maximum(0f);
  }

  /** (x - mean) / sqrt(var + 1e-5) * gamma + beta, per channel. */
  private NDArray bn(NDArray x, String prefix) {
    Shape c = new Shape(1, x.getShape().get(1), 1, 1);
    NDArray mean = get(prefix + ".running_mean").reshape(c);
    NDArray var = get(prefix + ".running_var").reshape(c);
    NDArray gamma = get(prefix + ".weight").reshape(c);
    NDArray beta = get(prefix + ".bias").reshape(c);
    return x.sub(mean).div(var.add(1e-5f).sqrt()).mul(gamma).add(beta);
  }

  /** 3x3 convolution, padding 1, no bias: im2col of the zero-padded input times the weight matrix. */
  private static NDArray conv(NDArray x, NDArray weight, int stride) {
    long n = x.getShape().get(0);
    long c = x.getShape().get(1);
    long h = x.getShape().get(2);
    long wd = x.getShape().get(3);
    long o = weight.getShape().get(0);
    NDManager m = x.getManager();
    NDArray zc = m.zeros(new Shape(n, c, h, 1));
    NDArray xp = NDArrays.concat(new NDList(zc, x, zc), 3);
    NDArray zr = m.zeros(new Shape(n, c, 1, wd + 2));
    xp = NDArrays.concat(new NDList(zr, xp, zr), 2);
    long ho = (h - 1) / stride + 1;
    long wo = (wd - 1) / stride + 1;
    NDList patches = new NDList();
    for (int kh = 0; kh < 3; kh++) {
      for (int kw = 0; kw < 3; kw++) {
        patches.add(
            xp.get(
                ":, :, {}:{}:{}, {}:{}:{}",
                kh, kh + stride * (ho - 1) + 1, stride, kw, kw + stride * (wo - 1) + 1, stride));
      }
    }
    NDArray cols = NDArrays.stack(patches, 2).reshape(n, c * 9, ho * wo);
    return weight.reshape(o, c * 9).matMul(cols).reshape(n, o, ho, wo);
  }

  /** x[:, :, 0::2, 0::2] placed in channels c/2 .. 3c/2 - 1 of 2c zero channels. */
  private static NDArray optionA(NDArray x) {
    long n = x.getShape().get(0);
    long c = x.getShape().get(1);
    long h = x.getShape().get(2);
    long wd = x.getShape().get(3);
    NDArray sub = x.reshape(n, c, h / 2, 2, wd / 2, 2).get(":, :, :, 0, :, 0");
    float[] place = new float[(int) (2 * c * c)];
    for (int i = 0; i < c; i++) {
      place[(int) ((i + c / 2) * c + i)] = 1f;
    }
    NDArray p = x.getManager().create(place, new Shape(2 * c, c));
    return p.matMul(sub.reshape(n, c, h * wd / 4)).reshape(n, 2 * c, h / 2, wd / 2);
  }
}
