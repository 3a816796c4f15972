package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.kernelnet.apps.movielens.data.RatingsInput;

/**
 * The training defaults that depend on the data set: the l2 weight {@code lambda_2} and the number
 * of L-BFGS iterations per split.
 *
 * <p>ML-1M, ML-10M, ML-20M, Flixster, YahooMusic and files of one's own use the authors' published
 * ML-1M setting, {@code lambda_2 = 60} and 1000 L-BFGS iterations (20 rounds of 50). The smaller
 * data sets have a tenth of ML-1M's ratings or fewer for a network of about the same size; there
 * Sparse FC (2) did best, on ratings held out of the training part ({@code --validation 0.1}; the
 * test ratings unused; the runs are listed in the docs), with
 *
 * <ul>
 *   <li>ML-100K: {@code lambda_2 = 30}, stopped after 150 iterations (three random splits);
 *   <li>Douban: {@code lambda_2 = 10}, stopped after 100 iterations (its published split; {@code
 *       lambda_2} of 10, 30, 60, 200 and 600 tried).
 * </ul>
 *
 * The same values apply to every model of such a run unless {@code --lambda2} or {@code
 * --iterations} is given. Data sets are looked up by their label.
 *
 * @param lambda2 the l2 weight
 * @param lbfgsIterations L-BFGS iterations per split
 */
public record DatasetDefaults(double lambda2, int lbfgsIterations) {
  /** The published code's {@code lambda_2}. */
  public static final double PUBLISHED_LAMBDA2 = 60;
  /** The published code's L-BFGS iterations: 20 rounds of 50. */
  public static final int PUBLISHED_LBFGS_ITERATIONS = 1000;
  /** The published code's setting. */
  public static final DatasetDefaults PUBLISHED =
      new DatasetDefaults(PUBLISHED_LAMBDA2, PUBLISHED_LBFGS_ITERATIONS);
  /** {@code lambda_2} on ML-100K, chosen on validation ratings. */
  public static final double ML_100K_LAMBDA2 = 30;
  /** L-BFGS iterations on ML-100K, chosen on validation ratings. */
  public static final int ML_100K_LBFGS_ITERATIONS = 150;
  /** {@code lambda_2} on Douban, chosen on validation ratings. */
  public static final double DOUBAN_LAMBDA2 = 10;
  /** L-BFGS iterations on Douban, chosen on validation ratings. */
  public static final int DOUBAN_LBFGS_ITERATIONS = 100;

  private static final Map<String, DatasetDefaults> CHOSEN =
      Map.of("ML-100K", new DatasetDefaults(ML_100K_LAMBDA2, ML_100K_LBFGS_ITERATIONS),
          "Douban", new DatasetDefaults(DOUBAN_LAMBDA2, DOUBAN_LBFGS_ITERATIONS));

  /** The defaults for {@code data}: chosen on validation ratings, else the published ones. */
  static DatasetDefaults of(RatingsInput data) {
    requireNonNull(data, "data is null");
    return data instanceof RatingsInput.OwnFile ? PUBLISHED
        : CHOSEN.getOrDefault(data.label(), PUBLISHED);
  }
}
