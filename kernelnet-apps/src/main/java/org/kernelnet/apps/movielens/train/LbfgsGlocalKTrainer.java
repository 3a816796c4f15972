package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.evaluation.RatingErrors;
import org.kernelnet.apps.movielens.model.GlocalK;
import org.kernelnet.apps.movielens.train.GlocalKHistory.Epoch;
import org.kernelnet.apps.movielens.train.GlocalKHistory.Stage;
import org.kernelnet.djl.optim.Lbfgs;
import org.kernelnet.djl.optim.LbfgsResult;
import org.kernelnet.djl.optim.ParameterObjective;

/**
 * The {@link GlocalKTrainer} the MovieLens module binds: trains {@link GlocalK} as its authors'
 * code does, but chooses the fine-tuning epoch on validation ratings instead of the test ratings:
 *
 * <ol>
 *   <li>{@code validationFraction} of the training ratings are held out ({@link RatingSplit#random}
 *       with the given seed); the model is fitted to the rest, {@code R [items, users]};
 *   <li>pre-training: {@code pretrainingEpochs} L-BFGS runs of at most {@code
 *       pretrainingIterations} iterations each on the local autoencoder's loss, the {@link
 *       SparseAutoencoderLoss} of the sparse {@code R} (item shards on {@code threads} threads);
 *   <li>fine-tuning: {@code fineTuningEpochs} runs of at most {@code fineTuningIterations} on
 *       {@link GlocalK#fineTuningLoss}, over the autoencoder's parameters and the global kernel's
 *       weight, with DJL's autograd on the dense {@code R} (the input of the second pass, {@code
 *       R^}, is dense, and the pooling needs every output of the first);
 *   <li>after every epoch of both stages, the RMSE of clipped predictions (made from {@code R}) on
 *       the fitted and the validation ratings; the parameters of the fine-tuning epoch with the
 *       lowest validation RMSE are kept (a copy), written back at the end, and only then are the
 *       test ratings predicted, once.
 * </ol>
 *
 * Every epoch is a fresh {@link Lbfgs} (history {@code history}: its memory restarts, as with the
 * authors' one scipy L-BFGS-B call per epoch), with scipy's stopping rules: a relative decrease of
 * at most {@value #SCIPY_FTOL} ({@code factr = 1e7} machine epsilons) ends an epoch, and at most
 * {@value #SCIPY_MAX_EVALUATIONS} evaluations. An epoch that makes no step ends its stage: the
 * next would restart from the same point and fail alike.
 */
public final class LbfgsGlocalKTrainer implements GlocalKTrainer {
  /** scipy L-BFGS-B's default {@code ftol}, the relative decrease that ends a run. */
  static final double SCIPY_FTOL = 2.220446049250313e-9;
  /** scipy L-BFGS-B's default {@code maxfun}. */
  static final int SCIPY_MAX_EVALUATIONS = 15000;

  private final GlocalKSettings settings;
  private final int threads;
  private final int history;

  /**
   * @param settings the epochs, iterations, dot scale and validation fraction
   * @param threads the threads of the pre-training loss's item shards, {@code >= 1}
   * @param history L-BFGS's history size, {@code >= 1}
   */
  public LbfgsGlocalKTrainer(GlocalKSettings settings, int threads, int history) {
    this.settings = requireNonNull(settings, "settings is null");
    if (threads < 1 || history < 1) {
      throw new IllegalArgumentException(
          "threads and history must be >= 1, got " + threads + " and " + history);
    }
    this.threads = threads;
    this.history = history;
  }

  /**
   * Trains {@code model} in place and leaves the chosen fine-tuning epoch's parameters in it.
   *
   * @param train the training ratings, of items below {@code model.items()}
   * @param test the test ratings, predicted once at the end
   * @param scale the scale predictions are clipped to
   * @param seed seeds the choice of the validation ratings
   * @param listener told about every epoch
   */
  @Override
  public Outcome train(GlocalK model, Ratings train, Ratings test, RatingScale scale, long seed,
      Listener listener) {
    requireNonNull(model, "model is null");
    requireNonNull(test, "test is null");
    RatingSplit held = RatingSplit.random(
        requireNonNull(train, "train is null"), settings.validationFraction(), seed);
    Ratings fit = held.train();
    RatingMatrix matrix = RatingMatrix.of(fit, model.items());
    NDManager manager = model.local().model().getNDManager();
    try (NDManager data = manager.newSubManager()) {
      NDArray ratings = matrix.values(data);
      NDArray mask = matrix.mask(data);
      Run run = new Run(fit, held.test(), requireNonNull(scale, "scale is null"),
          model.users(), requireNonNull(listener, "listener is null"));
      if (settings.pretrainingEpochs() > 0) {
        try (RatingShards shards = RatingShards.of(fit, model.items(), manager, threads,
            RatingShards.DEFAULT_MAX_SHARD_RATINGS)) {
          SparseAutoencoderLoss loss = new SparseAutoencoderLoss(model.local(), shards, threads);
          run.stage(Stage.PRETRAINING, ParameterObjective.of(model.local().block(), loss::compute),
              settings.pretrainingEpochs(), settings.pretrainingIterations(),
              () -> model.local().predict(ratings));
        }
      }
      ParameterObjective fineTuning = ParameterObjective.of(model.blocks(), scope -> {
        scope.tempAttachAll(ratings, mask);
        return model.fineTuningLoss(scope, ratings, mask);
      });
      run.stage(Stage.FINE_TUNING, fineTuning, settings.fineTuningEpochs(),
          settings.fineTuningIterations(), () -> model.predict(ratings));
      fineTuning.writeParameters(run.best);
      float[] predictions = model.predict(ratings);
      GlocalKHistory record = new GlocalKHistory(settings, fit.size(), held.test().size(),
          run.epochs(Stage.PRETRAINING), run.epochs(Stage.FINE_TUNING), run.bestEpoch,
          run.bestRmse, run.secondsPerEvaluation(Stage.PRETRAINING),
          run.secondsPerEvaluation(Stage.FINE_TUNING));
      float[] atTest = run.atPairs(predictions, test);
      return new Outcome(record, run.rmse(predictions, fit),
          RatingErrors.of(atTest, test, scale).rmse(), atTest, run.iterations, run.evaluations,
          run.nanos / 1e9);
    }
  }

