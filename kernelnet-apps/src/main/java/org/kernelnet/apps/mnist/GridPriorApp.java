package org.kernelnet.apps.mnist;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.mnist.analysis.Charts;
import org.kernelnet.apps.mnist.analysis.PixelLayout;
import org.kernelnet.apps.mnist.data.ExperimentData;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.mnist.model.GridPriorNetwork;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.mnist.model.PixelLocations;
import org.kernelnet.apps.mnist.model.PixelTopology;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.RecordedSettings;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.report.RunJournal;
import org.kernelnet.apps.train.EpochCheckpoint;

/**
 * Trains the grid-prior network ({@link GridPriorNetwork}) once per pixel-location variant with the
 * same seed, selects nothing on the test set, and reports each variant's test accuracy next to the
 * paper's (Table 1), and how much of the image's layout its pixel locations hold ({@link
 * PixelLayout}; written per pixel to {@code locations-<variant>.csv}).
 *
 * <p>Resumable ({@code --resume}): each finished variant is recorded in {@value #JOURNAL} and not
 * trained again; the variant in training is checkpointed at the end of every epoch in {@value
 * #CHECKPOINT} ({@link EpochCheckpoint}) and continues from its last completed epoch.
 */
public final class GridPriorApp implements Application {
  /** Table 1 of Mueller et al. (2018); the variants beyond the paper are not in it. */
  static final Map<PixelLocations, Double> PAPER = Map.of(
      PixelLocations.GRID, 0.9903, PixelLocations.RANDOM, 0.9889);

  /** The paper's test accuracy for a variant, NaN for one the paper does not have. */
  static double paperTestAccuracy(PixelLocations variant) {
    return PAPER.getOrDefault(variant, Double.NaN);
  }

  /** The finished variants, one a line. */
  public static final String JOURNAL = "variants.jsonl";
  /** The training state of the variant in training at the end of its last completed epoch. */
  public static final String CHECKPOINT = "checkpoint.bin";

  /**
   * What the recorded variants share besides the settings (checked by {@link RecordedSettings}).
   *
   * @param dataSha256 the checksums of the MNIST files
   */
  record Setup(List<String> dataSha256) {}

  private final GridPriorConfig config;
  private final KernelnetRegistry registry;
  private final MnistSource mnist;
  private final Terminal terminal;
  private final ProgressLog log;
  private final ClassifierTrainer trainer;
  private final Device device;
  private final ResultsWriter writer;

  @Inject
  GridPriorApp(GridPriorConfig config, KernelnetRegistry registry, MnistSource mnist,
      Terminal terminal, ProgressLog log, ClassifierTrainer trainer, Device device,
      ResultsWriter writer) {
    this.config = config;
    this.registry = registry;
    this.mnist = mnist;
    this.terminal = terminal;
    this.log = log;
    this.trainer = trainer;
    this.device = device;
    this.writer = writer;
  }

  /**
   * One trained variant.
   *
   * @param locations the pixel-location variant
   * @param testAccuracy the accuracy on the official test set
   * @param validationAccuracy the accuracy on the validation split after the last epoch, NaN
   *     without one ({@code --validation-size 0})
   * @param paperTestAccuracy the paper's figure, NaN if the paper has none
   * @param size parameters and MACs
   * @param layout how far the pixel locations moved and how much of the image's layout they hold
   * @param learnedLayout how the starting layout was learned, for {@link
   *     PixelLocations#CORRELATION} only (else null)
   * @param trainingSeconds the wall-clock time of the training steps
   * @param history one entry per epoch
   */
  record VariantResult(PixelLocations locations, double testAccuracy, double validationAccuracy,
      double paperTestAccuracy, ModelSize size, PixelLayout layout, LearnedLayout learnedLayout,
      double trainingSeconds, List<ClassifierTrainer.Epoch> history) {}

  /**
   * How {@link PixelTopology} learned a layout.
   *
   * @param neighbours the chosen k of the neighbour graph
   * @param residualVariance {@code 1 - r^2} between graph and embedded distances
   * @param embeddedPixels the pixels placed by the embedding (the others at random)
   * @param candidates every k tried
   * @param seconds the time it took
   */
  record LearnedLayout(int neighbours, double residualVariance, int embeddedPixels,
      List<PixelTopology.Candidate> candidates, double seconds) {}

  /** The results file. */
  record Results(Provenance provenance, String network, List<VariantResult> variants) {}

