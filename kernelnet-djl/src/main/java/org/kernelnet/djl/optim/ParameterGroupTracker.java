package org.kernelnet.djl.optim;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.HashSet;
import java.util.Set;

/**
 * A learning-rate schedule with its own factor for one group of parameters, for any DJL optimiser
 * that takes a {@link ParameterTracker} (Adam, SGD, ...):
 *
 * <pre>
 *   lr(p, n) = base(n) * factor   for a parameter p of the group,
 *   lr(p, n) = base(n)            otherwise,
 * </pre>
 *
 * <p>with {@code n} the update count. DJL's optimisers ask by {@link Parameter#getId() parameter id},
 * which a parameter gets when it is created, so the group is fixed from the block's parameters
 * before training. Typical use: let the unit locations of a kernel layer ({@link
 * org.kernelnet.djl.nn.Locations#INPUT_PARAMETER}, {@link
 * org.kernelnet.djl.nn.Locations#OUTPUT_PARAMETER}) learn faster or slower than the weights.
 */
public final class ParameterGroupTracker implements ParameterTracker {
  private final Tracker base;
  private final Set<String> group;
  private final float factor;

  private ParameterGroupTracker(Tracker base, Set<String> group, float factor) {
    this.base = base;
    this.group = Set.copyOf(group);
    this.factor = factor;
  }

  /**
   * The schedule {@code base}, times {@code factor} for every parameter of {@code block} (at any
   * depth) whose own name ({@link Parameter#getName()}) is one of {@code names}.
   *
   * @param factor finite and {@code >= 0}; 0 freezes the group
   * @throws IllegalArgumentException if the factor is negative or not finite, or no parameter of the
   *     block has one of the names
   */
  public static ParameterGroupTracker byName(Tracker base, Block block, Set<String> names,
      float factor) {
    requireNonNull(base, "base is null");
    requireNonNull(block, "block is null");
    requireNonNull(names, "names is null");
    if (!(factor >= 0) || Float.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be finite and >= 0, got " + factor);
    }
    Set<String> ids = new HashSet<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      if (names.contains(entry.getValue().getName())) {
        ids.add(entry.getValue().getId());
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no parameter named " + names + " in the block");
    }
    return new ParameterGroupTracker(base, ids, factor);
  }

  @Override
  public float getNewValue(String parameterId, int numUpdate) {
    float value = base.getNewValue(numUpdate);
    return group.contains(parameterId) ? value * factor : value;
  }
}
