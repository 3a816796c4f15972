package org.kernelnet.apps.mnist;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.inject.ComponentSpecs;
import org.kernelnet.apps.mnist.GridPriorResults.LearnedLayout;
import org.kernelnet.apps.mnist.GridPriorResults.Variant;
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
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.report.RunJournal;
import org.kernelnet.apps.train.EpochCheckpoint;

/**
 * Trains the grid-prior network ({@link GridPriorNetwork}) once per pixel-location variant with the
 * same seed, selects nothing on the test set, and hands the {@link GridPriorResults} to the
 * reporters bound in {@link MnistModule}: each variant's test accuracy next to the paper's (Table
 * 1), and how much of the image's layout its pixel locations hold ({@link PixelLayout}). The
 * locations themselves are written per pixel to {@code locations-<variant>.csv} as each variant
 * ends, since a resumed run no longer has those of the variants finished before.
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
  private final ProgressLog log;
  private final ClassifierTrainer trainer;
  private final Device device;
  private final ResultsWriter writer;
  private final Set<Reporter<GridPriorResults>> reporters;

  @Inject
  GridPriorApp(GridPriorConfig config, KernelnetRegistry registry, MnistSource mnist,
      ProgressLog log, ClassifierTrainer trainer, Device device, ResultsWriter writer,
      Set<Reporter<GridPriorResults>> reporters) {
    this.config = config;
    this.registry = registry;
    this.mnist = mnist;
    this.log = log;
    this.trainer = trainer;
    this.device = device;
    this.writer = writer;
    this.reporters = reporters;
  }

  @Override
  public void run() throws Exception {
    if (config.kernel() != null) {
      ComponentSpecs.kernel(registry, "--kernel", config.kernel()); // a bad one fails first
    }
    RunSettings run = config.run();
    ExperimentData data = ExperimentData.load(mnist, run.validationSize(), run.trainSize(),
        run.seed(), run.validationSplit());
    log.always("MNIST: %s; device %s", data.describe(), device);
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(
        config.epochs(), config.batchSize(), config.learningRate(), config.weightDecay(), true,
        config.locationRateFactor(), config.labelSmoothing(), config.emaDecay());
    List<Variant> results = new ArrayList<>();
    String description = "";
    Set<String> kernelSpecs = new LinkedHashSet<>();
    RunJournal<Setup, Variant> journal = RunJournal.inRunFolder(writer, JOURNAL,
        new Setup(data.files().stream().map(DataFile::sha256).toList()), Variant.class);
    for (PixelLocations variant : config.variants()) {
      GridPriorNetwork network = new GridPriorNetwork(variant, config.form(), config.layers(),
          config.units(), config.gamma(), config.locationNoise(), config.inputDropout(),
          config.dropout(), config.hidden(), config.initScale(), config.kernel());
      description = network.describe();
      kernelSpecs.add(network.kernelSpec());
      Optional<Variant> recorded = journal.find(r -> r.locations() == variant);
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
        results.add(new Variant(variant, test, history.get(history.size() - 1)
            .validationAccuracy(), paperTestAccuracy(variant), size, layout, learnedLayout,
            seconds, history));
        log.always("%s: test accuracy %.2f %% (paper %s), %d parameters, %d MACs", name,
            100 * test, GridPriorResults.percent(paperTestAccuracy(variant)), size.parameters(),
            size.macs());
        log.always("%s: pixel locations moved %.2f px on average; neighbour recall %.1f %% before"
            + " training, %.1f %% after; distance correlation %.3f before, %.3f after", name,
            layout.meanDisplacement(), 100 * layout.initialNeighbourRecall(),
            100 * layout.trainedNeighbourRecall(), layout.initialDistanceCorrelation(),
            layout.trainedDistanceCorrelation());
        writeLocations(variant, initial, trained);
      }
      journal.append(results.get(results.size() - 1));
    }
    Provenance provenance = Provenance.collect("mnist grid-prior", config, device.toString(),
        Map.of("split", run.seed(), "init", run.seed()), data.files())
        .withComponents(registry, kernelSpecs, List.of());
    Reporter.reportAll(reporters, new GridPriorResults(provenance, description, results));
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
   * Writes {@code locations-<variant>.csv}: one row per layer and pixel with its grid row and
   * column and its location before and after training, for plotting the learned layout.
   */
  private void writeLocations(PixelLocations variant, float[] initial, float[] trained) {
    int pixels = MnistData.SIDE * MnistData.SIDE;
    List<List<?>> rows = new ArrayList<>();
    for (int i = 0; i < initial.length / 2; i++) {
      int pixel = i % pixels;
      rows.add(List.of(i / pixels, pixel, pixel / MnistData.SIDE, pixel % MnistData.SIDE,
          initial[2 * i], initial[2 * i + 1], trained[2 * i], trained[2 * i + 1]));
    }
    writer.writeCsv(GridPriorResults.locationsFile(variant), List.of("layer", "pixel", "row",
        "col", "initial_x", "initial_y", "trained_x", "trained_y"), rows);
  }
}
