package org.kernelnet.djl.complexity;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.kernelnet.djl.nn.internal.Scopes;

/**
 * The {@link Complexity} of every layer of a block tree and their sum.
 *
 * <p>Rules, applied depth-first from the root (children are named {@code parent/child} as DJL names
 * them):
 *
 * <ul>
 *   <li>a {@link ReportsComplexity} block reports itself (its children are not visited);
 *   <li>a DJL {@link Linear} with weight {@code [out, in]} counts as dense: free = trainable elements,
 *       dense-equivalent = {@code in * out} + bias, non-zero = non-zero entries of its weight;
 *   <li>any other block contributes its own parameters to the free count (those requiring a
 *       gradient) and to the dense-equivalent count (all of them), no multiply-accumulates, and its
 *       children are visited.
 * </ul>
 *
 * <p>Blocks without parameters and without children are left out of {@link #layers()}.
 *
 * @param layers one entry per counted block, in depth-first order
 * @param total the sum over {@code layers}
 */
public record ComplexityReport(List<LayerComplexity> layers, Complexity total) {
  /**
   * One counted block.
   *
   * @param path the block's child names from the root joined by {@code /}; empty for the root
   * @param type the block's simple class name
   * @param complexity its counts
   */
  public record LayerComplexity(String path, String type, Complexity complexity) {}

  public ComplexityReport {
    layers = List.copyOf(layers);
    requireNonNull(total, "total is null");
  }

  /**
   * Counts an initialised block tree.
   *
   * @throws IllegalStateException if some parameter is not initialised
   */
  public static ComplexityReport of(Block root) {
    requireNonNull(root, "root is null");
    List<LayerComplexity> layers = new ArrayList<>();
    visit(root, "", layers);
    Complexity total =
        layers.stream().map(LayerComplexity::complexity).reduce(Complexity.ZERO, Complexity::plus);
    return new ComplexityReport(layers, total);
  }

  private static void visit(Block block, String path, List<LayerComplexity> layers) {
    String type = block.getClass().getSimpleName();
    if (block instanceof ReportsComplexity reporting) {
      layers.add(new LayerComplexity(path, type, reporting.complexity()));
      return;
    }
    if (block instanceof Linear) {
      layers.add(new LayerComplexity(path, type, linear(block, path)));
      return;
    }
    if (!block.getDirectParameters().isEmpty()) {
      long free = 0;
      long all = 0;
      for (Parameter parameter : block.getDirectParameters().values()) {
        long size = initialised(parameter, path).getShape().size();
        all += size;
        free += parameter.requiresGradient() ? size : 0;
      }
      layers.add(new LayerComplexity(path, type, new Complexity(free, all, 0)));
    }
    for (Pair<String, Block> child : block.getChildren()) {
      visit(child.getValue(), path.isEmpty() ? child.getKey() : path + "/" + child.getKey(), layers);
    }
  }

  private static Complexity linear(Block block, String path) {
    long free = 0;
    long dense = 0;
    long nonZero = 0;
    for (Parameter parameter : block.getDirectParameters().values()) {
      long size = initialised(parameter, path).getShape().size();
      dense += size;
      free += parameter.requiresGradient() ? size : 0;
      if (parameter.getType() == Parameter.Type.WEIGHT) {
        nonZero += Scopes.countNonZero(parameter.getArray());
      }
    }
    return new Complexity(free, dense, nonZero);
  }

  private static ai.djl.ndarray.NDArray initialised(Parameter parameter, String path) {
    if (!parameter.isInitialized()) {
      throw new IllegalStateException(
          "Cannot count block '" + path + "': parameter '" + parameter.getName()
              + "' is not initialised (initialise the model first)");
    }
    return parameter.getArray();
  }
}
