package org.kernelnet.apps.embed;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.train.BatchLoss;
import org.kernelnet.apps.train.EpochBatches;
import org.kernelnet.apps.train.EpochCheckpoint;
import org.kernelnet.apps.train.EpochLine;
import org.kernelnet.apps.train.EpochLoss;
import org.kernelnet.apps.train.EpochResult;
import org.kernelnet.apps.train.EpochTraining;
import org.kernelnet.apps.train.StepLine;
import org.kernelnet.apps.train.TrainingProgress;
import org.kernelnet.djl.complexity.ComplexityReport;
import org.kernelnet.djl.loss.SigmoidCrossEntropy;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;
import org.kernelnet.djl.optim.ResumableAdam;

/**
 * Trains the {@link EmbeddingNetwork} on MNIST with Adam, then embeds the test set by a forward pass
 * only and writes:
 *
 * <ul>
 *   <li>{@code map-scatter.png}: the test digits at their centre of mass, coloured by class;
 *   <li>{@code map-digits.png}: the same map with non-overlapping digit thumbnails;
 *   <li>{@code traversal.png} (autoencoder only): the decoder's images of a Gaussian bump moved over
 *       the window holding 90 % of the test points (5th to 95th percentile per axis), the bump's
 *       width and height matched to the mean spread and peak of the real test activations;
 *   <li>{@code test-points.csv} / {@code .json}: every test point's index, label, position (and
 *       predicted class for the classifier);
 *   <li>{@code results.json}: provenance, parameters and MACs, the k-NN score of the map at
 *       initialisation and after training, test accuracy or loss, and the per-epoch history.
 * </ul>
 *
 * <p>The map score is k-NN accuracy ({@link KNearestNeighbours}) of the test positions, fitted on the
 * positions of {@code knnFitSize} training examples; during training the same score on the
 * validation set (fitted on at most 5000 training positions) is logged each epoch.
 *
 * <p>Resumable ({@code --resume}): training is checkpointed at the end of every epoch in {@value
 * #CHECKPOINT} ({@link EpochCheckpoint}) and a resumed run continues from its last completed
 * epoch.
 */
final class EmbedApp implements Application {
  /** The training state at the end of the last completed epoch. */
  static final String CHECKPOINT = "checkpoint.bin";
  private static final int EVAL_BATCH = 500;
  private static final int PROGRESS_FIT = 5000;

  private final EmbedConfig config;
  private final MnistSource mnist;
  private final EmbeddingNetwork network;
  private final Device device;
  private final Terminal terminal;
  private final ProgressLog log;
  private final ResultsWriter writer;
  private final MapPlots plots;

  @Inject
  EmbedApp(EmbedConfig config, MnistSource mnist, EmbeddingNetwork network, Device device,
      Terminal terminal, ProgressLog log, ResultsWriter writer, MapPlots plots) {
    this.config = config;
    this.mnist = mnist;
    this.network = network;
    this.device = device;
    this.terminal = terminal;
    this.log = log;
    this.writer = writer;
    this.plots = plots;
  }

  /** One epoch's progress. */
  record EpochRecord(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
      double validationKnn, double seconds) {}

  /** A set's positions and outputs. */
  private record Embedded(float[] centres, int[] predicted, double loss, int missing,
      double meanPeak, double meanSpread) {}