  @Override
  public void run() throws Exception {
    RunSettings run = config.run();
    ExperimentData data = ExperimentData.load(mnist, run.validationSize(), run.trainSize(),
        run.seed(), run.validationSplit());
    log.always("MNIST: %s; device %s", data.describe(), device);
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(
        config.epochs(), config.batchSize(), config.learningRate(), config.weightDecay(), true,
        config.locationRateFactor(), config.labelSmoothing(), config.emaDecay());
    List<VariantResult> results = new ArrayList<>();
    String description = "";
    RunJournal<Setup, VariantResult> journal = RunJournal.inRunFolder(writer, JOURNAL,
        new Setup(data.files().stream().map(DataFile::sha256).toList()), VariantResult.class);
    for (PixelLocations variant : config.variants()) {
      GridPriorNetwork network = new GridPriorNetwork(variant, config.form(), config.layers(),
          config.units(), config.gamma(), config.locationNoise(), config.inputDropout(),
          config.dropout(), config.hidden(), config.initScale());
      description = network.describe();
      Optional<VariantResult> recorded = journal.find(r -> r.locations() == variant);
      if (recorded.isPresent()) {
        log.always("%s: finished before the run was resumed (%s)", variant.label(), JOURNAL);
        results.add(recorded.get());
        continue;
      }
      Engine.getInstance().setRandomSeed((int) run.seed());
      String name = variant.label();
      try (Model model = Model.newInstance("grid-prior-" + name, device)) {
        long learnStart = System.nanoTime();
        PixelTopology learned = variant == PixelLocations.CORRELATION
            ? learnLayout(model.getNDManager(), data.train(), run.seed(), log) : null;
        LearnedLayout learnedLayout = learned == null ? null : new LearnedLayout(
            learned.neighbours(), learned.residualVariance(), learned.embedded(),
            learned.candidates(), (System.nanoTime() - learnStart) / 1e9);
        Block block = network.build(registry.kernel(network.kernelSpec()), learned);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32,
            new Shape(config.batchSize(), data.train().pixelsPerImage()));
        float[] initial = PixelLayout.inputLocations(block);
        List<ClassifierTrainer.Epoch> history = trainer.fit(
            model, data.train(), data.validation(), settings, log, name,
            new EpochCheckpoint<>(writer, CHECKPOINT, "variant " + name, run.seed(),
                Double.class));
        double test = trainer.accuracy(block, model.getNDManager(), data.test());
        ModelSize size = ModelSize.of(block);
        float[] trained = PixelLayout.inputLocations(block);
        PixelLayout layout = PixelLayout.compare(initial, trained, MnistData.SIDE, MnistData.SIDE);
        double seconds = history.stream().mapToDouble(ClassifierTrainer.Epoch::seconds).sum();
        results.add(new VariantResult(variant, test, history.get(history.size() - 1)
            .validationAccuracy(), paperTestAccuracy(variant), size, layout, learnedLayout,
            seconds, history));
        log.always("%s: test accuracy %.2f %% (paper %s), %d parameters, %d MACs", name,
            100 * test, percent(paperTestAccuracy(variant)), size.parameters(), size.macs());
        log.always("%s: pixel locations moved %.2f px on average; neighbour recall %.1f %% before"
            + " training, %.1f %% after; distance correlation %.3f before, %.3f after", name,
            layout.meanDisplacement(), 100 * layout.initialNeighbourRecall(),
            100 * layout.trainedNeighbourRecall(), layout.initialDistanceCorrelation(),
            layout.trainedDistanceCorrelation());
        writeLocations(variant, initial, trained);
      }
      // the results so far, so that a failure in a later variant loses nothing finished
      write(run, data, description, results);
      journal.append(results.get(results.size() - 1));
    }
    print(results);
  }

  /** The layout of {@link PixelLocations#CORRELATION}, learned from the training images only. */
  private static PixelTopology learnLayout(NDManager manager, MnistSet train, long seed,
      ProgressLog log) {
    log.always("correlation: learning the pixel layout from the pixel correlations of %d training"
        + " images", train.size());
    PixelTopology learned = PixelTopology.learn(manager, train.images(), train.size(),
        train.pixelsPerImage(), GridPriorNetwork.SPREAD, seed);
    for (PixelTopology.Candidate c : learned.candidates()) {
      log.always("correlation: k = %d neighbours connect %d pixels, residual variance %.3f",
          c.neighbours(), c.embedded(), c.residualVariance());
    }
    log.always("correlation: %d of %d pixels placed by Isomap with k = %d neighbours (residual"
        + " variance %.3f), the others at random", learned.embedded(), train.pixelsPerImage(),
        learned.neighbours(), learned.residualVariance());
    return learned;
  }

  /**
   * Writes {@code locations-<variant>.csv}: one row per layer and pixel with its grid row and column
   * and its location before and after training, for plotting the learned layout.
   */
  private void writeLocations(PixelLocations variant, float[] initial, float[] trained) {
    int pixels = MnistData.SIDE * MnistData.SIDE;
    List<List<?>> rows = new ArrayList<>();
    for (int i = 0; i < initial.length / 2; i++) {
      int pixel = i % pixels;
      rows.add(List.of(i / pixels, pixel, pixel / MnistData.SIDE, pixel % MnistData.SIDE,
          initial[2 * i], initial[2 * i + 1], trained[2 * i], trained[2 * i + 1]));
    }
    writer.writeCsv(locationsFile(variant), List.of("layer", "pixel", "row", "col",
        "initial_x", "initial_y", "trained_x", "trained_y"), rows);
  }

  private static String locationsFile(PixelLocations variant) {
    return "locations-" + variant.label() + ".csv";
  }

  /** Writes grid-prior.json, .csv and .png for the variants trained so far. */
  private void write(RunSettings run, ExperimentData data, String description,
      List<VariantResult> results) {
    Provenance provenance = Provenance.collect("mnist grid-prior", config, device.toString(),
        Map.of("split", run.seed(), "init", run.seed()), data.files());
    writer.writeJson("grid-prior.json", new Results(provenance, description, results));
    List<List<?>> rows = new ArrayList<>();
    List<Charts.Series> series = new ArrayList<>();
    // Without a validation set (the final fit on all 60,000 images) the chart shows the loss.
    boolean validated = run.validationSize() > 0;
    for (VariantResult r : results) {
      rows.add(List.of(r.locations().label(), r.testAccuracy(),
          r.validationAccuracy(), r.paperTestAccuracy(), r.size().parameters(), r.size().macs(),
          r.history().size(), r.trainingSeconds(), r.layout().meanDisplacement(),
          r.layout().trainedNeighbourRecall(), r.layout().trainedDistanceCorrelation()));
      series.add(new Charts.Series(r.locations().label(),
          r.history().stream().mapToDouble(ClassifierTrainer.Epoch::epoch).toArray(),
          r.history().stream().mapToDouble(
              e -> validated ? 100 * e.validationAccuracy() : e.loss()).toArray(), null));
    }
    writer.writeCsv("grid-prior.csv", List.of("locations", "test_accuracy",
        "validation_accuracy", "paper_test_accuracy", "parameters", "macs", "epochs",
        "training_seconds", "location_displacement", "neighbour_recall", "distance_correlation"),
        rows);
    String layers = switch (config.form()) {
      case KERNEL -> config.layers() + " RBF layers (gamma=" + config.gamma() + ", h="
          + config.units() + ")";
      case MASKED -> "RBF-masked layer (gamma=" + config.gamma() + ", "
          + (long) config.layers() * config.units() + " units)";
    };
    String title = "Table 1: " + layers + (config.hidden() > 0 ? ", hidden " + config.hidden() : "");
    Charts.writeLineChart(writer, "grid-prior.png", title, "epoch",
        validated ? "validation accuracy (%)" : "training loss", false, series);
  }

  /** {@code 99.03 %}, or {@code -} for NaN. */
  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
  }

  /** Prints the table and the files written. */
  private void print(List<VariantResult> results) {
    terminal.out().println(
        "locations     test accuracy  paper    parameters  MACs       neighbour recall");
    for (VariantResult r : results) {
      terminal.out().printf(Locale.ROOT, "%-12s  %11.2f %%  %-7s  %10d  %-9d  %5.1f %%%n",
          r.locations().label(), 100 * r.testAccuracy(), percent(r.paperTestAccuracy()),
          r.size().parameters(), r.size().macs(), 100 * r.layout().trainedNeighbourRecall());
    }
    String files = Stream.concat(Stream.of("grid-prior.json", "grid-prior.csv", "grid-prior.png"),
            results.stream().map(r -> locationsFile(r.locations())))
        .map(name -> writer.folder().resolve(name).toString())
        .collect(Collectors.joining(", "));
    terminal.out().println("Wrote " + files);
    terminal.out().flush();
  }
}
