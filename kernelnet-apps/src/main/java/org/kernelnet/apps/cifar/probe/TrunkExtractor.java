package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.kernelnet.apps.cifar.data.ChannelNormalization;
import org.kernelnet.apps.cifar.data.Cifar10;
import org.kernelnet.apps.cifar.data.CifarSet;
import org.kernelnet.apps.cifar.resnet.BasicBlock;
import org.kernelnet.apps.cifar.resnet.CifarResNet;
import org.kernelnet.apps.cifar.resnet.ResNetFeatureExtractor;
import org.kernelnet.apps.report.ProgressLog;

/**
 * Runs a frozen {@link CifarResNet} (a trunk cut with {@link CifarResNet#truncate(int)}, or the
 * whole network) over a {@link CifarSet} in chunks, reporting images/s and the remaining time.
 * Optionally every image is mirrored left-right first ({@code x'[c, i, j] = x[c, i, W - 1 - j]}), for
 * the features of horizontally flipped training images.
 *
 * <p>With {@code pool = 1} the output is the network's own output through {@link
 * ResNetFeatureExtractor}: the globally average-pooled {@code [N, C]} features of a trunk, or the
 * {@code [N, 10]} logits of the whole network. With {@code pool = p > 1} (trunks only) the trunk's
 * last feature map {@code h [N, C, H, W]} is average-pooled over {@code p x p} equal cells and
 * flattened channel-major: {@code f[n, c p^2 + i p + j] = mean of h[n, c, i H/p .. (i+1) H/p, j W/p ..
 * (j+1) W/p]}, {@code [N, C p^2]}, keeping coarse spatial layout; the mean of a channel's {@code p^2}
 * cells is its {@code pool = 1} feature. With {@code p} equal to the map's side {@code H} the map is
 * not pooled at all: {@code [N, C H W]}.
 *
 * <p>A trunk's features are returned as binary16 ({@link FeatureCache.Features#ofHalves}: half the
 * memory of a 50,000 x 16,384 map set, relative error below {@code 2^-11}, far below what the
 * standardised head can use); the whole network's logits as binary32, so that its accuracy is
 * exactly that of the network.
 */
final class TrunkExtractor {
  /** Images per chunk between two progress lines. */
  static final int CHUNK = 2_000;

  private final CifarResNet network;
  private final int pool;
  private final int batchSize;
  private final ResNetFeatureExtractor extractor;

  /**
   * @param network an initialized (loaded) network, whole or cut
   * @param pool cells per side, {@code >= 1}; {@code > 1} needs a cut trunk whose map side it divides
   * @param batchSize images per forward pass
   */
  TrunkExtractor(CifarResNet network, int pool, int batchSize) {
    this.network = requireNonNull(network, "network is null");
    if (pool < 1) {
      throw new IllegalArgumentException("pool must be >= 1, got " + pool);
    }
    if (pool > 1) {
      if (!network.isTruncated()) {
        throw new IllegalArgumentException("pool " + pool + " needs a cut trunk, got " + network);
      }
      int side = mapSide(network);
      if (side % pool != 0) {
        throw new IllegalArgumentException("pool " + pool + " does not divide the " + side + " x "
            + side + " feature map of " + network + ": use a divisor of " + side);
      }
    }
    this.pool = pool;
    this.batchSize = batchSize;
    this.extractor = new ResNetFeatureExtractor(network, batchSize);
  }

  /** The side of the last feature map of a trunk: 32, halved by each stride-2 block kept. */
  static int mapSide(CifarResNet trunk) {
    int side = Cifar10.HEIGHT;
    for (BasicBlock block : trunk.blocks()) {
      side /= block.stride();
    }
    return side;
  }

  /**
   * The side of the last feature map of a ResNet of {@code depth = 6n + 2} cut after {@code
   * keptLayers = 1 + 2k} layers: 32 while {@code k <= n}, 16 while {@code k <= 2n}, else 8 (the first
   * block of the second and third stage has stride 2).
   */
  static int mapSide(int depth, int keptLayers) {
    int n = CifarResNet.blocksPerStage(depth);
    if (keptLayers < 1 || keptLayers >= depth || keptLayers % 2 == 0) {
      throw new IllegalArgumentException("keptLayers must be 1 + 2k below the depth " + depth + ", got "
          + keptLayers);
    }
    int k = (keptLayers - 1) / 2;
    return Cifar10.HEIGHT >> (k <= n ? 0 : k <= 2 * n ? 1 : 2);
  }

  /** The width D of one feature row. */
  int width() {
    return network.outputSize() * pool * pool;
  }