  @Override
  public void run() throws IOException, TranslateException {
    Engine.getInstance().setRandomSeed((int) config.seed());
    boolean classifier = config.objective() == Objective.CLASSIFIER;

    List<DataFile> dataFiles = mnist.files();
    MnistSet.Split split = mnist.train().split(config.validationSize(), config.seed());
    MnistSet train = split.train().head(config.trainSize());
    MnistSet validation = split.validation();
    MnistSet test = mnist.test().head(config.testSize());
    MnistSet knnFit = train.head(config.knnFitSize());
    MnistSet progressFit = train.head(Math.min(PROGRESS_FIT, train.size()));
    log.always("MNIST: %d training, %d validation, %d test examples; %s on %s",
        train.size(), validation.size(), test.size(), config.objective().label(), device);

    Loss loss = classifier ? new SoftmaxCrossEntropy() : new SigmoidCrossEntropy();
    TrainingProgress<ValidationScores> progress =
        new TrainingProgress<>(config.epochs(), EpochLoss.MEAN_OVER_EXAMPLES);
    ResumableAdam adam = ResumableAdam.builder()
        .optLearningRateTracker(Tracker.fixed((float) config.learningRate())).build();
    EpochCheckpoint<ValidationScores> checkpoint = new EpochCheckpoint<>(writer, CHECKPOINT,
        "embed", config.seed(), ValidationScores.class);
    try (Model model = Model.newInstance("embed-mnist", device)) {
      model.setBlock(network.block());
      DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(loss)
          .optDevices(new Device[] {device})
          .optOptimizer(adam)
          .addTrainingListeners(new StepLine(progress, log, ""),
              new EpochLine<>(progress, log, "", this::describe), checkpoint);
      try (Trainer trainer = model.newTrainer(trainingConfig)) {
        trainer.initialize(network.inputShape());
        ComplexityReport complexity = ComplexityReport.of(network.block());
        log.always("network %s: %,d free parameters, %,d MACs per example",
            describe(config), complexity.total().freeParameters(),
            complexity.total().nonZeroWeights());

        KNearestNeighbours.Score untrained = mapScore(model, network, loss, knnFit, test, log);
        log.always("untrained map: %d-NN test accuracy %.2f %%", config.knnK(),
            100 * untrained.accuracy());

        if (checkpoint.begin(network.block(), adam, null, progress) > 0) {
          log.always("resumed after epoch %d of %d from %s", progress.epoch(), config.epochs(),
              CHECKPOINT);
        }
        List<EpochRecord> history = train(model, trainer, progress, network, loss, train,
            validation, progressFit, log);
        double trainSeconds = history.stream().mapToDouble(EpochRecord::seconds).sum();

        Embedded fitEmbedded = embed(model, network, loss, knnFit, "training set", log);
        // New points need no re-fitting: the test set is embedded by a forward pass only.
        Embedded testEmbedded = embed(model, network, loss, test, "test set", log);
        KNearestNeighbours.Score trained = KNearestNeighbours.fit(
                config.knnK(), fitEmbedded.centres(), labels(knnFit))
            .score(testEmbedded.centres(), labels(test));
        double testAccuracy = classifier ? accuracy(testEmbedded.predicted(), labels(test)) : Double.NaN;
        if (classifier) {
          log.always("test accuracy %.2f %%, map %d-NN test accuracy %.2f %% (untrained %.2f %%)",
              100 * testAccuracy, config.knnK(), 100 * trained.accuracy(), 100 * untrained.accuracy());
        } else {
          log.always("test reconstruction loss %.4f, map %d-NN test accuracy %.2f %% (untrained"
              + " %.2f %%)", testEmbedded.loss(), config.knnK(), 100 * trained.accuracy(),
              100 * untrained.accuracy());
        }

        Map<String, Path> files = writeOutputs(model, network, test, testEmbedded, trained);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("provenance", Provenance.collect("embed mnist", config, device.toString(),
            Map.of("seed", config.seed()), dataFiles));
        results.put("objective", config.objective().label());
        results.put("network", describe(config));
        results.put("freeParameters", complexity.total().freeParameters());
        results.put("denseEquivalentParameters", complexity.total().denseEquivalentParameters());
        results.put("macsPerExample", complexity.total().nonZeroWeights());
        results.put("layers", complexity.layers());
        results.put("examples", Map.of("train", train.size(), "validation", validation.size(),
            "test", test.size(), "knnFit", knnFit.size()));
        results.put("testAccuracy", testAccuracy);
        results.put("testLoss", testEmbedded.loss());
        results.put("knnUntrained", untrained);
        results.put("knnUntrainedAccuracy", untrained.accuracy());
        results.put("knnTrained", trained);
        results.put("knnTrainedAccuracy", trained.accuracy());
        results.put("testPointsWithoutPosition", testEmbedded.missing());
        results.put("testEmbedding", "forward pass of the trained encoder (Eq. 9 activations, Eq. 10"
            + " centre of mass); nothing is re-fitted for new points");
        results.put("trainingSeconds", trainSeconds);
        results.put("totalSeconds", log.elapsedSeconds());
        results.put("history", history);
        results.put("files", files);
        Path resultsFile = writer.writeJson("results.json", results);

        terminal.out().printf(java.util.Locale.ROOT, "%s %s: %s%n", "embed mnist",
            config.objective().label(), classifier
                ? String.format(java.util.Locale.ROOT, "test accuracy %.2f %%", 100 * testAccuracy)
                : String.format(java.util.Locale.ROOT, "test loss %.4f", testEmbedded.loss()));
        terminal.out().printf(java.util.Locale.ROOT,
            "map %d-NN test accuracy: trained %.2f %%, untrained %.2f %%%n",
            config.knnK(), 100 * trained.accuracy(), 100 * untrained.accuracy());
        terminal.out().printf(java.util.Locale.ROOT, "parameters %,d, MACs per example %,d%n",
            complexity.total().freeParameters(), complexity.total().nonZeroWeights());
        files.values().forEach(p -> terminal.out().println("wrote " + p));
        terminal.out().println("wrote " + resultsFile);
        terminal.out().flush();
      }
    }
  }

