package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;

/**
 * The configuration of {@code kernelnet movielens benchmark}.
 *
 * @param run the data set, model (its first), threads and seed, as for {@code kernelnet
 *     movielens}; its first split is used
 * @param evaluations timed loss-and-gradient evaluations at a fixed point, {@code >= 1}
 * @param lbfgsIterations L-BFGS iterations timed as in training (evaluations plus the optimiser's
 *     own work), {@code >= 0}
 * @param compareDense whether to time the dense autograd evaluation too, for the speed-up
 * @param matmulSize n of the {@code n x n} product timed for the machine's rate, {@code 16..8192}
 * @param repeats timed matrix products, {@code >= 1}
 */
public record MovieLensBenchmarkConfig(
    MovieLensConfig run, int evaluations, int lbfgsIterations, boolean compareDense,
    int matmulSize, int repeats) {

  /**
   * Validates every setting and reports all problems together.
   *
   * @throws ConfigurationException listing each bad value with its valid range
   */
  public MovieLensBenchmarkConfig {
    requireNonNull(run, "run is null");
    List<String> problems = new ArrayList<>();
    if (evaluations < 1 || evaluations > 10_000) {
      problems.add("--evaluations must be in 1..10000, got " + evaluations);
    }
    if (lbfgsIterations < 0 || lbfgsIterations > 100_000) {
      problems.add("--lbfgs-iterations must be in 0..100000, got " + lbfgsIterations);
    }
    if (matmulSize < 16 || matmulSize > 8192) {
      problems.add("--matmul-size must be in 16..8192, got " + matmulSize);
    }
    if (repeats < 1 || repeats > 1000) {
      problems.add("--repeats must be in 1..1000, got " + repeats);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /** The timed model. */
  public AutoencoderSpec model() {
    return run.models().get(0);
  }
}
