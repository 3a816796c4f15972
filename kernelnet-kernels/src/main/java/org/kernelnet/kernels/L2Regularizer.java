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
 * Weight decay on a layer's free dense weights W ({@code [in, out]}): {@code R = (lambda / 2) *
 * sum_ij W_ij^2}, the {@code lambda_2} term of the MovieLens loss (section 3.5; the published code
 * uses {@code lambda = 60} on ML-1M). {@code lambda} is required: no value suits every data set.
 */
public final class L2Regularizer extends AbstractRegularizer {
  /** The registered name. */
  public static final String NAME = "l2";

  private final double lambda;

  /** @param lambda the weight, {@code >= 0} */
  public L2Regularizer(double lambda) {
    super(NAME, Config.builder().put("lambda", Checks.nonNegative("lambda", lambda)).build());
    this.lambda = lambda;
  }

  /**
   * {@code (lambda / 2) * sum W^2}, shape {@code []}.
   *
   * @throws IllegalArgumentException if the layer has no dense weights
   */
  @Override
  public NDArray penalty(LayerMatrices layer) {
    NDArray w = Regularizers.require(NAME, "dense weights", layer.dense());
    return Regularizers.scaledSumOfSquares(w, lambda / 2);
  }

  /** Builds {@link L2Regularizer} from the required {@code lambda}. */
  public static final class Factory implements RegularizerFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "weight decay R = (lambda/2) * sum W^2 over the layer's dense weights";
    }

    @Override
    public List<ConfigKey> configKeys() {
      return List.of(ConfigKey.ofDouble("lambda", null, Range.nonNegative(), "the weight of the penalty"));
    }

    @Override
    public L2Regularizer create(Config config) {
      return new L2Regularizer(config.getDouble("lambda"));
    }
  }
}
