package org.kernelnet.apps.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.inject.ApplicationModule;
import org.kernelnet.apps.inject.ApplicationRuns;
import org.kernelnet.apps.inject.FamilyModule;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.report.DataFile;

/**
 * The embeddings module is a seam for its trainer and its reporters: {@code embed mnist} on a few
 * hundred generated digits, its {@link EmbedTrainer} replaced ({@code Modules.override}) by one
 * that trains a single epoch of the two configured, and a reporter added to the set of {@link
 * EmbedResults} reporters, which receives the numbers the family's reporters wrote.
 */
class EmbedModuleTest {
  private static final int TRAIN = 500;
  private static final int VALIDATION = 50;
  private static final int TEST = 60;

  @TempDir Path home;

  /** {@code n} images of class {@code i mod 10}, each lit in its class's band of rows. */
  private static MnistSet bands(int n, long seed) {
    int side = MnistData.SIDE;
    Random random = new Random(seed);
    float[] x = new float[n * side * side];
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      y[i] = (byte) (i % 10);
      for (int p = 0; p < side * side; p++) {
        boolean band = p / side / 2 - 4 == y[i];
        x[i * side * side + p] =
            band ? 0.6f + 0.4f * random.nextFloat() : 0.1f * random.nextFloat();
      }
    }
    return new MnistSet(x, y, side, side);
  }

  private static EmbedConfig withEpochs(EmbedConfig c, int epochs) {
    return new EmbedConfig(c.objective(), c.hidden(), c.grid(), c.decoder(), c.eta(), c.kernel(),
        epochs, c.batchSize(), c.learningRate(), c.trainSize(), c.validationSize(), c.testSize(),
        c.knnK(), c.knnFitSize(), c.traversalSteps(), c.seed(), c.quick());
  }

  @Test
  void embedTrainsWithTheBoundTrainerAndReportsToEveryReporterOfTheSet() throws Exception {
    Path dataDir = Files.createDirectories(home.resolve("data"));
    Path out = home.resolve("run");
    MnistSource source = new MnistSource() {
      @Override
      public MnistSet train() {
        return bands(TRAIN + VALIDATION, 1);
      }

      @Override
      public MnistSet test() {
        return bands(TEST, 2);
      }

      @Override
      public List<DataFile> files() {
        return List.of(new DataFile("generated", "generated:bands", "0".repeat(64)));
      }
    };
    EmbedConfig config = new EmbedConfig(Objective.CLASSIFIER, List.of(32), 6, List.of(16), 0.5,
        "rbf:gamma=0.5", 2, 20, 1e-2, TRAIN, VALIDATION, TEST, 3, TRAIN, 2, 3, false);

    List<Integer> epochsAsked = new ArrayList<>();
    Module overrides = binder -> {
      binder.bind(MnistSource.class).toInstance(source);
      binder.bind(AdamEmbedTrainer.class);
      Provider<AdamEmbedTrainer> real = binder.getProvider(AdamEmbedTrainer.class);
      binder.bind(EmbedTrainer.class).toInstance((model, network, settings, log) -> {
        epochsAsked.add(settings.epochs());
        return real.get().begin(model, network, withEpochs(settings, 1), log);
      });
    };
    List<EmbedResults> reported = new ArrayList<>();
    List<Boolean> filesWrittenBefore = new ArrayList<>();
    Module capturingReporter = binder -> Multibinder.newSetBinder(binder,
        FamilyModule.reporterType(EmbedResults.class)).addBinding().toInstance(results -> {
          filesWrittenBefore.add(Files.exists(out.resolve("results.json")));
          reported.add(results);
        });
    ApplicationModule<EmbedConfig> application = ApplicationModule.of(
        Modules.combine(Modules.override(new EmbedModule()).with(overrides),
            capturingReporter),
        config, EmbedApp.class);

    String err = ApplicationRuns.intoFolder(home, dataDir, out, "embed mnist", application);

    assertThat(epochsAsked).containsExactly(2);
    assertThat(err).contains("epoch 1/1").doesNotContain("epoch 2/");
    assertThat(dataDir).isEmptyDirectory();

    // The added reporter runs after the family's and gets the numbers they wrote.
    assertThat(filesWrittenBefore).containsExactly(true);
    assertThat(reported).hasSize(1);
    EmbedResults results = reported.get(0);
    assertThat(results.history()).hasSize(1);
    JsonObject json = JsonParser.parseString(Files.readString(out.resolve("results.json")))
        .getAsJsonObject();
    assertThat(json.get("testAccuracy").getAsDouble()).isEqualTo(results.testAccuracy());
    assertThat(json.get("testLoss").getAsDouble()).isEqualTo(results.testLoss());
    assertThat(json.get("knnTrainedAccuracy").getAsDouble())
        .isEqualTo(results.knnTrained().accuracy());
    assertThat(json.get("knnUntrainedAccuracy").getAsDouble())
        .isEqualTo(results.knnUntrained().accuracy());
    assertThat(json.getAsJsonArray("history")).hasSize(1);
    assertThat(json.getAsJsonArray("history").get(0).getAsJsonObject().get("trainLoss")
        .getAsDouble()).isEqualTo(results.history().get(0).trainLoss());
    assertThat(json.getAsJsonObject("examples").get("knnFit").getAsInt()).isEqualTo(TRAIN);
    // ten classes told apart by the band of rows: far above the 10 % of guessing
    assertThat(results.testAccuracy()).isGreaterThan(0.5);

    List<String> csv = Files.readAllLines(out.resolve("test-points.csv"));
    EmbedResults.TestMap map = results.map();
    assertThat(csv).hasSize(1 + TEST);
    assertThat(csv.get(1)).isEqualTo("0," + map.labels()[0] + "," + map.centres()[0] + ","
        + map.centres()[1] + "," + map.predicted()[0]);
    assertThat(out.resolve("map-scatter.png")).isRegularFile();
    assertThat(out.resolve("map-digits.png")).isRegularFile();
    assertThat(out.resolve(AdamEmbedTrainer.CHECKPOINT)).isRegularFile();
  }
}
