package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingsInput;

/**
 * The training defaults that depend on the data set: the l2 weight {@code lambda_2} and the number
 * of L-BFGS iterations per split.
 *
 * <p>ML-1M, ML-10M, ML-20M and files of one's own use the authors' published ML-1M setting,
 * {@code lambda_2 = 60} and 1000 L-BFGS iterations (20 rounds of 50). ML-100K has a tenth of
 * ML-1M's ratings for a network of about the same size; there Sparse FC (2) did best with {@code
 * lambda_2 = 30} stopped after 150 iterations, chosen on ratings held out of the training part of
 * three splits ({@code --validation 0.1}; the test ratings unused; the README lists the runs). The
 * same values apply to every model of an ML-100K run unless {@code --lambda2} or {@code
 * --iterations} is given.
 */
public final class DatasetDefaults {
  /** The published code's {@code lambda_2}. */
  public static final double PUBLISHED_LAMBDA2 = 60;
  /** The published code's L-BFGS iterations: 20 rounds of 50. */
  public static final int PUBLISHED_LBFGS_ITERATIONS = 1000;
  /** {@code lambda_2} on ML-100K, chosen on validation ratings. */
  public static final double ML_100K_LAMBDA2 = 30;
  /** L-BFGS iterations on ML-100K, chosen on validation ratings. */
  public static final int ML_100K_LBFGS_ITERATIONS = 150;

  private DatasetDefaults() {}

  /** The default {@code lambda_2} for {@code data}. */
  static double lambda2(RatingsInput data) {
    requireNonNull(data, "data is null");
    return data.is(MovieLensDataset.ML_100K) ? ML_100K_LAMBDA2 : PUBLISHED_LAMBDA2;
  }

  /** The default number of L-BFGS iterations per split for {@code data}. */
  static int lbfgsIterations(RatingsInput data) {
    requireNonNull(data, "data is null");
    return data.is(MovieLensDataset.ML_100K) ? ML_100K_LBFGS_ITERATIONS
        : PUBLISHED_LBFGS_ITERATIONS;
  }
}
