package org.kernelnet.apps.movielens;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsSource;
import org.kernelnet.apps.movielens.model.AutoencoderFactory;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.train.EvaluationFlops;
import org.kernelnet.apps.movielens.train.OptimizerTrainer;
import org.kernelnet.apps.movielens.train.RatingMatrix;
import org.kernelnet.apps.movielens.train.RatingShards;
import org.kernelnet.apps.movielens.train.SparseAutoencoderLoss;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.MatmulRate;
import org.kernelnet.apps.report.ProcessMemory;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.djl.optim.Lbfgs;
import org.kernelnet.djl.optim.LbfgsResult;
import org.kernelnet.djl.optim.ParameterObjective;

/**
 * Times the full-batch loss-and-gradient evaluation of an item autoencoder on the first split of
 * a MovieLens data set (default ML-1M, Sparse FC (2)): the median seconds of {@code evaluations}
 * evaluations of {@link SparseAutoencoderLoss} at a fixed point, optionally the same for the dense
 * autograd loss (the speed-up), then {@code lbfgsIterations} L-BFGS iterations timed as in
 * training (seconds per evaluation including the optimiser's own work), and the machine's matmul
 * rate measured in the same run. GFLOP/s are given for the work needed ({@link
 * EvaluationFlops#sparse}) and for the dense-equivalent work ({@link EvaluationFlops#dense}).
 * Writes {@code benchmark.json}.
 */
public final class MovieLensBenchmarkApp implements Application {
  private final MovieLensBenchmarkConfig config;
  private final RatingsSource ratingsSource;
  private final AutoencoderFactory autoencoders;
  private final Terminal terminal;
  private final ProgressLog log;
  private final Device device;
  private final ResultsWriter writer;

  /**
   * The measurements.
   *
   * @param provenance versions, configuration, seed and data checksum
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
   * @param matmulGflops each timed matmul
   * @param medianMatmulGflops their median
   * @param peakResidentBytes the process's peak resident memory, -1 if unknown
   * @param loadAverage the system load average (1 minute) at the start and the end
   */
  record Results(
      Provenance provenance, String dataset, String model, int items, int users,
      int trainingRatings, int shards, int threads, EvaluationFlops flops,
      double[] sparseSeconds, double medianSparseSeconds, double[] denseSeconds,
      double medianDenseSeconds, double[] predictionSeconds, double medianPredictionSeconds,
      int lbfgsIterations, long lbfgsEvaluations,
      double lbfgsSecondsPerEvaluation, double[] lbfgsIterationSeconds,
      double medianLbfgsIterationSeconds, double[] matmulGflops, double medianMatmulGflops,
      long peakResidentBytes, double[] loadAverage) {}

  @Inject
  MovieLensBenchmarkApp(MovieLensBenchmarkConfig config, RatingsSource ratingsSource,
      AutoencoderFactory autoencoders, Terminal terminal, ProgressLog log, Device device,
      ResultsWriter writer) {
    this.config = config;
    this.ratingsSource = ratingsSource;
    this.autoencoders = autoencoders;
    this.terminal = terminal;
    this.log = log;
    this.device = device;
    this.writer = writer;
  }

