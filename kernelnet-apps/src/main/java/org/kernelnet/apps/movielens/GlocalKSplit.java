package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.evaluation.HeldOutMetrics;
import org.kernelnet.apps.movielens.evaluation.RankingSettings;
import org.kernelnet.apps.movielens.model.AutoencoderFactory;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.GlocalK;
import org.kernelnet.apps.movielens.model.PredictionCost;
import org.kernelnet.apps.movielens.report.MovieLensResults;
import org.kernelnet.apps.movielens.train.GlocalKHistory;
import org.kernelnet.apps.movielens.train.GlocalKHistory.Stage;
import org.kernelnet.apps.movielens.train.GlocalKSettings;
import org.kernelnet.apps.movielens.train.GlocalKTrainer;
import org.kernelnet.apps.report.ProgressLog;

/**
 * One split of a {@code glocal-k} row of {@link MovieLensApp}: a {@link GlocalK} around a new
 * autoencoder from the family's factory, trained by the family's {@link GlocalKTrainer} with the
 * run's settings (its epoch-validation ratings drawn with the split's seed), each epoch logged, the
 * held-out ratings predicted once with the kept parameters, the model handed to the run's saver.
 */
final class GlocalKSplit {
  private final MovieLensConfig config;
  private final AutoencoderFactory autoencoders;
  private final GlocalKTrainer.Factory trainers;
  private final Device device;
  private final ProgressLog log;

  GlocalKSplit(MovieLensConfig config, AutoencoderFactory autoencoders,
      GlocalKTrainer.Factory trainers, Device device, ProgressLog log) {
    this.config = requireNonNull(config, "config is null");
    this.autoencoders = requireNonNull(autoencoders, "autoencoders is null");
    this.trainers = requireNonNull(trainers, "trainers is null");
    this.device = requireNonNull(device, "device is null");
    this.log = requireNonNull(log, "log is null");
  }

  /**
   * Trains GLocal-K on {@code train} and scores {@code test} once.
   *
   * @param number the split's number, from 1, of {@code splits}
   * @param saver saves the trained model, or not
   * @return the split's journal entry
   */
  SplitJournal.Entry train(AutoencoderSpec spec, RatingSplit split, int number, int splits,
      int items, Ratings train, Ratings test, MovieLensApp.ModelSaver saver) throws IOException {
    GlocalKSettings settings = requireNonNull(config.glocalK(), "the run has no GLocal-K settings");
    String tag = String.format(Locale.ROOT, "%s split %d/%d", spec.label(), number, splits);
    String scored = config.validation() > 0 ? "validation" : "test";
    try (GlocalK model = GlocalK.create(autoencoders.create(spec, train.numUsers(), device), items,
        settings.dotScale())) {
      PredictionCost cost = model.cost(config.ratedInputs());
      log.always("%s: %d free parameters; %d pre-training epochs of %d L-BFGS iterations, %d"
              + " fine-tuning epochs of %d, dot scale %s, the epoch chosen on %.0f %% of the"
              + " training ratings", tag, cost.freeParameters(), settings.pretrainingEpochs(),
          settings.pretrainingIterations(), settings.fineTuningEpochs(),
          settings.fineTuningIterations(), settings.dotScale(),
          100 * settings.validationFraction());
      GlocalKTrainer.Outcome outcome =
          trainers.create(settings, config.threads(), config.history()).train(model, train,
              test, train.scale(), split.seed(), e -> log.always(
                  "%s %s epoch %d: %d iterations, loss %.6g, train RMSE %.4f, validation RMSE"
                      + " %.4f (%.1f s training)", tag,
                  e.stage() == Stage.PRETRAINING ? "pre-training" : "fine-tuning", e.epoch(),
                  e.iterations(), e.loss(), e.trainRmse(), e.validationRmse(), e.seconds()));
      GlocalKHistory history = outcome.history();
      String chosen = String.format(Locale.ROOT,
          "fine-tuning epoch %d of %d kept (validation RMSE %.4f)", history.chosenEpoch(),
          history.fineTuning().size(), history.chosenValidationRmse());
      double baseline = MovieLensApp.baselineRmse(train, test);
      MovieLensResults.Split result = new MovieLensResults.Split(number, split.seed(),
          split.provenance(), outcome.testRmse(), outcome.trainRmse(), baseline,
          outcome.iterations(), outcome.evaluations(), outcome.seconds(),
          outcome.evaluations() == 0 ? Double.NaN : outcome.seconds() / outcome.evaluations(),
          chosen, cost.macs(), List.of(), HeldOutMetrics.ofPairs(outcome.testPredictions(), test,
              train.scale(),
              RankingSettings.of(RankingSettings.DEFAULT_K, train.scale())),
          history);
      log.always("%s: %s RMSE %.4f (global mean %.4f), %s; %.3f s per evaluation in"
              + " pre-training, %.3f in fine-tuning", tag, scored, outcome.testRmse(), baseline,
          chosen, history.pretrainingSecondsPerEvaluation(),
          history.fineTuningSecondsPerEvaluation());
      return new SplitJournal.Entry(spec.label(), result, cost.freeParameters(),
          cost.denseEquivalentParameters(), saver.save(model, outcome.testRmse()));
    }
  }
}
