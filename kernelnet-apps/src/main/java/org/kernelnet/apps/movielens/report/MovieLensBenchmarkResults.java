package org.kernelnet.apps.movielens.report;

import org.kernelnet.apps.movielens.train.EvaluationFlops;
import org.kernelnet.apps.report.Provenance;

/**
 * The results file of {@code movielens benchmark} ({@code benchmark.json}): the timings of the
 * full-batch evaluation of one item autoencoder on the first split, and the machine's matmul rate
 * measured in the same run.
 *
 * @param provenance versions, configuration, device, seed and data checksum
 * @param dataset the data set label
 * @param model the model label
 * @param items rows of the rating matrix
 * @param users its columns
 * @param trainingRatings the training ratings of the split
 * @param shards the item shards
 * @param threads the shard threads
 * @param flops the FLOPs of one evaluation, dense-equivalent and needed
 * @param sparseSeconds each timed sparse evaluation
 * @param medianSparseSeconds their median
 * @param denseSeconds each timed dense evaluation (empty unless compared)
 * @param medianDenseSeconds their median, NaN unless compared
 * @param predictionSeconds each timed prediction of the split's training and test ratings (what
 *     a training checkpoint computes)
 * @param medianPredictionSeconds their median
 * @param lbfgsIterations L-BFGS iterations timed
 * @param lbfgsEvaluations the evaluations they made
 * @param lbfgsSecondsPerEvaluation their wall time per evaluation, optimiser included
 * @param lbfgsIterationSeconds the wall time of each iteration, everything included
 * @param medianLbfgsIterationSeconds their median, NaN if none was timed
 * @param matmulSize n of the timed {@code n x n} float32 matmul
 * @param matmulGflops each timed matmul
 * @param medianMatmulGflops their median
 * @param peakResidentBytes the process's peak resident memory, -1 if unknown
 * @param processors the processors available to the process
 * @param loadAverage the system load average (1 minute) at the start and the end
 */
public record MovieLensBenchmarkResults(
    Provenance provenance, String dataset, String model, int items, int users,
    int trainingRatings, int shards, int threads, EvaluationFlops flops,
    double[] sparseSeconds, double medianSparseSeconds, double[] denseSeconds,
    double medianDenseSeconds, double[] predictionSeconds, double medianPredictionSeconds,
    int lbfgsIterations, long lbfgsEvaluations,
    double lbfgsSecondsPerEvaluation, double[] lbfgsIterationSeconds,
    double medianLbfgsIterationSeconds, int matmulSize, double[] matmulGflops,
    double medianMatmulGflops, long peakResidentBytes, int processors, double[] loadAverage) {}
