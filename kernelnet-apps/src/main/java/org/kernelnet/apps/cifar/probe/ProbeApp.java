package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cifar.data.CifarSet;
import org.kernelnet.apps.cifar.resnet.CifarResNet;
import org.kernelnet.apps.cifar.resnet.PretrainedResNets;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.train.EpochCheckpoint;
import org.kernelnet.djl.nn.CentreOfMass;

/**
 * {@code kernelnet cifar probe}: section 3.4 of Mueller et al. 2018. Loads a pretrained CIFAR-10
 * ResNet, reports the full network's test accuracy (the sanity check), then for each number of kept
 * layers {@code L} extracts the frozen trunk's features once per image (cached), trains a {@link
 * KernelHead} on the training features (and those of the other {@link TrainingView}s: the mirrored
 * training images unless disabled, and {@code --crops} sets of random crops) and reports its test
 * accuracy and its Figure 7 map. Only one cut's features are held at a time.
 *
 * <p>The heads are trained by the family's {@link HeadTrainer}; the results ({@link ProbeResults})
 * go to the family's reporters, which write {@code results.json}, {@code table2.md}, {@code
 * map-coordinates.csv} and {@code map-resnet<depth>-L<kept>.png} ({@link ProbeFiles}) and print
 * Table 2 ({@link ProbeTable}).
 *
 * <p>Resumable ({@code --resume}): each head is checkpointed at the end of every epoch in its own
 * {@code checkpoint-L<kept>.bin} ({@link EpochCheckpoint}, with its best epoch and batch order),
 * so a resumed run continues the head in training from its last completed epoch and takes the
 * finished heads' final state from their checkpoints instead of training them again; everything
 * after training is computed again. The checkpoints stay in the folder.
 */
final class ProbeApp implements Application {
  static final String COMMAND = "cifar probe";

  /** The checkpoint of the head on the first {@code kept} layers. */
  static String checkpointFile(int kept) {
    return "checkpoint-L" + kept + ".bin";
  }

  private final ProbeConfig config;
  private final DataDirectory dataDirectory;
  private final FeatureCache cache;
  private final Kernel kernel;
  private final KernelnetRegistry registry;
  private final Provider<KernelHead> newHead;
  private final HeadTrainer trainer;
  private final ProgressLog log;
  private final Device device;
  private final ResultsWriter writer;
  private final Set<Reporter<ProbeResults>> reporters;

