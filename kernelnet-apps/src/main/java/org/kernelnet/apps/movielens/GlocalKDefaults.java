package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * GLocal-K's settings for one data set, as its authors' code sets them per data set (Han et al.
 * 2021; the notebook's {@code lambda_2, lambda_s, iter_p, iter_f, epoch_p, epoch_f, dot_scale}):
 * the defaults of {@code --model glocal-k}, each replaced by its option when given.
 *
 * <table>
 *   <caption>The published settings</caption>
 *   <tr><th>data set</th><th>lambda_2</th><th>lambda_s</th><th>iterations per epoch
 *       (pre-training / fine-tuning)</th><th>epochs</th><th>dot scale</th></tr>
 *   <tr><td>ML-100K</td><td>20</td><td>0.006</td><td>5 / 5</td><td>30 / 60</td><td>1</td></tr>
 *   <tr><td>ML-1M</td><td>70</td><td>0.018</td><td>50 / 10</td><td>20 / 30</td><td>0.5</td></tr>
 *   <tr><td>Douban</td><td>10</td><td>0.022</td><td>5 / 5</td><td>20 / 60</td><td>2</td></tr>
 * </table>
 *
 * A data set without published settings (ML-10M, ML-20M, Flixster, YahooMusic, a {@code --ratings}
 * file) gets ML-1M's, those of the largest data set the authors tuned for. Data sets are looked up
 * by their label, so a new data source adds its row to {@link #PUBLISHED} under the label it
 * reports.
 *
 * @param lambda2 the l2 weight {@code lambda_2} (the loss holds {@code lambda_2 / 2 sum W^2})
 * @param lambdaS the kernel weight {@code lambda_s} (the loss holds {@code lambda_s / 2 sum K^2})
 * @param pretrainingIterations L-BFGS iterations per pre-training epoch
 * @param fineTuningIterations L-BFGS iterations per fine-tuning epoch
 * @param pretrainingEpochs pre-training epochs
 * @param fineTuningEpochs fine-tuning epochs
 * @param dotScale the factor of the global kernel's dot product
 */
public record GlocalKDefaults(
    double lambda2,
    double lambdaS,
    int pretrainingIterations,
    int fineTuningIterations,
    int pretrainingEpochs,
    int fineTuningEpochs,
    double dotScale) {

  /** The settings for ML-1M, also those of data sets without published ones. */
  public static final GlocalKDefaults ML_1M = new GlocalKDefaults(70, 0.018, 50, 10, 20, 30, 0.5);

  /** The authors' settings by data set label. */
  public static final Map<String, GlocalKDefaults> PUBLISHED = Map.of(
      "ML-100K", new GlocalKDefaults(20, 0.006, 5, 5, 30, 60, 1),
      "ML-1M", ML_1M,
      "Douban", new GlocalKDefaults(10, 0.022, 5, 5, 20, 60, 2));

  /** The fraction of the training ratings held out to choose the fine-tuning epoch. */
  public static final double VALIDATION_FRACTION = 0.1;
  /** The most pre-training and fine-tuning epochs with {@code --quick}. */
  public static final int QUICK_EPOCHS = 3;

  /** The authors' settings for the data set labelled {@code label} (e.g. {@code ML-100K}). */
  public static Optional<GlocalKDefaults> published(String label) {
    return Optional.ofNullable(PUBLISHED.get(requireNonNull(label, "label is null")));
  }

  /** The published settings for {@code label}, or ML-1M's. */
  public static GlocalKDefaults forDataset(String label) {
    return published(label).orElse(ML_1M);
  }
}