  /**
   * The features of every image.
   *
   * @param images the images, pixels in {@code [0, 1]}
   * @param manager the manager (and device) to compute with; nothing is left attached to it
   * @param log where progress goes
   * @param what what is being extracted, for the progress lines
   */
  FeatureCache.Features extract(CifarSet images, NDManager manager, ProgressLog log, String what) {
    return extract(images, false, manager, log, what);
  }

  /**
   * The features of every image, or of every image mirrored left-right.
   *
   * @param images the images, pixels in {@code [0, 1]}
   * @param mirrored whether to flip each image horizontally first
   * @param manager the manager (and device) to compute with; nothing is left attached to it
   * @param log where progress goes
   * @param what what is being extracted, for the progress lines
   */
  FeatureCache.Features extract(CifarSet images, boolean mirrored, NDManager manager, ProgressLog log,
      String what) {
    int n = images.size();
    int width = width();
    if ((long) n * width > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(n + " images of " + width + " features exceed one Java array;"
          + " use fewer images or more pooling");
    }
    boolean half = network.isTruncated();
    float[] single = half ? null : new float[n * width];
    short[] halves = half ? new short[n * width] : null;
    long started = System.nanoTime();
    for (int start = 0; start < n; start += CHUNK) {
      int end = Math.min(n, start + CHUNK);
      try (NDManager scope = manager.newSubManager()) {
        float[] pixels = new float[(end - start) * Cifar10.IMAGE_VALUES];
        System.arraycopy(images.images(), start * Cifar10.IMAGE_VALUES, pixels, 0, pixels.length);
        NDArray batch = scope.create(pixels,
            new Shape(end - start, Cifar10.CHANNELS, Cifar10.HEIGHT, Cifar10.WIDTH));
        if (mirrored) {
          batch = batch.flip(3);
        }
        NDArray features = pool == 1 ? extractor.features(batch) : pooledMaps(batch, scope);
        float[] values = features.toFloatArray();
        if (half) {
          int offset = start * width;
          for (int i = 0; i < values.length; i++) {
            halves[offset + i] = HalfFloat.fromFloat(values[i]);
          }
        } else {
          System.arraycopy(values, 0, single, start * width, values.length);
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double rate = end / Math.max(seconds, 1e-9);
      log.throttled("%s: %,d / %,d images, %.0f images/s, ETA %.0f s", what, end, n, rate,
          (n - end) / rate);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    log.always("%s: %,d images -> [%d, %d] in %.1f s (%.0f images/s)", what, n, n, width, seconds,
        n / Math.max(seconds, 1e-9));
    return half ? FeatureCache.Features.ofHalves(halves, n, width)
        : FeatureCache.Features.ofFloats(single, n, width);
  }

  /** The {@code pool x pool} average-pooled last maps of {@code images}, flattened. */
  private NDArray pooledMaps(NDArray images, NDManager scope) {
    long n = images.getShape().get(0);
    NDArray[] parts = new NDArray[(int) ((n + batchSize - 1) / batchSize)];
    for (int b = 0; b < parts.length; b++) {
      long from = (long) b * batchSize;
      long to = Math.min(n, from + batchSize);
      // The batch's activations live in their own manager and are freed with it (a chunk of 2,000
      // images would otherwise hold gigabytes of them); only the pooled map moves to the chunk's.
      try (NDManager batch = scope.newSubManager()) {
        NDArray slice = images.get(from + ":" + to);
        slice.attach(batch);
        NDArray input = ChannelNormalization.IMAGENET.transform(slice);
        ParameterStore store = new ParameterStore(batch, false);
        NDList h = child("conv1").forward(store, new NDList(input), false);
        h = child("bn1").forward(store, h, false);
        h = new NDList(Activation.relu(h.singletonOrThrow()));
        for (BasicBlock block : network.blocks()) {
          h = block.forward(store, h, false);
        }
        NDArray map = h.singletonOrThrow();
        Shape s = map.getShape();
        long cell = s.get(2) / pool;
        NDArray flat = cell == 1 ? map.reshape(s.get(0), s.get(1) * pool * pool)
            : map.reshape(s.get(0), s.get(1), pool, cell, pool, cell)
                .mean(new int[] {5}).mean(new int[] {3})
                .reshape(s.get(0), s.get(1) * pool * pool);
        parts[b] = flat.duplicate();
        parts[b].attach(scope);
      }
    }
    return parts.length == 1 ? parts[0] : ai.djl.ndarray.NDArrays.concat(new NDList(parts), 0);
  }

  /** A child block by the name it was added under (DJL prefixes it with its position, e.g. 01conv1). */
  private Block child(String name) {
    for (var entry : network.getChildren()) {
      if (entry.getKey().replaceFirst("^\\d+", "").equals(name)) {
        return entry.getValue();
      }
    }
    throw new IllegalStateException(network + " has no child block '" + name + "' among "
        + network.getChildren().keys());
  }
}
