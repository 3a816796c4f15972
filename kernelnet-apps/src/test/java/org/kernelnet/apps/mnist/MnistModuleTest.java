package org.kernelnet.apps.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.translate.TranslateException;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.inject.ApplicationModule;
import org.kernelnet.apps.inject.ApplicationRuns;
import org.kernelnet.apps.inject.FamilyModule;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.mnist.data.ValidationSplit;
import org.kernelnet.apps.mnist.model.HiddenDictionary;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.PixelLocations;
import org.kernelnet.apps.mnist.train.AdamClassifierTrainer;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.ComponentOrigin;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.train.EpochCheckpoint;

/**
 * The MNIST module is a seam for each of its collaborators, on a few hundred generated images
 * (the data directory, empty here, is never touched):
 *
 * <ul>
 *   <li>the {@link MnistSource}, replaced with {@code Modules.override}: {@code mnist grid-prior}
 *       trains and tests on the generated images;
 *   <li>the {@link ClassifierTrainer}, replaced with {@code Modules.override} by one that records
 *       its calls and trains a single epoch whatever the run asks: every application trains
 *       through it;
 *   <li>the reporters: a module adds one to the set of an application's results, and it receives
 *       the same numbers as the files the family's own reporters wrote before it.
 * </ul>
 */
class MnistModuleTest {
  private static final DataFile GENERATED =
      new DataFile("generated", "generated:halves", "0".repeat(64));
  private static final RunSettings RUN =
      new RunSettings(7, true, 0, 100, ValidationSplit.RANDOM);

  @TempDir Path home;