  /** What is measured on the validation set after each epoch. */
  private record ValidationScores(double loss, double accuracy, double knn) {}

  private List<EpochRecord> train(Model model, Trainer trainer,
      TrainingProgress<ValidationScores> progress, EmbeddingNetwork network, Loss loss,
      MnistSet train, MnistSet validation, MnistSet progressFit, ProgressLog log)
      throws IOException, TranslateException {
    boolean autoencoder = config.objective() == Objective.AUTOENCODER;
    ArrayDataset dataset = train.toDataset(model.getNDManager(), config.batchSize(), true);
    EpochTraining.<ValidationScores>builder()
        .setBatches(EpochBatches.of(dataset, config.batchSize()))
        .optLoss(autoencoder ? BatchLoss.reconstruction() : BatchLoss.supervised())
        .setEvaluation(epoch -> {
          Embedded fit = embed(model, network, loss, progressFit, "training sample", log);
          Embedded val = embed(model, network, loss, validation, "validation set", log);
          double knn = KNearestNeighbours.fit(config.knnK(), fit.centres(), labels(progressFit))
              .score(val.centres(), labels(validation)).accuracy();
          return new ValidationScores(val.loss(),
              autoencoder ? Double.NaN : accuracy(val.predicted(), labels(validation)), knn);
        })
        .build()
        .fit(trainer, progress);
    return progress.history().stream().map(e -> new EpochRecord(e.epoch(), e.loss(),
        e.evaluation().loss(), e.evaluation().accuracy(), e.evaluation().knn(), e.seconds()))
        .toList();
  }

  /** The rest of an epoch's progress line. */
  private String describe(EpochResult<ValidationScores> epoch) {
    ValidationScores scores = epoch.evaluation();
    return String.format(java.util.Locale.ROOT, "train loss %.4f, validation loss %.4f%s, map"
        + " %d-NN %.2f %% (%.0f s)", epoch.loss(), scores.loss(),
        config.objective() == Objective.AUTOENCODER ? ""
            : String.format(java.util.Locale.ROOT, ", accuracy %.2f %%", 100 * scores.accuracy()),
        config.knnK(), 100 * scores.knn(), epoch.seconds());
  }

  /** The untrained network's map score: the same protocol as after training. */
  private KNearestNeighbours.Score mapScore(Model model, EmbeddingNetwork network, Loss loss,
      MnistSet fit, MnistSet test, ProgressLog log) {
    Embedded fitted = embed(model, network, loss, fit, "untrained, training set", log);
    Embedded tested = embed(model, network, loss, test, "untrained, test set", log);
    return KNearestNeighbours.fit(config.knnK(), fitted.centres(), labels(fit))
        .score(tested.centres(), labels(test));
  }

