package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.evaluation.RatingErrors;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.train.BatchLoss;
import org.kernelnet.apps.train.EpochLoss;
import org.kernelnet.apps.train.EpochResult;
import org.kernelnet.apps.train.EpochTraining;
import org.kernelnet.apps.train.ShuffledBatches;
import org.kernelnet.apps.train.TrainingProgress;
import org.kernelnet.djl.loss.SquaredError;
import org.kernelnet.djl.optim.Lbfgs;
import org.kernelnet.djl.optim.LbfgsResult;
import org.kernelnet.djl.optim.ParameterObjective;
import org.kernelnet.djl.optim.Rprop;

/**
 * The {@link AutoencoderTrainer} of the MovieLens module: trains with the optimiser its {@link
 * TrainingSettings} name and reports a {@link Checkpoint} (loss, train and test RMSE of clipped
 * predictions) every {@code evalEvery} iterations and at the end.
 *
 * <ul>
 *   <li>{@code lbfgs}: {@link ParameterObjective} over all trainable parameters, one full-batch
 *       {@link SparseAutoencoderLoss} evaluation (sparse input, loss at the observed ratings, item
 *       shards on {@code threads} threads) per function-and-gradient evaluation, minimised by
 *       {@link Lbfgs} (history {@code history}) in rounds of {@code evalEvery} iterations (the
 *       history restarts each round, in one working set); a round that makes no step ends training
 *       early;
 *   <li>{@code rprop}: {@link Rprop} through a DJL {@link Trainer}, one full-batch step of the same
 *       loss per iteration;
 *   <li>{@code adam}: DJL's Adam in the epoch loop ({@link EpochTraining}), mini-batches of {@code
 *       batchSize} items (dense rows of the {@link RatingMatrix}) in a seeded random order ({@link
 *       ShuffledBatches}), the regulariser scaled by the batch's share of the items; an iteration
 *       is an epoch.
 * </ul>
 *
 * Predictions for the RMSE are computed at the rated pairs only, shard by shard.
 */
public final class OptimizerTrainer implements AutoencoderTrainer {
  private final OptimizerKind optimizer;
  private final int iterations;
  private final int evalEvery;
  private final double learningRate;
  private final int batchSize;
  private final long seed;
  private final int threads;
  private final int lbfgsHistory;

  /** A trainer with {@code settings}. */
  public OptimizerTrainer(TrainingSettings settings) {
    requireNonNull(settings, "settings is null");
    this.optimizer = settings.optimizer();
    this.iterations = settings.iterations();
    this.evalEvery = settings.evalEvery();
    this.learningRate = settings.learningRate();
    this.batchSize = settings.batchSize();
    this.seed = settings.seed();
    this.threads = settings.threads();
    this.lbfgsHistory = settings.history();
  }

  @Override
  public Outcome train(
      ItemAutoencoder net, int items, Ratings trainRatings, Ratings testRatings,
      RatingScale scale, Listener listener) {
    requireNonNull(net, "net is null");
    requireNonNull(trainRatings, "trainRatings is null");
    requireNonNull(listener, "listener is null");
    try (RatingShards shards = RatingShards.of(trainRatings, items, net.model().getNDManager(),
        threads, RatingShards.DEFAULT_MAX_SHARD_RATINGS)) {
      SparseAutoencoderLoss loss = new SparseAutoencoderLoss(net, shards, threads);
      Run run = new Run(net, loss, trainRatings, testRatings, scale, listener);
      return switch (optimizer) {
        case LBFGS -> run.lbfgs();
        case RPROP -> run.rprop();
        case ADAM -> run.adam(RatingMatrix.of(trainRatings, items));
      };
    }
  }

  /** The state of one training run. */
  private final class Run {
    private final ItemAutoencoder net;
    private final SparseAutoencoderLoss loss;
    private final Ratings trainRatings;
    private final Ratings testRatings;
    private final RatingScale scale;
    private final Listener listener;
    private final List<Checkpoint> history = new ArrayList<>();
    private float[] testPredictions;
    private long trainingNanos;

    Run(ItemAutoencoder net, SparseAutoencoderLoss loss, Ratings trainRatings, Ratings testRatings,
        RatingScale scale, Listener listener) {
      this.net = net;
      this.loss = loss;
      this.trainRatings = requireNonNull(trainRatings, "trainRatings is null");
      this.testRatings = requireNonNull(testRatings, "testRatings is null");
      this.scale = requireNonNull(scale, "scale is null");
      this.listener = listener;
    }