  /** Random 28 x 28 images, label 0 lit in the top half, 1 in the bottom half. */
  private static MnistSet images(int n, long seed) {
    int pixels = MnistData.SIDE * MnistData.SIDE;
    Random random = new Random(seed);
    float[] x = new float[n * pixels];
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      y[i] = (byte) random.nextInt(2);
      for (int p = 0; p < pixels; p++) {
        boolean top = p < pixels / 2;
        x[i * pixels + p] = top == (y[i] == 0) ? 0.5f + 0.5f * random.nextFloat() : 0f;
      }
    }
    return new MnistSet(x, y, MnistData.SIDE, MnistData.SIDE);
  }

  /** 300 training and 100 test images of {@link #images}. */
  private static final class GeneratedImages implements MnistSource {
    @Override
    public MnistSet train() {
      return images(300, 1);
    }

    @Override
    public MnistSet test() {
      return images(100, 2);
    }

    @Override
    public List<DataFile> files() {
      return List.of(GENERATED);
    }
  }

  /** Keeps the results it is given. */
  private static final class Capture<R> implements Reporter<R> {
    final List<R> received = new ArrayList<>();

    @Override
    public void report(R results) {
      received.add(results);
    }
  }

  /**
   * The family's own trainer, recording every call, with every fit cut to one epoch: a
   * replacement a test may bind to run an application in less time.
   */
  private static final class OneEpochTrainer implements ClassifierTrainer {
    final ClassifierTrainer real = new AdamClassifierTrainer();
    final List<String> fits = new ArrayList<>();
    int trainers;
    int steps;
    int accuracies;

    @Override
    public List<Epoch> fit(Model model, MnistSet train, MnistSet validation, Settings settings,
        ProgressLog log, String label, EpochCheckpoint<Double> checkpoint)
        throws IOException, TranslateException {
      fits.add(label);
      Settings oneEpoch = new Settings(1, settings.batchSize(), settings.learningRate(),
          settings.weightDecay(), settings.cosine(), settings.locationRateFactor(),
          settings.labelSmoothing(), settings.averageDecay());
      return real.fit(model, train, validation, oneEpoch, log, label, checkpoint);
    }

    @Override
    public Trainer newTrainer(Model model, Settings settings, int totalSteps,
        TrainingListener... listeners) {
      trainers++;
      return real.newTrainer(model, settings, totalSteps, listeners);
    }

    @Override
    public float step(Trainer trainer, NDList data, NDList labels) {
      steps++;
      return real.step(trainer, data, labels);
    }

    @Override
    public double accuracy(Block block, NDManager manager, MnistSet set) {
      accuracies++;
      return real.accuracy(block, manager, set);
    }
  }

  /**
   * The MNIST module with the generated images and {@code trainer} in place of its own (null to
   * keep the family's), and {@code capture} added to the reporters of {@code results}.
   */
  private static <R> Module family(ClassifierTrainer trainer, Class<R> results,
      Capture<R> capture) {
    Module replaced = Modules.override(new MnistModule()).with(binder -> {
      binder.bind(MnistSource.class).toInstance(new GeneratedImages());
      if (trainer != null) {
        binder.bind(ClassifierTrainer.class).toInstance(trainer);
      }
    });
    return Modules.combine(replaced, binder -> Multibinder.newSetBinder(binder,
        FamilyModule.reporterType(results)).addBinding().toInstance(capture));
  }

  /** Runs {@code application} with {@code family} into {@code home/<name>}, its run folder. */
  private <C extends Record> Path run(String command, Module family, C config,
      Class<? extends Application> application) throws Exception {
    Path dataDir = Files.createDirectories(home.resolve("data"));
    Path out = home.resolve(command.replace(' ', '-'));
    ApplicationRuns.intoFolder(home, dataDir, out, command,
        ApplicationModule.of(family, config, application));
    assertThat(dataDir).isEmptyDirectory();
    return out;
  }

  private static JsonObject json(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  private static GridPriorConfig gridPrior(int epochs) {
    return new GridPriorConfig(RUN, List.of(PixelLocations.GRID), LayerForm.KERNEL, 2, 4, 0.5, 1,
        0, 0, 0, 0, epochs, 20, 0.01, 0, 1, 0, 0, null);
  }

  @Test
  void gridPriorTrainsOnTheImagesOfAReplacedSourceAndReportsToAnAddedReporter()
      throws Exception {
    Capture<GridPriorResults> capture = new Capture<>();

    Path out = run("mnist grid-prior", family(null, GridPriorResults.class, capture),
        gridPrior(6), GridPriorApp.class);

    JsonObject results = json(out.resolve("grid-prior.json"));
    JsonArray data = results.getAsJsonObject("provenance").getAsJsonArray("data");
    assertThat(data).hasSize(1);
    assertThat(data.get(0).getAsJsonObject().get("path").getAsString())
        .isEqualTo("generated:halves");
    JsonObject grid = results.getAsJsonArray("variants").get(0).getAsJsonObject();
    assertThat(grid.getAsJsonArray("history")).hasSize(6);
    // two classes told apart by brightness: far above the 50 % of guessing
    assertThat(grid.get("testAccuracy").getAsDouble()).isGreaterThan(0.8);
    // the added reporter receives what the family's reporters wrote
    assertThat(capture.received).hasSize(1);
    GridPriorResults received = capture.received.get(0);
    assertThat(received.config()).isEqualTo(gridPrior(6));
    GridPriorResults.Variant variant = received.variants().get(0);
    assertThat(variant.locations()).isEqualTo(PixelLocations.GRID);
    assertThat(variant.testAccuracy()).isEqualTo(grid.get("testAccuracy").getAsDouble());
    for (int e = 0; e < 6; e++) {
      JsonObject epoch = grid.getAsJsonArray("history").get(e).getAsJsonObject();
      assertThat(variant.history().get(e).loss()).isEqualTo(epoch.get("loss").getAsDouble());
      assertThat(variant.history().get(e).validationAccuracy())
          .isEqualTo(epoch.get("validationAccuracy").getAsDouble());
    }
    assertThat(Files.readAllLines(out.resolve("grid-prior.csv")).get(1))
        .startsWith("grid," + variant.testAccuracy() + "," + variant.validationAccuracy() + ",");
    assertThat(out.resolve("grid-prior.png")).isNotEmptyFile();
  }

  @Test
  void gridPriorTrainsThroughAReplacedTrainer() throws Exception {
    OneEpochTrainer trainer = new OneEpochTrainer();
    Capture<GridPriorResults> capture = new Capture<>();

    Path out = run("mnist grid-prior", family(trainer, GridPriorResults.class, capture),
        gridPrior(6), GridPriorApp.class);

    assertThat(trainer.fits).containsExactly("grid");
    assertThat(trainer.accuracies).as("the test accuracy").isEqualTo(1);
    assertThat(capture.received.get(0).variants().get(0).history()).hasSize(1);
    assertThat(json(out.resolve("grid-prior.json")).getAsJsonArray("variants").get(0)
        .getAsJsonObject().getAsJsonArray("history")).hasSize(1);
  }

  @Test
  void dimensionalityTrainsThroughAReplacedTrainerAndReportsToAnAddedReporter()
      throws Exception {
    OneEpochTrainer trainer = new OneEpochTrainer();
    Capture<DimensionalityResults> capture = new Capture<>();
    DimensionalityConfig config = new DimensionalityConfig(RUN, List.of("dot"), List.of(2, 3), 8,
        List.of(0.01), List.of(0.0), 2, 4, 50, false);

    Path out = run("mnist dimensionality",
        family(trainer, DimensionalityResults.class, capture), config, DimensionalityApp.class);

    assertThat(trainer.fits).containsExactly(
        "dot d=2 lr=0.0100000 l2=0.00000 run 1/2", "dot d=2 lr=0.0100000 l2=0.00000 run 2/2",
        "dot d=3 lr=0.0100000 l2=0.00000 run 1/2", "dot d=3 lr=0.0100000 l2=0.00000 run 2/2");
    assertThat(trainer.accuracies).as("one test accuracy per run").isEqualTo(4);
    DimensionalityResults received = capture.received.get(0);
    JsonObject file = json(out.resolve("dimensionality.json"));
    assertThat(received.runs()).hasSize(4);
    for (int i = 0; i < 4; i++) {
      JsonObject run = file.getAsJsonArray("runs").get(i).getAsJsonObject();
      assertThat(received.runs().get(i).validationAccuracy())
          .isEqualTo(run.get("validationAccuracy").getAsDouble());
      assertThat(received.runs().get(i).testAccuracy())
          .isEqualTo(run.get("testAccuracy").getAsDouble());
    }
    assertThat(received.table()).extracting(DimensionalityResults.Cell::dimension)
        .containsExactly(2, 3);
    assertThat(received.table().get(1).validation().mean()).isEqualTo(file.getAsJsonArray("table")
        .get(1).getAsJsonObject().getAsJsonObject("validation").get("mean").getAsDouble());
  }

  @Test
  void predictParamsTrainsThroughAReplacedTrainerAndReportsToAnAddedReporter()
      throws Exception {
    OneEpochTrainer trainer = new OneEpochTrainer();
    Capture<PredictParamsResults> capture = new Capture<>();
    PredictParamsConfig config = new PredictParamsConfig(RUN, List.of(0.0, 0.5), 16,
        HiddenDictionary.GRID, 1, 0.1, 3, 50, 0.001, 0, null);

    Path out = run("mnist predict-params",
        family(trainer, PredictParamsResults.class, capture), config, PredictParamsApp.class);

    assertThat(trainer.fits).containsExactly("0% predicted", "50% predicted");
    PredictParamsResults received = capture.received.get(0);
    JsonArray rows = json(out.resolve("predict-params.json")).getAsJsonArray("rows");
    assertThat(received.rows()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonObject row = rows.get(i).getAsJsonObject();
      assertThat(received.rows().get(i).history()).hasSize(1);
      assertThat(received.rows().get(i).testAccuracy())
          .isEqualTo(row.get("testAccuracy").getAsDouble());
    }
    assertThat(received.claim().applicable()).isTrue();
    // the plain MLP has no kernel; the 50 % network's two dictionaries, half their rows learned,
    // share l = sqrt(2) (recorded once)
    assertThat(received.provenance().components()).extracting(ComponentOrigin::spec)
        .containsExactly("sqexp:length=1.414214");
  }

  @Test
  void benchmarkStepsThroughAReplacedTrainerAndReportsToAnAddedReporter() throws Exception {
    OneEpochTrainer trainer = new OneEpochTrainer();
    Capture<BenchmarkResults> capture = new Capture<>();
    BenchmarkConfig config = new BenchmarkConfig(7, PixelLocations.GRID,
        List.of(LayerForm.KERNEL, LayerForm.MASKED), 2, 4, 0.5, 16, 1, 2, 3, 16, null);

    Path out = run("mnist benchmark", family(trainer, BenchmarkResults.class, capture), config,
        BenchmarkApp.class);

    assertThat(trainer.trainers).as("one trainer per form").isEqualTo(2);
    assertThat(trainer.steps).as("per form: 1 warm-up step, then 3 rounds of 2")
        .isEqualTo(2 * (1 + 3 * 2));
    BenchmarkResults received = capture.received.get(0);
    JsonObject file = json(out.resolve("benchmark.json"));
    assertThat(received.medianMatmulGflops())
        .isEqualTo(file.get("medianMatmulGflops").getAsDouble());
    assertThat(received.forms()).hasSize(2);
    assertThat(received.forms().get(1).medianExamplesPerSecond()).isEqualTo(file
        .getAsJsonArray("forms").get(1).getAsJsonObject().get("medianExamplesPerSecond")
        .getAsDouble());
  }
}