  /** A forward pass over a set in batches: positions, predicted classes, mean loss, statistics. */
  private Embedded embed(
      Model model, EmbeddingNetwork network, Loss loss, MnistSet set, String name, ProgressLog log) {
    int n = set.size();
    int units = network.architecture().units();
    int grid = network.architecture().grid();
    int pixels = set.pixelsPerImage();
    float[] centres = new float[2 * n];
    int[] predicted = new int[n];
    double lossSum = 0;
    double peakSum = 0;
    double spreadSum = 0;
    int missing = 0;
    boolean autoencoder = config.objective() == Objective.AUTOENCODER;
    for (int from = 0; from < n; from += EVAL_BATCH) {
      int b = Math.min(EVAL_BATCH, n - from);
      try (NDManager scope = model.getNDManager().newSubManager()) {
        ParameterStore parameters = new ParameterStore(scope, false);
        NDArray x = scope.create(
            Arrays.copyOfRange(set.images(), from * pixels, (from + b) * pixels), new Shape(b, pixels));
        NDArray activations = network.embed(parameters, x, false);
        NDArray logits = network.decode(parameters, activations, false);
        NDArray target;
        if (autoencoder) {
          target = x;
        } else {
          float[] y = new float[b];
          for (int i = 0; i < b; i++) {
            y[i] = set.label(from + i);
          }
          target = scope.create(y);
          long[] argmax = logits.argMax(1).toLongArray();
          for (int i = 0; i < b; i++) {
            predicted[from + i] = (int) argmax[i];
          }
        }
        lossSum += loss.evaluate(new NDList(target), new NDList(logits)).getFloat() * b;
        float[] c = network.centres(activations).toFloatArray();
        System.arraycopy(c, 0, centres, 2 * from, 2 * b);
        float[] a = activations.toFloatArray();
        log.throttled("embedding %s: %d/%d", name, from + b, n);
        for (int i = 0; i < b; i++) {
          float row = c[2 * i];
          float col = c[2 * i + 1];
          if (!Float.isFinite(row) || !Float.isFinite(col)) {
            missing++;
            continue;
          }
          double total = 0;
          double second = 0;
          double peak = 0;
          for (int k = 0; k < units; k++) {
            double ak = a[i * units + k];
            double dr = k / grid - (grid - 1) / 2.0 - row;
            double dc = k % grid - (grid - 1) / 2.0 - col;
            total += ak;
            second += ak * (dr * dr + dc * dc);
            peak = Math.max(peak, ak);
          }
          peakSum += peak;
          spreadSum += Math.sqrt(second / total / 2);
        }
      }
    }
    int found = n - missing;
    return new Embedded(centres, predicted, lossSum / n, missing,
        found == 0 ? Double.NaN : peakSum / found, found == 0 ? Double.NaN : spreadSum / found);
  }

  private Map<String, Path> writeOutputs(Model model, EmbeddingNetwork network, MnistSet test,
      Embedded embedded, KNearestNeighbours.Score score) {
    boolean classifier = config.objective() == Objective.CLASSIFIER;
    Map<String, Path> files = new LinkedHashMap<>();
    int[] labels = labels(test);
    float[] c = embedded.centres();

    List<String> header = new ArrayList<>(List.of("index", "label", "row", "col"));
    if (classifier) {
      header.add("predicted");
    }
    List<List<?>> rows = new ArrayList<>();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      List<Object> row = new ArrayList<>(List.of(i, labels[i], c[2 * i], c[2 * i + 1]));
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("index", i);
      point.put("label", labels[i]);
      point.put("row", Float.isFinite(c[2 * i]) ? c[2 * i] : null);
      point.put("col", Float.isFinite(c[2 * i + 1]) ? c[2 * i + 1] : null);
      if (classifier) {
        row.add(embedded.predicted()[i]);
        point.put("predicted", embedded.predicted()[i]);
      }
      rows.add(row);
      points.add(point);
    }
    files.put("pointsCsv", writer.writeCsv("test-points.csv", header, rows));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("objective", config.objective().label());
    json.put("grid", config.grid());
    json.put("coordinates", "centre of mass (Eq. 10) in grid cells, (0, 0) at the grid centre;"
        + " row downwards, col to the right; null without a position");
    json.put("points", points);
    files.put("pointsJson", writer.writeJson("test-points.json", json));

