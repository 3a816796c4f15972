package com.example.kernelnet.cauchy;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.kernelnet.api.AbstractRegularizer;
import org.kernelnet.api.Config;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.api.RegularizerFactory;
import org.kernelnet.api.Scalars;

/**
 * The log penalty {@code R = lambda * sum_ij log(1 + |K_ij| / epsilon)} on a layer's kernel matrix
 * (Candes, Wakin and Boyd's reweighted-l1 surrogate): concave in {@code |K|}, it pushes small kernel
 * values to exactly 0 harder than an l1 penalty of the same slope at 0. A third-party regulariser
 * written against kernelnet-api alone.
 */
public final class KernelLogRegularizer extends AbstractRegularizer {
  /** The registered name. */
  public static final String NAME = "kernel-log";

  private final double lambda;
  private final double epsilon;

  /**
   * @param lambda the weight, {@code >= 0}
   * @param epsilon the scale below which a kernel value counts as small, {@code > 0}
   */
  public KernelLogRegularizer(double lambda, double epsilon) {
    super(NAME, Config.builder().put("lambda", lambda).put("epsilon", epsilon).build());
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be in [0, inf), got " + lambda);
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon must be in (0, inf), got " + epsilon);
    }
    this.lambda = lambda;
    this.epsilon = epsilon;
  }

  /**
   * {@code lambda * sum log(1 + |K| / epsilon)}, shape {@code []}.
   *
   * @throws IllegalArgumentException if the layer has no kernel matrix
   */
  @Override
  public NDArray penalty(LayerMatrices layer) {
    NDArray k = layer.kernel().orElseThrow(() -> new IllegalArgumentException(
        NAME + " penalises a kernel matrix, and this layer has none"));
    NDArray terms = k.abs().div(Scalars.like(k, epsilon)).add(Scalars.like(k, 1)).log();
    return terms.sum().mul(Scalars.like(k, lambda));
  }

  /** Builds {@link KernelLogRegularizer} from the required {@code lambda} and {@code epsilon}. */
  public static final class Factory implements RegularizerFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "log penalty R = lambda * sum_ij log(1 + |K_ij| / epsilon) over the kernel matrix";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(
          ConfigKey.ofDouble("lambda", null, ConfigKey.Range.nonNegative(), "the weight"),
          ConfigKey.ofDouble("epsilon", 0.1, ConfigKey.Range.positive(),
              "the scale below which a kernel value counts as small"));
    }

    @Override
    public KernelLogRegularizer create(Config config) {
      return new KernelLogRegularizer(config.getDouble("lambda"), config.getDouble("epsilon"));
    }
  }
}