  @Override
  public void run() throws Exception {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    MovieLensConfig run = config.run();
    RunData data = RunData.of(ratingsSource.ratings(run.dataset()), run.maxItems());
    Path file = data.file();
    Ratings all = data.all();
    int items = data.items();
    RatingSplit split = RatingSplit.random(data.ratings(), run.testFraction(), run.seed());
    Ratings train = split.train();
    AutoencoderSpec spec = config.model();
    EvaluationFlops flops =
        EvaluationFlops.of(items, train.numUsers(), train.size(), spec.hidden(), spec.layers());
    log.always("%s: %d training ratings, %d items x %d users; %s: %.1f GFLOP dense-equivalent,"
            + " %.1f GFLOP needed per evaluation", run.dataset().label(), train.size(), items,
        train.numUsers(), spec.label(), flops.dense() / 1e9, flops.sparse() / 1e9);
    Provenance provenance = Provenance.collect("movielens benchmark", config, device.toString(),
        Map.of("split1", run.seed()),
        List.of(new DataFile("ratings", file.toAbsolutePath().toString(), all.sourceSha256())));

    Engine.getInstance().setRandomSeed((int) run.seed());
    double[] sparse;
    double[] dense = new double[0];
    double[] prediction;
    LbfgsTiming lbfgs;
    int shardCount;
    try (ItemAutoencoder net = autoencoders.create(spec, train.numUsers(), device);
        RatingShards shards = RatingShards.of(train, items, net.model().getNDManager(),
            run.threads(), RatingShards.DEFAULT_MAX_SHARD_RATINGS)) {
      SparseAutoencoderLoss loss = new SparseAutoencoderLoss(net, shards, run.threads());
      shardCount = shards.size();
      ParameterObjective objective = ParameterObjective.of(net.block(), loss::compute);
      double[] x = new double[objective.dimension()];
      objective.readParameters(x);
      sparse = time("sparse", objective, x, config.evaluations(), log);
      if (config.compareDense()) {
        dense = timeDense(net, train, items, x, log);
      }
      prediction = timePrediction(loss, train, split.test(), Math.min(config.evaluations(), 3), log);
      lbfgs = timeLbfgs(objective, x, log);
    }
    double[] matmul = MatmulRate.measure(device, config.matmulSize(), config.repeats(), log);
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Results results = new Results(provenance, run.dataset().label(), spec.label(), items,
        train.numUsers(), train.size(), shardCount, run.threads(), flops, sparse,
        MatmulRate.median(sparse), dense, dense.length == 0 ? Double.NaN : MatmulRate.median(dense),
        prediction, MatmulRate.median(prediction),
        lbfgs.iterations(), lbfgs.evaluations(), lbfgs.secondsPerEvaluation(),
        lbfgs.iterationSeconds(), lbfgs.iterationSeconds().length == 0 ? Double.NaN
            : MatmulRate.median(lbfgs.iterationSeconds()), matmul, MatmulRate.median(matmul), ProcessMemory.peakResidentBytes(),
        new double[] {loadBefore, loadAfter});
    Path json = writer.writeJson("benchmark.json", results);
    print(results);
    terminal.out().println("Wrote " + json);
    terminal.out().flush();
  }

  /** The seconds of {@code count} evaluations at {@code x}, after one untimed evaluation. */
  private static double[] time(
      String name, ParameterObjective objective, double[] x, int count, ProgressLog log) {
    double[] gradient = new double[x.length];
    double value = objective.evaluate(x, gradient);
    double[] seconds = new double[count];
    for (int r = 0; r < count; r++) {
      long start = System.nanoTime();
      objective.evaluate(x, gradient);
      seconds[r] = (System.nanoTime() - start) / 1e9;
      log.always("%s evaluation %d/%d: %.3f s (loss %.6g)", name, r + 1, count, seconds[r], value);
    }
    return seconds;
  }

  /** The seconds of {@code count} predictions of {@code train} and {@code test} at the same point. */
  private static double[] timePrediction(
      SparseAutoencoderLoss loss, Ratings train, Ratings test, int count, ProgressLog log) {
    double[] seconds = new double[count];
    for (int r = 0; r < count; r++) {
      long start = System.nanoTime();
      loss.predict(train, test);
      seconds[r] = (System.nanoTime() - start) / 1e9;
      log.always("prediction %d/%d (%d training and %d test ratings): %.3f s", r + 1, count,
          train.size(), test.size(), seconds[r]);
    }
    return seconds;
  }

  /** The dense autograd loss of {@link ItemAutoencoder#loss} timed at the same point. */
  private double[] timeDense(
      ItemAutoencoder net, Ratings train, int items, double[] x, ProgressLog log) {
    RatingMatrix matrix = RatingMatrix.of(train, items);
    try (NDManager data = net.model().getNDManager().newSubManager()) {
      NDArray values = matrix.values(data);
      NDArray mask = matrix.mask(data);
      ParameterObjective objective = ParameterObjective.of(net.block(), scope -> {
        scope.tempAttachAll(values, mask);
        return net.loss(net.forward(scope), scope, values, mask, 1);
      });
      return time("dense", objective, x, Math.min(config.evaluations(), 5), log);
    }
  }

  private record LbfgsTiming(
      int iterations, long evaluations, double secondsPerEvaluation, double[] iterationSeconds) {}

