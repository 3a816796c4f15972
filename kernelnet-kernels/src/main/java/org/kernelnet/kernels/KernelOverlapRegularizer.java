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
 * The kernel-overlap penalty {@code R = lambda * sum_ij K_ij^2} (Eq. 8) on a layer's kernel matrix
 * {@code K = K(U, V)} ({@code [in, out]}): with a finite-support kernel it pushes the bumps apart and
 * so controls how sparse the layer becomes. {@code lambda} is required: no value suits every data set
 * (the MovieLens code's {@code lambda_0 / 2} term is this penalty with {@code lambda = 0.013 / 2}).
 */
public final class KernelOverlapRegularizer extends AbstractRegularizer {
  /** The registered name. */
  public static final String NAME = "kernel-overlap";

  private final double lambda;

  /** @param lambda the weight, {@code >= 0} */
  public KernelOverlapRegularizer(double lambda) {
    super(NAME, Config.builder().put("lambda", Checks.nonNegative("lambda", lambda)).build());
    this.lambda = lambda;
  }

  /**
   * {@code lambda * sum K^2}, shape {@code []}.
   *
   * @throws IllegalArgumentException if the layer has no kernel matrix
   */
  @Override
  public NDArray penalty(LayerMatrices layer) {
    NDArray k = Regularizers.require(NAME, "kernel matrix", layer.kernel());
    return Regularizers.scaledSumOfSquares(k, lambda);
  }

  /** Builds {@link KernelOverlapRegularizer} from the required {@code lambda}. */
  public static final class Factory implements RegularizerFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "kernel overlap R = lambda * sum_ij K_ij^2 over the layer's kernel matrix (Eq. 8)";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(ConfigKey.ofDouble("lambda", null, Range.nonNegative(), "the weight of the penalty"));
    }

    @Override
    public KernelOverlapRegularizer create(Config config) {
      return new KernelOverlapRegularizer(config.getDouble("lambda"));
    }
  }
}