    String title = String.format(java.util.Locale.ROOT,
        "MNIST test digits at their centre of mass (%s, %d-NN accuracy %.1f %%)",
        config.objective().label(), config.knnK(), 100 * score.accuracy());
    files.put("scatterPng",
        writer.writePng("map-scatter.png", plots.scatter(c, labels, title, 1000, 860)));
    MapPlots.Thumbnails thumbnails = plots.thumbnails(
        c, labels, test.images(), test.rows(), 1400, config.seed());
    files.put("digitsPng", writer.writePng("map-digits.png", thumbnails.image()));
    if (!classifier) {
      files.put("traversalPng",
          writer.writePng("traversal.png", traversal(model, network, embedded)));
    }
    return files;
  }

  /** Figure 6: decoded Gaussian bumps over the window holding 90 % of the test points. */
  private java.awt.image.BufferedImage traversal(
      Model model, EmbeddingNetwork network, Embedded embedded) {
    int grid = network.architecture().grid();
    int steps = config.traversalSteps();
    double offset = (grid - 1) / 2.0;
    double[] rowRange = percentiles(embedded.centres(), 0);
    double[] colRange = percentiles(embedded.centres(), 1);
    double[] rowSteps = GaussianBump.steps(rowRange[0] + offset, rowRange[1] + offset, steps);
    double[] colSteps = GaussianBump.steps(colRange[0] + offset, colRange[1] + offset, steps);
    double sigma = Double.isFinite(embedded.meanSpread()) && embedded.meanSpread() > 0
        ? embedded.meanSpread() : 1;
    double height = Double.isFinite(embedded.meanPeak()) ? embedded.meanPeak() : 1;
    int units = grid * grid;
    float[] bumps = new float[steps * steps * units];
    for (int i = 0; i < steps; i++) {
      for (int j = 0; j < steps; j++) {
        float[] bump = GaussianBump.of(grid, grid, rowSteps[i], colSteps[j], sigma, height);
        System.arraycopy(bump, 0, bumps, (i * steps + j) * units, units);
      }
    }
    float[] tiles;
    try (NDManager scope = model.getNDManager().newSubManager()) {
      NDArray input = scope.create(bumps, new Shape((long) steps * steps, units));
      NDArray logits = network.decode(new ParameterStore(scope, false), input, false);
      tiles = logits.getNDArrayInternal().sigmoid().toFloatArray();
    }
    List<String> caption = List.of(
        String.format(java.util.Locale.ROOT, "decoder(Gaussian bump on the %dx%d grid, sigma %.2f,"
            + " height %.3f)", grid, grid, sigma, height),
        String.format(java.util.Locale.ROOT, "centre row %.1f..%.1f (down), col %.1f..%.1f (right)",
            rowSteps[0], rowSteps[steps - 1], colSteps[0], colSteps[steps - 1]));
    return plots.mosaic(tiles, steps, MnistData.SIDE, caption);
  }

  /** The 5th and 95th percentile of coordinate {@code axis} of the finite positions. */
  private static double[] percentiles(float[] centres, int axis) {
    double[] values = new double[centres.length / 2];
    int m = 0;
    for (int i = 0; i < values.length; i++) {
      float v = centres[2 * i + axis];
      if (Float.isFinite(v)) {
        values[m++] = v;
      }
    }
    if (m == 0) {
      return new double[] {-1, 1};
    }
    values = Arrays.copyOf(values, m);
    Arrays.sort(values);
    return new double[] {values[(int) Math.floor(0.05 * (m - 1))], values[(int) Math.ceil(0.95 * (m - 1))]};
  }

  private static int[] labels(MnistSet set) {
    int[] labels = new int[set.size()];
    Arrays.setAll(labels, set::label);
    return labels;
  }

  private static double accuracy(int[] predicted, int[] labels) {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  private static String describe(EmbedConfig config) {
    StringBuilder sb = new StringBuilder("784");
    config.hidden().forEach(w -> sb.append('-').append(w));
    sb.append("-K").append(config.grid() * config.grid());
    config.decoder().forEach(w -> sb.append('-').append(w));
    sb.append('-').append(config.objective() == Objective.CLASSIFIER ? 10 : 784);
    return sb.toString();
  }
}