  @Inject
  ProbeApp(ProbeConfig config, DataDirectory dataDirectory, FeatureCache cache, Kernel kernel,
      KernelnetRegistry registry, Provider<KernelHead> newHead, HeadTrainer trainer,
      ProgressLog log, Device device, ResultsWriter writer,
      Set<Reporter<ProbeResults>> reporters) {
    this.config = requireNonNull(config, "config is null");
    this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.kernel = requireNonNull(kernel, "kernel is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.newHead = requireNonNull(newHead, "newHead is null");
    this.trainer = requireNonNull(trainer, "trainer is null");
    this.log = requireNonNull(log, "log is null");
    this.device = requireNonNull(device, "device is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.reporters = requireNonNull(reporters, "reporters is null");
  }

  @Override
  public void run() throws Exception {
    Engine.getInstance().setRandomSeed((int) config.seed());
    ProbeData.Sets sets = loadData();
    List<ProbeData.ImageSet> tests = new ArrayList<>();
    tests.add(sets.test());
    sets.lossless().ifPresent(tests::add);
    int trainImages = sets.train().images().size();
    if (config.validation() >= trainImages) {
      throw new ConfigurationException("--validation " + config.validation()
          + " must be smaller than the " + trainImages + " training images");
    }
    String relative = PretrainedResNets.relativePath(config.depth());
    Path weights = dataDirectory.find(relative).orElseThrow(() -> new FileNotFoundException(
        dataDirectory.missingMessage(relative, PretrainedResNets.howToGet(config.depth()))));
    DataFile weightsFile = DataFile.of("pretrained-resnet" + config.depth(), weights);
    Map<String, String> testLabels = new LinkedHashMap<>();
    tests.forEach(t -> testLabels.put(t.id(), t.label()));
    List<Table2.Row> rows = new ArrayList<>();
    List<ProbeResults.Head> heads = new ArrayList<>();
    List<ProbeResults.MapPoints> points = new ArrayList<>();
    List<ProbeResults.Figure> figures = new ArrayList<>();
    Map<String, Double> fullAccuracy = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager(device)) {
      CifarResNet network = PretrainedResNets.load(weights, config.depth(), manager);
      log.always("loaded ResNet-%d from %s (%s)", config.depth(), weights, device);
      TrunkExtractor full = new TrunkExtractor(network, 1, config.featureBatch());
      for (ProbeData.ImageSet test : tests) {
        FeatureCache.Lookup logits =
            features(full, weightsFile, config.depth(), 1, test, TrainingView.IMAGES, manager);
        double accuracy =
            Predictions.accuracy(argMax(logits.features()), labels(test.images()));
        fullAccuracy.put(test.label(), accuracy);
        log.always("full ResNet-%d on the %s: %s", config.depth(), test.label(),
            Table2.percent(accuracy));
      }
      rows.add(new Table2.Row("ResNet-" + config.depth(), config.depth(), 0, fullAccuracy,
          Table2.paper(config.depth(), config.depth())));
      int[] trainLabels = labels(sets.train().images());
      int[][] split = split(trainImages, config.validation(), config.seed());
      for (int kept : config.keep()) {
        int pool = config.cellsPerSide(kept);
        TrunkExtractor trunk =
            new TrunkExtractor(network.truncate(kept), pool, config.featureBatch());
        Map<String, String> cacheOutcomes = new LinkedHashMap<>();
        // The first view is the images themselves, the rest are the extra views trained on.
        List<FeatureCache.Features> viewFeatures = new ArrayList<>();
        for (TrainingView view : config.trainingViews()) {
          FeatureCache.Lookup lookup =
              features(trunk, weightsFile, kept, pool, sets.train(), view, manager);
          cacheOutcomes.put(sets.train().id() + view.suffix(), outcome(lookup));
          viewFeatures.add(lookup.features());
        }
        FeatureCache.Features train = viewFeatures.get(0);
        List<FeatureCache.Features> views = viewFeatures.subList(1, viewFeatures.size());
        Standardizer standardizer = Standardizer.of(train, split[0]);
        KernelHead head = newHead.get();
        String name = "ResNet-" + config.depth() + " L=" + kept;
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Integer> drawn = new LinkedHashMap<>();
        String png = "map-resnet" + config.depth() + "-L" + kept + ".png";
        HeadTrainer.Result result;
        try (Model model = Model.newInstance("cifar-probe-L" + kept, device)) {
          result = trainer.train(model, head, train, views, trainLabels, split[0],
              split[1], standardizer, config, config.seed() + kept, log, name,
              new EpochCheckpoint<>(writer, checkpointFile(kept), name, config.seed() + kept,
                  HeadTrainer.Scores.class));
          float[] grid = head.gridLocations().toFloatArray();
          for (ProbeData.ImageSet test : tests) {
            FeatureCache.Lookup f =
                features(trunk, weightsFile, kept, pool, test, TrainingView.IMAGES, manager);
            cacheOutcomes.put(test.id(), outcome(f));
            int[] all = new int[test.images().size()];
            Arrays.setAll(all, i -> i);
            Predictions p = head.predict(model.getNDManager(), f.features(), all, standardizer);
            int[] labels = labels(test.images());
            double a = p.accuracy(labels);
            accuracy.put(test.label(), a);
            log.always("%s head on the %s: %s", name, test.label(), Table2.percent(a));
            float[] centres = centres(p.activations(), grid, config.kernelUnits(), manager);
            ProbeResults.MapPoints map =
                new ProbeResults.MapPoints(kept, test.id(), labels, p.predictions(), centres);
            points.add(map);
            if (test == sets.test()) {
              figures.add(new ProbeResults.Figure(png, "ResNet-" + config.depth() + ", " + kept
                  + " layers kept + kernel head: " + test.label() + ", " + Table2.percent(a),
                  config.gridExtent() / 2, map));
              drawn.put(test.id(), EmbeddingMap.pointsDrawn(centres, labels));
            }
          }
        }
        rows.add(new Table2.Row("ResNet-" + config.depth() + " + kernel head", kept, 3, accuracy,
            Table2.paper(config.depth(), kept)));
        heads.add(new ProbeResults.Head(kept, trunk.width(), accuracy, result, cacheOutcomes, png,
            drawn));
      }
    }
    List<DataFile> data = new ArrayList<>();
    data.add(weightsFile);
    data.add(sets.train().source());
    tests.forEach(t -> data.add(t.source()));
    Provenance provenance = Provenance.collect(COMMAND, config.describe(), device.toString(),
        Map.of("seed", config.seed()), data)
        .withComponents(registry, List.of(kernel.spec()), List.of());
    ProbeResults.Summary summary = new ProbeResults.Summary(provenance,
        sets.format().label(), testLabels, fullAccuracy, rows, heads, kernel.spec(),
        log.elapsedSeconds());
    Reporter.reportAll(reporters, new ProbeResults(summary, points, figures));
  }

  private ProbeData.Sets loadData() throws IOException {
    ProbeData.Sets sets = ProbeData.load(dataDirectory, config);
    log.always("data (%s): %s; %s%s", sets.format().label(), sets.train().label(),
        sets.test().label(),
        sets.lossless().map(l -> "; " + l.label()).orElse(
            "; the lossless first 1,000 test images are not in the data directory"));
    return sets;
  }

  private FeatureCache.Lookup features(TrunkExtractor extractor, DataFile weights, int kept,
      int pool, ProbeData.ImageSet set, TrainingView view, NDManager manager) {
    FeatureCache.Key key = new FeatureCache.Key(config.depth(), kept, pool, weights.sha256(),
        set.id() + view.suffix(), set.fingerprint());
    String what = "ResNet-" + config.depth() + (kept == config.depth() ? " (full)" : " L=" + kept)
        + " features of the " + view.description() + set.label();
    FeatureCache.Lookup lookup = cache.get(key,
        () -> extractor.extract(view.images(set.images()), view.mirrored(), manager, log, what));
    if (lookup.outcome() == FeatureCache.Outcome.DISK) {
      log.always("%s: read from the cache %s", what, cache.file(key).orElseThrow());
    }
    return lookup;
  }

  private static String outcome(FeatureCache.Lookup lookup) {
    return lookup.outcome().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Eq. 10 for every row of {@code activations [N, units]}: {@code [N, 2]} row-major. */
  private static float[] centres(float[] activations, float[] grid, int units, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray a = scope.create(activations, new Shape(activations.length / units, units));
      NDArray v = scope.create(grid, new Shape(units, 2));
      return CentreOfMass.of(a, v).toFloatArray();
    }
  }

  private static int[] argMax(FeatureCache.Features logits) {
    int[] out = new int[logits.rows()];
    int w = logits.width();
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      for (int j = 1; j < w; j++) {
        if (logits.get(i, j) > logits.get(i, best)) {
          best = j;
        }
      }
      out[i] = best;
    }
    return out;
  }

  private static int[] labels(CifarSet set) {
    int[] out = new int[set.size()];
    Arrays.setAll(out, set::label);
    return out;
  }

  /**
   * A seeded split of {@code 0..n-1}: a Fisher-Yates shuffle by {@code new Random(seed)}, the first
   * {@code validation} indices for validation; both parts sorted.
   *
   * @return {@code {trainRows, validationRows}}
   */
  static int[][] split(int n, int validation, long seed) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] val = Arrays.copyOfRange(order, 0, validation);
    int[] train = Arrays.copyOfRange(order, validation, n);
    Arrays.sort(val);
    Arrays.sort(train);
    return new int[][] {train, val};
  }
}
