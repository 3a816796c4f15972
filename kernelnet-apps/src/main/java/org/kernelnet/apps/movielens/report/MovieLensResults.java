package org.kernelnet.apps.movielens.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kernelnet.apps.movielens.evaluation.HeldOutMetrics;
import org.kernelnet.apps.movielens.evaluation.HeldOutSummary;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.train.AutoencoderTrainer.Checkpoint;
import org.kernelnet.apps.movielens.train.GlocalKHistory;
import org.kernelnet.apps.report.Provenance;

/**
 * The results of the {@code movielens} application, written as {@code results.json}: one row per
 * autoencoder (Table 3: test RMSE per split, mean and standard error; Table 4: parameters and
 * MACs).
 *
 * @param provenance versions, configuration, seeds and the ratings file with its checksum
 * @param dataset e.g. {@code ML-100K}
 * @param optimizer e.g. {@code lbfgs}
 * @param items the item rows used
 * @param users the users (network width)
 * @param ratings the ratings used (all splits together)
 * @param splitting how the ratings were split, e.g. {@code 5 random 80/20 splits}, {@code the
 *     official fold u1}
 * @param testFraction the fraction of the ratings held out for testing in each random split
 * @param validation if {@code > 0}, the fraction of each split's training ratings held out and
 *     scored instead of the test ratings (which were then not used); 0 if the test ratings were
 *     scored
 * @param ratedInputs the rated items per user assumed by the MACs count of Table 4
 * @param globalMeanBaselineRmse the mean test RMSE over the splits of predicting every rating by
 *     the training mean
 * @param rows one per autoencoder
 * @param wallSeconds the whole run's wall-clock time, data loading included
 * @param peakResidentGib the process's peak resident memory (Java heap and native memory) in GiB,
 *     NaN where the platform does not report it
 */
public record MovieLensResults(
    Provenance provenance,
    String dataset,
    String optimizer,
    int items,
    int users,
    int ratings,
    String splitting,
    double testFraction,
    double validation,
    int ratedInputs,
    double globalMeanBaselineRmse,
    List<Row> rows,
    double wallSeconds,
    double peakResidentGib) {

  public MovieLensResults {
    rows = List.copyOf(rows);
  }

  /**
   * One autoencoder over all splits.
   *
   * @param model the table name, e.g. {@code Sparse FC (2)}
   * @param spec its architecture and regularisation
   * @param splits one result per split
   * @param meanTestRmse the mean test RMSE over the splits
   * @param standardError the sample standard deviation of the test RMSEs over {@code sqrt(splits)}
   *     (NaN for one split)
   * @param meanTrainRmse the mean train RMSE
   * @param freeParameters the trained values of the network
   * @param denseEquivalentParameters the parameters of the same network with dense layers
   * @param meanMacs the mean over the splits of the MACs of one prediction (Table 4)
   * @param savedModel the file of the first split's model
   * @param heldOut RMSE, MAE and ranking metrics over the splits (mean and standard error); null
   *     if a split resumed from a run of an earlier version lacks them
   */
  public record Row(
      String model,
      AutoencoderSpec spec,
      List<Split> splits,
      double meanTestRmse,
      double standardError,
      double meanTrainRmse,
      long freeParameters,
      long denseEquivalentParameters,
      double meanMacs,
      String savedModel,
      HeldOutSummary heldOut) {
    public Row {
      splits = List.copyOf(splits);
    }
  }

  /**
   * One trained model.
   *
   * @param split the split number, from 1
   * @param seed the split and initialisation seed
   * @param splitProvenance the split's source, checksum, seed, sizes and fingerprint
   * @param testRmse the final test RMSE of clipped predictions
   * @param trainRmse the final train RMSE of clipped predictions
   * @param baselineRmse the test RMSE of the training mean
   * @param iterations iterations (epochs for Adam) done
   * @param evaluations loss+gradient evaluations, steps or batches
   * @param trainingSeconds training time, evaluations of RMSE excluded
   * @param secondsPerEvaluation {@code trainingSeconds / evaluations}
   * @param stopReason why training ended
   * @param macs MACs of one prediction (Table 4)
   * @param history every checkpoint (empty for GLocal-K, whose epochs are in {@code glocalK})
   * @param heldOut RMSE, MAE and ranking metrics of the final predictions of the held-out ratings
   *     (null in a split journal of an earlier version)
   * @param glocalK for GLocal-K, its epochs, the validation RMSE curve and the chosen fine-tuning
   *     epoch, whose parameters gave {@code testRmse}, {@code trainRmse} and {@code heldOut}; null
   *     for the others
   */
  public record Split(
      int split,
      long seed,
      Map<String, String> splitProvenance,
      double testRmse,
      double trainRmse,
      double baselineRmse,
      int iterations,
      long evaluations,
      double trainingSeconds,
      double secondsPerEvaluation,
      String stopReason,
      long macs,
      List<Checkpoint> history,
      HeldOutMetrics heldOut,
      GlocalKHistory glocalK) {
    public Split {
      splitProvenance = Collections.unmodifiableMap(new LinkedHashMap<>(splitProvenance));
      history = List.copyOf(history);
    }
  }
}