    Outcome lbfgs() {
      ParameterObjective objective = ParameterObjective.of(net.block(), loss::compute);
      double[] x = new double[objective.dimension()];
      int done = 0;
      long evaluations = 0;
      String reason = "max iterations";
      double value = Double.NaN;
      Lbfgs.Workspace workspace = null;
      while (done < iterations) {
        int round = Math.min(evalEvery, iterations - done);
        Lbfgs lbfgs = Lbfgs.builder().optHistorySize(lbfgsHistory).optMaxIterations(round).build();
        if (workspace == null) {
          requireHeapFor(lbfgs, x.length, lbfgsHistory);
          // one working set for every round: the history restarts, its memory stays
          workspace = lbfgs.newWorkspace(x.length);
        }
        long start = System.nanoTime();
        objective.readParameters(x);
        LbfgsResult result = lbfgs.minimize(objective, x, workspace);
        objective.writeParameters(x);
        trainingNanos += System.nanoTime() - start;
        done += result.iterations();
        evaluations += result.evaluations();
        value = result.value();
        if (result.iterations() == 0) {
          reason = "L-BFGS made no progress (" + result.reason() + ")";
          break;
        }
        checkpoint(done, value);
      }
      if (history.isEmpty() || history.get(history.size() - 1).iteration() != done) {
        checkpoint(done, value);
      }
      return outcome(evaluations, reason);
    }

    Outcome rprop() {
      long evaluations = 0;
      try (Trainer trainer = net.model().newTrainer(config(Rprop.builder().build()))) {
        double value = Double.NaN;
        for (int it = 1; it <= iterations; it++) {
          long start = System.nanoTime();
          try (NDManager scope = net.model().getNDManager().newSubManager()) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
              NDArray l = loss.compute(scope);
              collector.backward(l);
              value = l.getFloat();
            }
            trainer.step();
          }
          trainingNanos += System.nanoTime() - start;
          evaluations++;
          if (it % evalEvery == 0 || it == iterations) {
            checkpoint(it, value);
          }
        }
      }
      return outcome(evaluations, "max iterations");
    }

    Outcome adam(RatingMatrix train) {
      Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate))
          .build();
      int items = train.items();
      TrainingProgress<Optional<Checkpoint>> progress =
          new TrainingProgress<>(iterations, EpochLoss.SUM_OVER_STEPS);
      try (Trainer trainer = net.model().newTrainer(config(adam))) {
        EpochTraining.<Optional<Checkpoint>>builder()
            .setBatches(new ShuffledBatches(items, batchSize, new Random(seed),
                (scope, rows) -> new ShuffledBatches.Contents(
                    new NDList(train.valueRows(scope, rows), train.maskRows(scope, rows)),
                    new NDList())))
            .optLoss((t, data, labels) -> BatchLoss.Output.of(net.loss(t::forward,
                data.head().getManager(), data.get(0), data.get(1),
                (double) data.head().getShape().get(0) / items)))
            .setEvaluation(epoch -> {
              trainingNanos = progress.trainingNanos();
              return epoch % evalEvery == 0 || epoch == iterations
                  ? Optional.of(checkpoint(epoch, progress.loss())) : Optional.empty();
            })
            .build()
            .fit(trainer, progress);
      } catch (IOException | TranslateException e) {
        throw new IllegalStateException("batches assembled from arrays in memory failed", e);
      }
      long evaluations = progress.history().stream().mapToLong(EpochResult::steps).sum();
      return outcome(evaluations, "max epochs");
    }

    private DefaultTrainingConfig config(Optimizer optimizer) {
      return new DefaultTrainingConfig(new SquaredError())
          .optOptimizer(optimizer)
          .optDevices(new Device[] {net.model().getNDManager().getDevice()});
    }

    private Checkpoint checkpoint(int iteration, double value) {
      float[][] predictions = loss.predict(trainRatings, testRatings);
      testPredictions = predictions[1];
      Checkpoint c = new Checkpoint(iteration, value,
          RatingErrors.of(predictions[0], trainRatings, scale).rmse(),
          RatingErrors.of(predictions[1], testRatings, scale).rmse(),
          trainingNanos / 1e9);
      history.add(c);
      listener.onCheckpoint(c);
      return c;
    }

    private Outcome outcome(long evaluations, String reason) {
      return new Outcome(history.get(history.size() - 1), history, evaluations,
          evaluations == 0 ? Double.NaN : trainingNanos / 1e9 / evaluations, reason,
          testPredictions);
    }
  }

  /**
   * Fails before L-BFGS starts when its working memory cannot fit in the Java heap (a JVM that runs
   * out of heap half-way through a split loses the split, with an error that names no cause).
   *
   * @throws ConfigurationException naming the bytes needed, the heap's limit and the remedies
   */
  public static void requireHeapFor(Lbfgs lbfgs, int parameters, int history) {
    long needed = lbfgs.workingMemoryBytes(parameters);
    Runtime runtime = Runtime.getRuntime();
    long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    if (needed > available) {
      throw new ConfigurationException(List.of(String.format(Locale.ROOT, "L-BFGS needs %.2f GB"
              + " of Java heap for %,d parameters with --history %d ((8 m + 48) n bytes), but at"
              + " most %.2f GB of the heap (-Xmx %.2f GB) is free; run with more heap (e.g."
              + " JAVA_OPTS=-Xmx%dg) or a smaller --history", needed / 1e9, parameters, history,
          available / 1e9, runtime.maxMemory() / 1e9,
          (runtime.maxMemory() - available + needed) / (1L << 30) + 2)));
    }
  }
}
