package org.kernelnet.apps.cifar.resnet;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.kernelnet.apps.cifar.data.ChannelNormalization;

/**
 * A frozen {@link CifarResNet} (whole or cut with {@link CifarResNet#truncate(int)}) run as a feature
 * extractor: inference only ({@code training = false}, batch norms use running statistics, parameters
 * frozen so no autograd graph is recorded), in batches, each batch in its own memory scope.
 *
 * <p>{@code features(images)}: {@code [N, 3, 32, 32]} raw pixels -> {@link
 * ChannelNormalization#IMAGENET} -> network -> {@code [N, D]} with {@code D =} {@link
 * CifarResNet#outputSize()} (pooled features of a cut trunk, or 10 logits).
 */
public final class ResNetFeatureExtractor {
  /** The default number of images per forward pass. */
  public static final int DEFAULT_BATCH_SIZE = 200;

  private final CifarResNet network;
  private final int batchSize;
  private final Device device;

  /**
   * Wraps an initialized (e.g. loaded) network and freezes its parameters.
   *
   * @param network the trunk or whole network; its parameters must be initialized
   * @param batchSize images per forward pass, at least 1
   */
  public ResNetFeatureExtractor(CifarResNet network, int batchSize) {
    this.network = requireNonNull(network, "network is null");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
    Device paramDevice = null;
    for (Parameter p : network.getParameters().values()) {
      if (!p.isInitialized()) {
        throw new IllegalArgumentException(
            "parameter " + p.getName() + " of " + network + " is not initialized: load the network first");
      }
      paramDevice = p.getArray().getDevice();
    }
    this.device = requireNonNull(paramDevice, "network has no parameters");
    network.freezeParameters(true);
  }

  /** The wrapped network. */
  public CifarResNet network() {
    return network;
  }

  /** The width {@code D} of each output row. */
  public int outputSize() {
    return network.outputSize();
  }

  /**
   * Runs the frozen network over all images, {@link #DEFAULT_BATCH_SIZE} or the configured batch
   * size at a time.
   *
   * @param images {@code [N, 3, 32, 32]}, {@code UINT8} pixels {@code 0..255} or floats in {@code [0,
   *     1]} (RGB, NCHW)
   * @return {@code [N, D]} float32 on the device and manager of {@code images}
   */
  public NDArray features(NDArray images) {
    requireNonNull(images, "images is null");
    if (images.getShape().dimension() != 4 || images.getShape().get(1) != 3) {
      throw new IllegalArgumentException("images must be [N, 3, H, W], got " + images.getShape());
    }
    NDManager resultManager = images.getManager();
    long n = images.getShape().get(0);
    if (n == 0) {
      return resultManager.zeros(new Shape(0, outputSize()), DataType.FLOAT32, images.getDevice());
    }
    NDList parts = new NDList();
    try {
      for (long start = 0; start < n; start += batchSize) {
        long end = Math.min(n, start + batchSize);
        try (NDManager scope = resultManager.newSubManager(device)) {
          NDArray batch = images.get(new NDIndex("{}:{}", start, end));
          if (batch == images) {
            scope.tempAttachAll(batch); // the caller's array goes back to its manager afterwards
          } else {
            batch.attach(scope); // a slice, freed with the batch
          }
          NDArray input = ChannelNormalization.IMAGENET.transform(batch.toDevice(device, false));
          NDArray out =
              network
                  .forward(new ParameterStore(scope, false), new NDList(input), false)
                  .singletonOrThrow()
                  .toDevice(images.getDevice(), false);
          out.attach(resultManager);
          parts.add(out);
        }
      }
      if (parts.size() == 1) {
        return parts.get(0);
      }
      return NDArrays.concat(parts, 0);
    } finally {
      if (parts.size() > 1) {
        parts.close();
      }
    }
  }
}
