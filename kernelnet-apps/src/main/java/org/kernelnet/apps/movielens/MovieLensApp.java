package org.kernelnet.apps.movielens;

import ai.djl.Device;
import ai.djl.engine.Engine;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.SparsityRegularizer;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.inject.ComponentSpecs;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsFile;
import org.kernelnet.apps.movielens.data.RatingsSource;
import org.kernelnet.apps.movielens.evaluation.HeldOutMetrics;
import org.kernelnet.apps.movielens.evaluation.HeldOutSummary;
import org.kernelnet.apps.movielens.evaluation.RankingSettings;
import org.kernelnet.apps.movielens.model.AutoencoderFactory;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.model.ModelKind;
import org.kernelnet.apps.movielens.model.PredictionCost;
import org.kernelnet.apps.movielens.model.RatingModel;
import org.kernelnet.apps.movielens.model.SavedModel;
import org.kernelnet.apps.movielens.report.MovieLensResults;
import org.kernelnet.apps.movielens.train.AutoencoderTrainer;
import org.kernelnet.apps.movielens.train.GlocalKTrainer;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.ProcessMemory;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Trains the configured item-based autoencoders on the train/test splits of the configured
 * {@link org.kernelnet.apps.movielens.data.SplitProtocol} with the family's {@link
 * AutoencoderTrainer.Factory} and hands the {@link MovieLensResults} (Table 3: test RMSE per
 * split, mean, standard error; Table 4: parameters, MACs, RMSE; the held-out metrics) to the
 * family's reporters of them; the first split's model of every row is saved ({@code --save FILE},
 * else {@code models/<model>-<layers>.knml} in the run folder; GLocal-K is trained by {@link
 * GlocalKSplit}). Each finished split is recorded in {@link SplitJournal#FILE}; {@code --resume}
 * trains only the splits not recorded there.
 */
public final class MovieLensApp implements Application {
  static final String COMMAND = "movielens";

  private final MovieLensConfig config;
  private final KernelnetRegistry registry;
  private final RatingsSource ratingsSource;
  private final AutoencoderFactory autoencoders;
  private final AutoencoderTrainer.Factory trainers;
  private final Set<Reporter<MovieLensResults>> reporters;
  private final ProgressLog log;
  private final Device device;
  private final ResultsWriter writer;
  private final GlocalKSplit glocalK;

  @Inject
  MovieLensApp(MovieLensConfig config, KernelnetRegistry registry, RatingsSource ratingsSource,
      AutoencoderFactory autoencoders, AutoencoderTrainer.Factory trainers,
      GlocalKTrainer.Factory glocalKTrainers, Set<Reporter<MovieLensResults>> reporters,
      ProgressLog log, Device device, ResultsWriter writer) {
    this.config = config;
    this.registry = registry;
    this.ratingsSource = ratingsSource;
    this.autoencoders = autoencoders;
    this.trainers = trainers;
    this.reporters = reporters;
    this.log = log;
    this.device = device;
    this.writer = writer;
    this.glocalK = new GlocalKSplit(config, autoencoders, glocalKTrainers, device, log);
  }

  @Override
  public void run() throws Exception {
    checkComponents();
    long start = System.nanoTime();
    RatingsFile read = ratingsSource.ratings(config.dataset());
    RunData data = RunData.of(read, config.maxItems());
    Path file = data.file();
    Ratings all = data.all();
    Ratings ratings = data.ratings();
    int items = data.items();
    log.always("%s: %d ratings, %d items x %d users from %s", config.dataset().label(),
        ratings.size(), items, ratings.numUsers(), file);
    Map<String, Long> seeds = new LinkedHashMap<>();
    for (int k = 0; k < config.splits(); k++) {
      seeds.put("split" + (k + 1), config.seed() + k);
    }
    Provenance provenance = Provenance.collect(COMMAND, config, device.toString(), seeds,
        List.of(new DataFile("ratings", file.toAbsolutePath().toString(), all.sourceSha256())))
        .withComponents(registry, config.models().stream().map(AutoencoderSpec::kernel)
            .filter(Objects::nonNull).toList(), config.models().stream()
            .flatMap(m -> m.effectiveRegularizers().stream()).toList());
    List<RatingSplit> splits =
        config.protocol().splits(config.dataset(), ratings, read.publishedSplit(), config.splits(),
            config.testFraction(), config.seed());
    SplitJournal journal = SplitJournal.open(writer, all.sourceSha256());
    if (writer.resumesRun()) {
      log.always("resuming: %d of %d splits recorded in %s are not trained again", journal.size(),
          splits.size() * config.models().size(), SplitJournal.FILE);
    }
    List<MovieLensResults.Row> rows = new ArrayList<>();
    for (AutoencoderSpec spec : config.models()) {
      rows.add(trainRow(spec, splits, items, provenance, journal));
    }
    double baseline = rows.get(0).splits().stream()
        .mapToDouble(MovieLensResults.Split::baselineRmse).average().orElse(Double.NaN);
    MovieLensResults results = new MovieLensResults(provenance, config.dataset().label(),
        config.optimizer().id(), items, ratings.numUsers(), ratings.size(),
        config.protocol().describe(config.splits(), config.testFraction(),
            read.publishedSplit()), config.testFraction(),
        config.validation(), config.ratedInputs(), baseline, rows,
        (System.nanoTime() - start) / 1e9, ProcessMemory.peakResidentGib());
    Reporter.reportAll(reporters, results);
  }

  /**
   * Every kernel and regulariser specification resolved up front, so that a bad one fails before
   * any work; then each model's regularisers, as the registry writes them, are printed.
   */
  private void checkComponents() {
    ComponentSpecs.kernels(registry, "--kernel", config.models().stream()
        .map(AutoencoderSpec::kernel).filter(Objects::nonNull).toList());
    ComponentSpecs.regularizers(registry, "--regularizer", config.models().stream()
        .flatMap(m -> m.regularizers().stream()).toList());
    for (AutoencoderSpec spec : config.models()) {
      Map<String, SparsityRegularizer> regularizers = ComponentSpecs.regularizers(registry,
          "--regularizer", spec.effectiveRegularizers());
      log.always("%s: regularizers %s (from --lambda2 and --lambda0, then --regularizer)",
          spec.label(), regularizers.isEmpty() ? "none" : regularizers.values().stream()
              .map(SparsityRegularizer::spec).collect(Collectors.joining(", ")));
    }
  }

  private MovieLensResults.Row trainRow(AutoencoderSpec spec, List<RatingSplit> splits, int items,
      Provenance provenance, SplitJournal journal) throws Exception {
    AutoencoderTrainer trainer = trainers.create(config.training());
    List<SplitJournal.Entry> finished = new ArrayList<>();
    String scored = config.validation() > 0 ? "validation" : "test";
    for (int k = 0; k < splits.size(); k++) {
      RatingSplit split = splits.get(k);
      Optional<SplitJournal.Entry> recorded = journal.finished(spec.label(), k + 1);
      if (recorded.isPresent()) {
        finished.add(recorded.get());
        continue;
      }
      RatingSplit fitted = config.validation() > 0
          ? RatingSplit.random(split.train(), config.validation(), ~split.seed()) : split;
      Ratings train = fitted.train();
      Ratings test = fitted.test();
      Engine.getInstance().setRandomSeed((int) split.seed());
      ModelSaver saver = k > 0 ? (net, rmse) -> null
          : (net, rmse) -> save(spec, net, train, items, split, rmse, provenance);
      if (spec.kind() == ModelKind.GLOCAL_K) {
        SplitJournal.Entry entry =
            glocalK.train(spec, split, k + 1, splits.size(), items, train, test, saver);
        journal.record(entry);
        finished.add(entry);
        continue;
      }
      String tag = String.format(Locale.ROOT, "%s split %d/%d", spec.label(), k + 1, splits.size());
      try (ItemAutoencoder net = autoencoders.create(spec, train.numUsers(), device)) {
        log.always("%s: training with %s, %d free parameters", tag, config.optimizer(),
            net.cost(config.ratedInputs()).freeParameters());
        AutoencoderTrainer.Outcome outcome = trainer.train(net, items, train, test,
            train.scale(), c -> log.always(
                "%s iteration %d loss %.6g train RMSE %.4f %s RMSE %.4f (%.1f s training)",
                tag, c.iteration(), c.loss(), c.trainRmse(), scored, c.testRmse(), c.seconds()));
        PredictionCost cost = net.cost(config.ratedInputs());
        double baseline = baselineRmse(train, test);
        AutoencoderTrainer.Checkpoint last = outcome.last();
        MovieLensResults.Split result = new MovieLensResults.Split(k + 1, split.seed(),
            split.provenance(), last.testRmse(), last.trainRmse(), baseline, last.iteration(),
            outcome.evaluations(), last.seconds(), outcome.secondsPerEvaluation(),
            outcome.stopReason(), cost.macs(), outcome.history(),
            HeldOutMetrics.ofPairs(outcome.testPredictions(), test, train.scale(),
                RankingSettings.of(RankingSettings.DEFAULT_K, train.scale())), null);
        log.always("%s: %s RMSE %.4f (global mean %.4f), %.3f s per evaluation, %s", tag,
            scored, last.testRmse(), baseline, outcome.secondsPerEvaluation(),
            outcome.stopReason());
        SplitJournal.Entry entry = new SplitJournal.Entry(spec.label(), result,
            cost.freeParameters(), cost.denseEquivalentParameters(),
            saver.save(net, last.testRmse()));
        journal.record(entry);
        finished.add(entry);
      }
    }
    List<MovieLensResults.Split> results =
        finished.stream().map(SplitJournal.Entry::result).toList();
    SplitJournal.Entry first = finished.get(0);
    double[] rmse = results.stream().mapToDouble(MovieLensResults.Split::testRmse).toArray();
    return new MovieLensResults.Row(spec.label(), spec, results, mean(rmse), standardError(rmse),
        results.stream().mapToDouble(MovieLensResults.Split::trainRmse).average().orElseThrow(),
        first.freeParameters(), first.denseEquivalentParameters(),
        results.stream().mapToLong(MovieLensResults.Split::macs).average().orElseThrow(),
        first.savedModel(), results.stream().anyMatch(r -> r.heldOut() == null) ? null
            : HeldOutSummary.of(results.stream().map(MovieLensResults.Split::heldOut).toList()));
  }

  /** Saves a split's trained model, or not. */
  @FunctionalInterface
  interface ModelSaver {
    /**
     * @param testRmse the split's test RMSE, recorded in the model's header
     * @return the absolute path of the file written, null if the model is not saved
     */
    String save(RatingModel net, double testRmse) throws IOException;
  }

  /** Writes the first split's model to {@code --save FILE}, else to the run folder. */
  private String save(AutoencoderSpec spec, RatingModel net, Ratings train, int items,
      RatingSplit split, double testRmse, Provenance provenance) throws IOException {
    SavedModel.Header header = SavedModel.Header.of(spec, config.dataset(), train, items,
        split.provenance(), testRmse, provenance);
    Path saved;
    if (config.save() != null) {
      saved = config.save();
      SavedModel.write(saved, header, net);
    } else {
      saved = writer.write("models/" + spec.slug() + ".knml", SavedModel.content(header, net));
    }
    return saved.toAbsolutePath().toString();
  }

  /** The ratings of items {@code [0, maxItems)}. */
  public static Ratings firstItems(Ratings ratings, int maxItems) {
    int[] keep = new int[ratings.size()];
    int n = 0;
    for (int k = 0; k < ratings.size(); k++) {
      if (ratings.item(k) < maxItems) {
        keep[n++] = k;
      }
    }
    return ratings.select(Arrays.copyOf(keep, n));
  }

  /** The test RMSE of predicting every rating by the training mean. */
  public static double baselineRmse(Ratings train, Ratings test) {
    double mu = train.mean();
    double sum = 0;
    for (int k = 0; k < test.size(); k++) {
      double e = test.rating(k) - mu;
      sum += e * e;
    }
    return Math.sqrt(sum / test.size());
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** {@code s / sqrt(n)} with the sample standard deviation s; NaN for {@code n < 2}. */
  public static double standardError(double[] values) {
    int n = values.length;
    if (n < 2) {
      return Double.NaN;
    }
    double m = mean(values);
    double ss = 0;
    for (double v : values) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
  }
}
