package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.kernelnet.api.Kernel;
import org.kernelnet.apps.cifar.data.Cifar10;
import org.kernelnet.djl.nn.AdaptiveThreshold;
import org.kernelnet.djl.nn.KernelLayer;
import org.kernelnet.djl.nn.Locations;

/**
 * The head trained on frozen trunk features (section 3.4 of Mueller et al. 2018):
 *
 * <pre>
 *   f' = dropout(f)                     training only   (when a rate is given)
 *   a = relu(f' W1 + b1)                FC-hidden       f [B, D] -> a [B, hidden]
 *   k = f9(a W_K + b_K)                 2-D kernelNet   W_K[i, j] = alpha_i K(u_i, v_j), [B, grid^2]
 *   z = k W2 + b2                       Linear 10       logits [B, 10]
 * </pre>
 *
 * <p>{@code u [hidden, 2]} are trained (initially {@code N(0, (extent/4)^2)}), {@code v [grid^2, 2]}
 * are frozen on the {@code grid x grid} lattice of {@link Locations#grid(int, int, double)}, {@code f9}
 * is Eq. 9 ({@link AdaptiveThreshold}) or a ReLU. {@link #embedding()} maps features to the
 * non-negative activations {@code k} whose centre of mass (Eq. 10) places an image on the map;
 * {@link #block()} is the whole head, {@code embedding} followed by {@link #classifier()}.
 */
final class KernelHead {
  private final SequentialBlock embedding;
  private final Linear classifier;
  private final KernelLayer kernelLayer;
  private final SequentialBlock block;

  /**
   * @param hidden the width of the fully connected layer
   * @param grid the rows and columns of the kernel layer's output grid
   * @param extent the side the grid spans
   * @param kernel the kernel
   * @param eta the Eq. 9 factor, or empty for a ReLU
   * @param dropout the dropout rate on the input features while training, in {@code [0, 1)}; 0 for none
   */
  KernelHead(int hidden, int grid, double extent, Kernel kernel, OptionalDouble eta, double dropout) {
    requireNonNull(kernel, "kernel is null");
    requireNonNull(eta, "eta is null");
    kernelLayer = KernelLayer.builder()
        .setUnits((long) grid * grid)
        .setDimension(2)
        .setKernel(kernel)
        .optInputLocations(Locations.normal(extent / 4))
        .optOutputLocations(Locations.grid(grid, grid, extent).frozen())
        .build();
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    embedding = new SequentialBlock();
    if (dropout > 0) {
      embedding.add(Dropout.builder().optRate((float) dropout).build());
    }
    embedding
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation::relu)
        .add(kernelLayer)
        .add(eta.isPresent() ? AdaptiveThreshold.of(eta.getAsDouble()) : Activation.reluBlock());
    classifier = Linear.builder().setUnits(Cifar10.CLASSES).build();
    block = new SequentialBlock().add(embedding).add(classifier);
  }

  /** The whole head: features {@code [B, D]} to logits {@code [B, 10]}. */
  Block block() {
    return block;
  }

  /** Features {@code [B, D]} to the non-negative kernel-layer activations {@code [B, grid^2]}. */
  Block embedding() {
    return embedding;
  }

  /** Kernel-layer activations {@code [B, grid^2]} to logits {@code [B, 10]}. */
  Block classifier() {
    return classifier;
  }

  /** The kernel layer (its frozen output locations are the map's grid). */
  KernelLayer kernelLayer() {
    return kernelLayer;
  }

  /** The output locations {@code v [grid^2, 2]} (initialized head only). */
  NDArray gridLocations() {
    return kernelLayer.getParameters().get("v").getArray();
  }

  /**
   * Runs the trained head in inference mode over the given rows of {@code features}, standardised,
   * a thousand rows at a time in scopes of {@code manager}.
   */
  Predictions predict(NDManager manager, FeatureCache.Features features, int[] rows,
      Standardizer standardizer) {
    int d = features.width();
    int n = rows.length;
    int step = 1_000;
    List<float[]> acts = new ArrayList<>();
    int[] predictions = new int[n];
    int units = -1;
    for (int start = 0; start < n; start += step) {
      int end = Math.min(n, start + step);
      try (NDManager scope = manager.newSubManager()) {
        float[] x = new float[(end - start) * d];
        for (int k = start; k < end; k++) {
          standardizer.applyRow(features, rows[k], x, (k - start) * d);
        }
        ParameterStore store = new ParameterStore(scope, false);
        NDArray activations = embedding.forward(store,
            new NDList(scope.create(x, new Shape(end - start, d))), false).singletonOrThrow();
        NDArray logits = classifier.forward(store, new NDList(activations), false)
            .singletonOrThrow();
        units = (int) activations.getShape().get(1);
        acts.add(activations.toFloatArray());
        long[] argMax = logits.argMax(1).toLongArray();
        for (int k = 0; k < argMax.length; k++) {
          predictions[start + k] = (int) argMax[k];
        }
      }
    }
    float[] activations = new float[Math.max(0, n * units)];
    int offset = 0;
    for (float[] a : acts) {
      System.arraycopy(a, 0, activations, offset, a.length);
      offset += a.length;
    }
    return new Predictions(activations, predictions);
  }
}
