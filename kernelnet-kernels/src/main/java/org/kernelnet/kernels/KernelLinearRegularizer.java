package org.kernelnet.kernels;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.kernelnet.api.AbstractRegularizer;
import org.kernelnet.api.Config;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.ConfigKey.Range;
import org.kernelnet.api.LayerMatrices;
import org.kernelnet.api.RegularizerFactory;

/**
 * The linear kernel penalty {@code R = lambda * sum_ij K_ij} on a layer's kernel matrix {@code K = K(U,
 * V)} ({@code [in, out]}), the variant of Eq. 8 used in section 3.5; for a non-negative kernel (e.g.
 * a hat) it is an L1 penalty on K, which favours exact zeros more strongly than the squared overlap.
 * {@code lambda} is required: no value suits every data set.
 */
public final class KernelLinearRegularizer extends AbstractRegularizer {
  /** The registered name. */
  public static final String NAME = "kernel-linear";

  private final double lambda;

  /** @param lambda the weight, {@code >= 0} */
  public KernelLinearRegularizer(double lambda) {
    super(NAME, Config.builder().put("lambda", Checks.nonNegative("lambda", lambda)).build());
    this.lambda = lambda;
  }

  /**
   * {@code lambda * sum K}, shape {@code []}.
   *
   * @throws IllegalArgumentException if the layer has no kernel matrix
   */
  @Override
  public NDArray penalty(LayerMatrices layer) {
    NDArray k = Regularizers.require(NAME, "kernel matrix", layer.kernel());
    return Regularizers.scaledSum(k, lambda);
  }

  /** Builds {@link KernelLinearRegularizer} from the required {@code lambda}. */
  public static final class Factory implements RegularizerFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "linear kernel penalty R = lambda * sum_ij K_ij over the layer's kernel matrix (section 3.5)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(ConfigKey.ofDouble("lambda", null, Range.nonNegative(), "the weight of the penalty"));
    }

    @Override
    public KernelLinearRegularizer create(Config config) {
      return new KernelLinearRegularizer(config.getDouble("lambda"));
    }
  }
}
