package org.kernelnet.apps.movielens;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsSource;
import org.kernelnet.apps.movielens.model.AutoencoderFactory;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.report.MovieLensBenchmarkResults;
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
import org.kernelnet.apps.report.Reporter;
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
 * Hands the {@link MovieLensBenchmarkResults} to the family's reporters of them (which print them
 * and write {@code benchmark.json}).
 *
 * <p>It times the loss, the prediction and {@link Lbfgs} directly, not through the family's
 * {@code AutoencoderTrainer}: what it measures is the cost of those parts, which a replaced
 * trainer would not change.
 */
public final class MovieLensBenchmarkApp implements Application {
  private final MovieLensBenchmarkConfig config;
  private final KernelnetRegistry registry;
  private final RatingsSource ratingsSource;
  private final AutoencoderFactory autoencoders;
  private final Set<Reporter<MovieLensBenchmarkResults>> reporters;
  private final ProgressLog log;
  private final Device device;

  @Inject
  MovieLensBenchmarkApp(MovieLensBenchmarkConfig config, KernelnetRegistry registry,
      RatingsSource ratingsSource, AutoencoderFactory autoencoders,
      Set<Reporter<MovieLensBenchmarkResults>> reporters, ProgressLog log, Device device) {
    this.config = config;
    this.registry = registry;
    this.ratingsSource = ratingsSource;
    this.autoencoders = autoencoders;
    this.reporters = reporters;
    this.log = log;
    this.device = device;
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
        List.of(new DataFile("ratings", file.toAbsolutePath().toString(), all.sourceSha256())))
        .withComponents(registry, spec.kernel() == null ? List.of() : List.of(spec.kernel()),
            spec.effectiveRegularizers());

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
      prediction =
          timePrediction(loss, train, split.test(), Math.min(config.evaluations(), 3), log);
      lbfgs = timeLbfgs(objective, x, log);
    }
    double[] matmul = MatmulRate.measure(device, config.matmulSize(), config.repeats(), log);
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    MovieLensBenchmarkResults results = new MovieLensBenchmarkResults(provenance,
        run.dataset().label(), spec.label(), items, train.numUsers(), train.size(), shardCount,
        run.threads(), flops, sparse, MatmulRate.median(sparse), dense,
        dense.length == 0 ? Double.NaN : MatmulRate.median(dense), prediction,
        MatmulRate.median(prediction), lbfgs.iterations(), lbfgs.evaluations(),
        lbfgs.secondsPerEvaluation(), lbfgs.iterationSeconds(),
        lbfgs.iterationSeconds().length == 0 ? Double.NaN
            : MatmulRate.median(lbfgs.iterationSeconds()),
        config.matmulSize(), matmul, MatmulRate.median(matmul), ProcessMemory.peakResidentBytes(),
        Runtime.getRuntime().availableProcessors(), new double[] {loadBefore, loadAfter});
    Reporter.reportAll(reporters, results);
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

  /** The seconds of {@code count} predictions of {@code train} and {@code test} at one point. */
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
}