  private LbfgsTiming timeLbfgs(ParameterObjective objective, double[] x, ProgressLog log) {
    if (config.lbfgsIterations() == 0) {
      return new LbfgsTiming(0, 0, Double.NaN, new double[0]);
    }
    double[] iterationSeconds = new double[config.lbfgsIterations()];
    long[] last = {System.nanoTime()};
    Lbfgs lbfgs = Lbfgs.builder().optHistorySize(config.run().history())
        .optMaxIterations(config.lbfgsIterations())
        .optListener(p -> {
          long now = System.nanoTime();
          iterationSeconds[p.iteration() - 1] = (now - last[0]) / 1e9;
          last[0] = now;
          log.always("L-BFGS iteration %d: %.3f s, loss %.6g, %d evaluations", p.iteration(),
              iterationSeconds[p.iteration() - 1], p.value(), p.evaluations());
        })
        .build();
    OptimizerTrainer.requireHeapFor(lbfgs, x.length, config.run().history());
    long start = System.nanoTime();
    last[0] = start;
    LbfgsResult result = lbfgs.minimize(objective, x.clone());
    double seconds = (System.nanoTime() - start) / 1e9;
    return new LbfgsTiming(result.iterations(), result.evaluations(),
        seconds / result.evaluations(), Arrays.copyOf(iterationSeconds, result.iterations()));
  }

  private void print(Results r) {
    PrintWriter out = terminal.out();
    out.printf(Locale.ROOT, "%n%s on %s (%d items x %d users, %d training ratings), %d shards on"
            + " %d threads, device %s%n", r.model(), r.dataset(), r.items(), r.users(),
        r.trainingRatings(), r.shards(), r.threads(), device);
    out.printf(Locale.ROOT, "sparse evaluation: median %.3f s of %d = %.1f GFLOP/s of the work"
            + " needed (%.1f GFLOP), %.1f GFLOP/s dense-equivalent (%.1f GFLOP)%n",
        r.medianSparseSeconds(), r.sparseSeconds().length,
        r.flops().sparse() / r.medianSparseSeconds() / 1e9, r.flops().sparse() / 1e9,
        r.flops().dense() / r.medianSparseSeconds() / 1e9, r.flops().dense() / 1e9);
    if (r.denseSeconds().length > 0) {
      out.printf(Locale.ROOT, "dense autograd evaluation: median %.3f s of %d = %.1f GFLOP/s;"
              + " the sparse evaluation is %.2fx faster%n", r.medianDenseSeconds(),
          r.denseSeconds().length, r.flops().dense() / r.medianDenseSeconds() / 1e9,
          r.medianDenseSeconds() / r.medianSparseSeconds());
    }
    out.printf(Locale.ROOT, "prediction of the training and test ratings (a checkpoint): median"
        + " %.3f s of %d%n", r.medianPredictionSeconds(), r.predictionSeconds().length);
    if (r.lbfgsIterations() > 0) {
      out.printf(Locale.ROOT, "L-BFGS: %d iterations, %d evaluations; median %.3f s per iteration"
              + " and %.3f s per evaluation, everything included; 1000 iterations ~ %.1f min%n",
          r.lbfgsIterations(), r.lbfgsEvaluations(), r.medianLbfgsIterationSeconds(),
          r.lbfgsSecondsPerEvaluation(),
          1000.0 * r.lbfgsEvaluations() / r.lbfgsIterations() * r.lbfgsSecondsPerEvaluation()
              / 60);
    }
    out.printf(Locale.ROOT, "machine: %d x %d float32 matmul median %.1f GFLOP/s of %d; the"
            + " dense-equivalent rate is %.0f %% of it%n", config.matmulSize(),
        config.matmulSize(), r.medianMatmulGflops(), r.matmulGflops().length,
        100 * r.flops().dense() / r.medianSparseSeconds() / 1e9 / r.medianMatmulGflops());
    out.printf(Locale.ROOT, "peak resident memory %.2f GiB; load average %.2f at start, %.2f at"
            + " end (%d processors)%n", ProcessMemory.gib(r.peakResidentBytes()),
        r.loadAverage()[0], r.loadAverage()[1], Runtime.getRuntime().availableProcessors());
  }
}