  /** The state of one training run. */
  private final class Run {
    private final Ratings fit;
    private final Ratings validation;
    private final RatingScale scale;
    private final int users;
    private final Listener listener;
    private final List<Epoch> epochs = new ArrayList<>();
    private final long[] stageEvaluations = new long[Stage.values().length];
    private final long[] stageNanos = new long[Stage.values().length];
    private int iterations;
    private long evaluations;
    private long nanos;
    private double[] best;
    private int bestEpoch;
    private double bestRmse = Double.POSITIVE_INFINITY;

    Run(Ratings fit, Ratings validation, RatingScale scale, int users, Listener listener) {
      this.fit = fit;
      this.validation = validation;
      this.scale = scale;
      this.users = users;
      this.listener = listener;
    }

    /**
     * Runs the epochs of {@code stage}, each a fresh L-BFGS on {@code objective} followed by the
     * RMSEs of {@code predict}'s dense predictions; in fine-tuning, keeps a copy of the point with
     * the lowest validation RMSE.
     */
    void stage(Stage stage, ParameterObjective objective, int count, int maxIterations,
        Supplier<float[]> predict) {
      Lbfgs lbfgs = Lbfgs.builder().optHistorySize(history).optMaxIterations(maxIterations)
          .optMaxEvaluations(SCIPY_MAX_EVALUATIONS).optRelativeFunctionTolerance(SCIPY_FTOL)
          .build();
      OptimizerTrainer.requireHeapFor(lbfgs, objective.dimension(), history);
      Lbfgs.Workspace workspace = lbfgs.newWorkspace(objective.dimension());
      double[] x = new double[objective.dimension()];
      for (int e = 1; e <= count; e++) {
        long start = System.nanoTime();
        objective.readParameters(x);
        LbfgsResult result = lbfgs.minimize(objective, x, workspace);
        objective.writeParameters(x);
        long elapsed = System.nanoTime() - start;
        nanos += elapsed;
        stageNanos[stage.ordinal()] += elapsed;
        stageEvaluations[stage.ordinal()] += result.evaluations();
        iterations += result.iterations();
        evaluations += result.evaluations();
        float[] predictions = predict.get();
        Epoch epoch = new Epoch(stage, e, result.iterations(), result.evaluations(),
            result.value(), rmse(predictions, fit), rmse(predictions, validation), nanos / 1e9,
            result.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        epochs.add(epoch);
        listener.onEpoch(epoch);
        if (stage == Stage.FINE_TUNING && epoch.validationRmse() < bestRmse) {
          bestRmse = epoch.validationRmse();
          bestEpoch = e;
          best = x.clone();
        }
        if (result.iterations() == 0) {
          break;
        }
      }
      if (stage == Stage.FINE_TUNING && best == null) { // every validation RMSE was NaN
        Epoch last = epochs.get(epochs.size() - 1);
        bestEpoch = last.epoch();
        bestRmse = last.validationRmse();
        best = x.clone();
      }
    }

    List<Epoch> epochs(Stage stage) {
      return epochs.stream().filter(e -> e.stage() == stage).toList();
    }

    double secondsPerEvaluation(Stage stage) {
      long n = stageEvaluations[stage.ordinal()];
      return n == 0 ? Double.NaN : stageNanos[stage.ordinal()] / 1e9 / n;
    }

    /** The RMSE of the clipped dense predictions {@code [items, users]} at the ratings' pairs. */
    double rmse(float[] predictions, Ratings set) {
      return RatingErrors.of(atPairs(predictions, set), set, scale).rmse();
    }

    /** The dense predictions {@code [items, users]} at the ratings' pairs, in their order. */
    float[] atPairs(float[] predictions, Ratings set) {
      float[] at = new float[set.size()];
      for (int k = 0; k < set.size(); k++) {
        at[k] = predictions[set.item(k) * users + set.user(k)];
      }
      return at;
    }
  }
}
