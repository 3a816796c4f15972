package org.kernelnet.apps.movielens;

import ai.djl.Device;
import ai.djl.engine.Engine;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.inject.KernelSpecs;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsSource;
import org.kernelnet.apps.movielens.model.AutoencoderFactory;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.model.PredictionCost;
import org.kernelnet.apps.movielens.model.SavedModel;
import org.kernelnet.apps.movielens.train.AutoencoderTrainer;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.ProcessMemory;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Trains the configured item-based autoencoders on {@code splits} random train/test splits and
 * reports Table 3 (test RMSE per split, mean, standard error) and Table 4 (parameters, MACs, RMSE)
 * on the terminal and as {@code results.json}, {@code splits.csv} and {@code summary.csv} in the
 * run folder; the first split's model of every row is saved ({@code --save FILE}, else {@code
 * models/<model>-<layers>.knml} in the run folder). Each finished split is recorded in {@link
 * SplitJournal#FILE}; {@code --resume} trains only the splits not recorded there.
 */
public final class MovieLensApp implements Application {
  static final String COMMAND = "movielens";

  private final MovieLensConfig config;
  private final KernelnetRegistry registry;
  private final RatingsSource ratingsSource;
  private final AutoencoderFactory autoencoders;
  private final Terminal terminal;
  private final ProgressLog log;
  private final Device device;
  private final ResultsWriter writer;

  @Inject
  MovieLensApp(MovieLensConfig config, KernelnetRegistry registry, RatingsSource ratingsSource,
      AutoencoderFactory autoencoders, Terminal terminal, ProgressLog log, Device device,
      ResultsWriter writer) {
    this.config = config;
    this.registry = registry;
    this.ratingsSource = ratingsSource;
    this.autoencoders = autoencoders;
    this.terminal = terminal;
    this.log = log;
    this.device = device;
    this.writer = writer;
  }

  @Override
  public void run() throws Exception {
    checkKernels();
    long start = System.nanoTime();
    RunData data = RunData.of(ratingsSource.ratings(config.dataset()), config.maxItems());
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
        List.of(new DataFile("ratings", file.toAbsolutePath().toString(), all.sourceSha256())));
    List<RatingSplit> splits =
        RatingSplit.randomSplits(ratings, config.testFraction(), config.seed(), config.splits());
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
        config.optimizer().id(), items, ratings.numUsers(), ratings.size(), baseline, rows,
        (System.nanoTime() - start) / 1e9, ProcessMemory.peakResidentGib());
    List<Path> written = new ArrayList<>();
    written.add(writer.writeJson("results.json", results));
    written.add(writer.writeCsv("splits.csv", List.of("model", "split", "seed", "test_rmse",
        "train_rmse", "baseline_rmse", "iterations", "evaluations", "training_seconds",
        "seconds_per_evaluation", "macs"), splitRows(rows)));
    written.add(writer.writeCsv("summary.csv", List.of("model", "splits", "mean_test_rmse",
        "standard_error", "mean_train_rmse", "free_parameters", "mean_macs"), summaryRows(rows)));
    print(results);
    PrintWriter out = terminal.out();
    out.println();
    out.println("Written:");
    written.forEach(p -> out.println("  " + p));
    rows.forEach(r -> out.println("  " + r.savedModel()));
    out.flush();
  }

  /** Every kernel specification resolved up front, so that a bad one fails before any work. */
  private void checkKernels() {
    KernelSpecs.resolve(registry, "--kernel", config.models().stream()
        .map(AutoencoderSpec::kernel).filter(Objects::nonNull).toList());
  }

  private MovieLensResults.Row trainRow(AutoencoderSpec spec, List<RatingSplit> splits, int items,
      Provenance provenance, SplitJournal journal) throws Exception {
    AutoencoderTrainer trainer = new AutoencoderTrainer(config.optimizer(), config.iterations(),
        config.evalEvery(), config.learningRate(), config.batchSize(), config.seed(),
        config.threads(), config.history());
    List<SplitJournal.Entry> finished = new ArrayList<>();
    String scored = config.validation() > 0 ? "validation" : "test";
    for (int k = 0; k < splits.size(); k++) {
      RatingSplit split = splits.get(k);
      Optional<SplitJournal.Entry> recorded = journal.finished(spec.label(), k + 1);
      if (recorded.isPresent()) {
        finished.add(recorded.get());
        continue;
      }
      Ratings train = split.train();
      Ratings test = split.test();
      if (config.validation() > 0) {
        RatingSplit inner = RatingSplit.random(train, config.validation(), ~split.seed());
        train = inner.train();
        test = inner.test();
      }
      Engine.getInstance().setRandomSeed((int) split.seed());
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
            outcome.stopReason(), cost.macs(), outcome.history());
        log.always("%s: %s RMSE %.4f (global mean %.4f), %.3f s per evaluation, %s", tag,
            scored, last.testRmse(), baseline, outcome.secondsPerEvaluation(), outcome.stopReason());
        Path saved = null;
        if (k == 0) {
          SavedModel.Header header = SavedModel.Header.of(spec, config.dataset(), train, items,
              split.provenance(), last.testRmse(), provenance);
          if (config.save() != null) {
            saved = config.save();
            SavedModel.write(saved, header, net);
          } else {
            saved = writer.write("models/" + spec.slug() + ".knml",
                SavedModel.content(header, net));
          }
        }
        SplitJournal.Entry entry = new SplitJournal.Entry(spec.label(), result,
            cost.freeParameters(), cost.denseEquivalentParameters(),
            saved == null ? null : saved.toAbsolutePath().toString());
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
        first.savedModel());
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

  private static List<List<?>> splitRows(List<MovieLensResults.Row> rows) {
    List<List<?>> out = new ArrayList<>();
    for (MovieLensResults.Row row : rows) {
      for (MovieLensResults.Split s : row.splits()) {
        out.add(List.of(row.model(), s.split(), s.seed(), s.testRmse(), s.trainRmse(),
            s.baselineRmse(), s.iterations(), s.evaluations(), s.trainingSeconds(),
            s.secondsPerEvaluation(), s.macs()));
      }
    }
    return out;
  }

  private static List<List<?>> summaryRows(List<MovieLensResults.Row> rows) {
    List<List<?>> out = new ArrayList<>();
    for (MovieLensResults.Row row : rows) {
      out.add(List.of(row.model(), row.splits().size(), row.meanTestRmse(), row.standardError(),
          row.meanTrainRmse(), row.freeParameters(), row.meanMacs()));
    }
    return out;
  }

  private void print(MovieLensResults results) {
    PrintWriter out = terminal.out();
    int splits = config.splits();
    out.printf(Locale.ROOT, "%nTable 3: %s RMSE on %s, %d random %.0f/%.0f splits, %s%n",
        config.validation() > 0 ? "validation" : "test", results.dataset(), splits,
        100 * (1 - config.testFraction()), 100 * config.testFraction(), config.optimizer());
    if (config.validation() > 0) {
      out.printf(Locale.ROOT, "(validation: %.0f %% of each split's training ratings held out;"
          + " the test ratings were not used)%n", 100 * config.validation());
    }
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s", "model"));
    for (int k = 1; k <= splits; k++) {
      header.append(String.format(Locale.ROOT, " %8s", "split " + k));
    }
    header.append(String.format(Locale.ROOT, " %8s %8s", "mean", "s.e."));
    out.println(header);
    for (MovieLensResults.Row row : results.rows()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s", row.model()));
      row.splits().forEach(s -> line.append(String.format(Locale.ROOT, " %8.4f", s.testRmse())));
      line.append(String.format(Locale.ROOT, " %8.4f %8s", row.meanTestRmse(),
          Double.isNaN(row.standardError()) ? "n/a"
              : String.format(Locale.ROOT, "%.4f", row.standardError())));
      out.println(line);
    }
    out.printf(Locale.ROOT, "%-18s %8.4f (mean over splits; predicting the training mean)%n",
        "global mean", results.globalMeanBaselineRmse());
    out.printf(Locale.ROOT, "%nTable 4: size and cost (%d users, %d rated inputs, dense prediction)%n",
        results.users(), config.ratedInputs());
    out.printf(Locale.ROOT, "%-18s %12s %12s %8s%n", "model", "parameters", "MACs", "RMSE");
    for (MovieLensResults.Row row : results.rows()) {
      out.printf(Locale.ROOT, "%-18s %10.2f M %10.2f M %8.4f%n", row.model(),
          row.freeParameters() / 1e6, row.meanMacs() / 1e6, row.meanTestRmse());
    }
    out.printf(Locale.ROOT, "%nWall time %.1f min, peak resident memory %.2f GiB%n",
        results.wallSeconds() / 60, results.peakResidentGib());
    out.flush();
  }
}
