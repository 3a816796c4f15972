package org.kernelnet.apps.embed;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.djl.complexity.ComplexityReport;

/**
 * Trains the {@link EmbeddingNetwork} on MNIST with the family's {@link EmbedTrainer}, then embeds
 * the test set by a forward pass only and hands the {@link EmbedResults} to the family's reporters
 * ({@link EmbedSummary} prints them, {@link EmbedFiles} writes the maps, the test points and
 * {@code results.json}). For the autoencoder it also decodes Figure 6's traversal: Gaussian bumps
 * moved over the window holding 90 % of the test points (5th to 95th percentile per axis), the
 * bump's width and height matched to the mean spread and peak of the real test activations.
 *
 * <p>The map score is k-NN accuracy ({@link KNearestNeighbours}) of the test positions, fitted on
 * the positions of {@code knnFitSize} training examples; during training the same score on the
 * validation set (fitted on at most 5000 training positions) is logged each epoch.
 */
final class EmbedApp implements Application {
  private static final int EVAL_BATCH = 500;
  private static final int PROGRESS_FIT = 5000;

  private final EmbedConfig config;
  private final KernelnetRegistry registry;
  private final MnistSource mnist;
  private final EmbeddingNetwork network;
  private final EmbedTrainer trainer;
  private final Device device;
  private final ProgressLog log;
  private final Set<Reporter<EmbedResults>> reporters;

  @Inject
  EmbedApp(EmbedConfig config, KernelnetRegistry registry, MnistSource mnist,
      EmbeddingNetwork network, EmbedTrainer trainer, Device device, ProgressLog log,
      Set<Reporter<EmbedResults>> reporters) {
    this.config = config;
    this.registry = registry;
    this.mnist = mnist;
    this.network = network;
    this.trainer = trainer;
    this.device = device;
    this.log = log;
    this.reporters = reporters;
  }

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

    Loss loss = config.objective().loss();
    EmbedResults results;
    try (Model model = Model.newInstance("embed-mnist", device);
        EmbedTrainer.Training training = trainer.begin(model, network, config, log)) {
      ComplexityReport complexity = ComplexityReport.of(network.block());
      log.always("network %s: %,d free parameters, %,d MACs per example",
          describe(config), complexity.total().freeParameters(),
          complexity.total().nonZeroWeights());

      KNearestNeighbours.Score untrained = mapScore(model, loss, knnFit, test);
      log.always("untrained map: %d-NN test accuracy %.2f %%", config.knnK(),
          100 * untrained.accuracy());

      List<EmbedResults.Epoch> history = training.fit(train, epoch -> {
        Embedded fit = embed(model, loss, progressFit, "training sample");
        Embedded val = embed(model, loss, validation, "validation set");
        double knn = KNearestNeighbours.fit(config.knnK(), fit.centres(), labels(progressFit))
            .score(val.centres(), labels(validation)).accuracy();
        return new ValidationScores(val.loss(),
            classifier ? accuracy(val.predicted(), labels(validation)) : Double.NaN, knn);
      }).stream().map(e -> new EmbedResults.Epoch(e.epoch(), e.loss(), e.evaluation().loss(),
          e.evaluation().accuracy(), e.evaluation().knn(), e.seconds())).toList();
      double trainSeconds = history.stream().mapToDouble(EmbedResults.Epoch::seconds).sum();

      Embedded fitEmbedded = embed(model, loss, knnFit, "training set");
      // New points need no re-fitting: the test set is embedded by a forward pass only.
      Embedded testEmbedded = embed(model, loss, test, "test set");
      KNearestNeighbours.Score trained = KNearestNeighbours.fit(
              config.knnK(), fitEmbedded.centres(), labels(knnFit))
          .score(testEmbedded.centres(), labels(test));
      double testAccuracy =
          classifier ? accuracy(testEmbedded.predicted(), labels(test)) : Double.NaN;
      if (classifier) {
        log.always("test accuracy %.2f %%, map %d-NN test accuracy %.2f %% (untrained %.2f %%)",
            100 * testAccuracy, config.knnK(), 100 * trained.accuracy(),
            100 * untrained.accuracy());
      } else {
        log.always("test reconstruction loss %.4f, map %d-NN test accuracy %.2f %% (untrained"
            + " %.2f %%)", testEmbedded.loss(), config.knnK(), 100 * trained.accuracy(),
            100 * untrained.accuracy());
      }
      Optional<EmbedResults.Traversal> traversal = classifier ? Optional.empty()
          : Optional.of(traversal(model, testEmbedded));

      results = new EmbedResults(
          Provenance.collect("embed mnist", config, device.toString(),
              Map.of("seed", config.seed()), dataFiles)
              .withComponents(registry, List.of(config.kernel()), List.of()),
          config.objective(), describe(config), complexity,
          new EmbedResults.Examples(train.size(), validation.size(), test.size(), knnFit.size()),
          testAccuracy, testEmbedded.loss(), untrained, trained,
          new EmbedResults.TestMap(test, labels(test), config.grid(), testEmbedded.centres(),
              testEmbedded.predicted(), testEmbedded.missing(), config.seed()),
          traversal, trainSeconds, log.elapsedSeconds(), history);
    }
    Reporter.reportAll(reporters, results);
  }

  /** The untrained network's map score: the same protocol as after training. */
  private KNearestNeighbours.Score mapScore(Model model, Loss loss, MnistSet fit, MnistSet test) {
    Embedded fitted = embed(model, loss, fit, "untrained, training set");
    Embedded tested = embed(model, loss, test, "untrained, test set");
    return KNearestNeighbours.fit(config.knnK(), fitted.centres(), labels(fit))
        .score(tested.centres(), labels(test));
  }

  /** A forward pass over a set in batches: positions, predicted classes, mean loss, statistics. */
  private Embedded embed(Model model, Loss loss, MnistSet set, String name) {
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
            Arrays.copyOfRange(set.images(), from * pixels, (from + b) * pixels),
            new Shape(b, pixels));
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

  /** Figure 6: decoded Gaussian bumps over the window holding 90 % of the test points. */
  private EmbedResults.Traversal traversal(Model model, Embedded embedded) {
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
        String.format(Locale.ROOT, "decoder(Gaussian bump on the %dx%d grid, sigma %.2f,"
            + " height %.3f)", grid, grid, sigma, height),
        String.format(Locale.ROOT, "centre row %.1f..%.1f (down), col %.1f..%.1f (right)",
            rowSteps[0], rowSteps[steps - 1], colSteps[0], colSteps[steps - 1]));
    return new EmbedResults.Traversal(tiles, steps, caption);
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
    return new double[] {
        values[(int) Math.floor(0.05 * (m - 1))], values[(int) Math.ceil(0.95 * (m - 1))]};
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
