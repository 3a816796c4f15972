package org.kernelnet.apps.mnist.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Floating-point operations of the matrix products of a feed-forward network of dense maps, counting
 * a product {@code [m, k] x [k, n]} as {@code 2 m k n} FLOPs (one multiply and one add per
 * multiply-accumulate). For a batch of B examples and a map {@code [in] -> [out]}:
 *
 * <ul>
 *   <li>forward: {@code 2 B in out} ({@code x W});
 *   <li>backward: {@code 2 B in out} for the weight gradient ({@code x^T dy}), plus {@code 2 B in
 *       out} for the input gradient ({@code dy W^T}) unless the map reads the data, which needs no
 *       gradient.
 * </ul>
 *
 * <p>Element-wise work (activations, bias, the kernel evaluation that builds W once per batch,
 * the optimiser update) is not counted: it is small next to the products for the networks here
 * and is not what a matmul rate measures.
 *
 * @param maps the dense maps of the network
 */
public record FlopCount(List<DenseMap> maps) {
  /**
   * One dense map {@code [B, in] -> [B, out]}.
   *
   * @param in the number of inputs, {@code >= 1}
   * @param out the number of outputs, {@code >= 1}
   * @param readsData whether its input is the data (so no input gradient is computed)
   */
  public record DenseMap(long in, long out, boolean readsData) {
    /** Validates the sizes. */
    public DenseMap {
      if (in < 1 || out < 1) {
        throw new IllegalArgumentException("a dense map needs in, out >= 1, got " + in + " -> " + out);
      }
    }
  }

  /** Copies the list. */
  public FlopCount {
    maps = List.copyOf(requireNonNull(maps, "maps is null"));
  }

  /** Multiply-accumulates of one example's forward pass, {@code sum in * out}. */
  public long forwardMacsPerExample() {
    return maps.stream().mapToLong(m -> m.in() * m.out()).sum();
  }

  /** FLOPs of the forward pass of a batch: {@code 2 B sum in * out}. */
  public double forwardFlops(int batchSize) {
    return 2.0 * checkBatch(batchSize) * forwardMacsPerExample();
  }

  /** FLOPs of one training step (forward and backward) on a batch; see the class description. */
  public double trainingFlops(int batchSize) {
    checkBatch(batchSize);
    double total = 0;
    for (DenseMap m : maps) {
      double product = 2.0 * batchSize * m.in() * m.out();
      total += product * (m.readsData() ? 2 : 3);
    }
    return total;
  }

  private static int checkBatch(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    return batchSize;
  }
}
