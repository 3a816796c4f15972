package org.kernelnet.apps.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.data.DataDirectory;

/**
 * End-to-end runs of every {@code mnist} experiment on the real MNIST files in small settings
 * (a few thousand training images, one or two epochs), checking accuracy far above chance (10 %)
 * and the written results with their provenance. Skipped when {@code kernelnet.data.dir} is unset.
 */
class MnistExperimentsTest {
  @TempDir Path home;
  @TempDir Path out;

  private static Map<String, String> env() {
    return Map.of(DataDirectory.ENV_VAR, RealData.path().toString());
  }

  private CommandRun run(String... args) {
    CommandRun run = CommandRun.of(env(), home, args);
    assertThat(run.status()).as(run.err()).isZero();
    return run;
  }

  private static JsonObject json(Path file) throws IOException {
    assertThat(file).exists();
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  /** Provenance with versions, the configuration, seeds and the four MNIST files' checksums. */
  private static void assertProvenance(JsonObject root, String command, boolean withData) {
    JsonObject provenance = root.getAsJsonObject("provenance");
    assertThat(provenance.get("command").getAsString()).isEqualTo(command);
    assertThat(provenance.get("djl").getAsString()).isEqualTo("0.35.1");
    assertThat(provenance.get("engine").getAsString()).startsWith("PyTorch");
    assertThat(provenance.get("device").getAsString()).isNotBlank();
    assertThat(provenance.getAsJsonObject("configuration").size()).isPositive();
    assertThat(provenance.getAsJsonObject("seeds").size()).isPositive();
    JsonArray data = provenance.getAsJsonArray("data");
    if (withData) {
      assertThat(data).hasSize(4);
      for (JsonElement file : data) {
        assertThat(file.getAsJsonObject().get("sha256").getAsString()).matches("[0-9a-f]{64}");
      }
      assertThat(data.get(0).getAsJsonObject().get("sha256").getAsString())
          .isEqualTo("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609");
    }
  }

  private static void assertPng(Path file) throws IOException {
    assertThat(file).exists();
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(900);
  }

  @Test
  void gridPriorTrainsBothVariantsFarAboveChance() throws IOException {
    CommandRun run = run("mnist", "grid-prior", "--train-size", "3000", "--validation-size", "1000",
        "--layers", "4", "--units", "49", "--epochs", "3", "--batch-size", "32",
        "--location-noise", "0.2", "--input-dropout", "0.1", "--hidden", "32", "--dropout", "0.1",
        "--output", out.toString());

    assertThat(run.err()).contains("grid epoch 3/3").contains("validation accuracy");
    assertThat(run.out()).contains("Wrote " + out.resolve("grid-prior.json"));
    JsonObject root = json(out.resolve("grid-prior.json"));
    assertProvenance(root, "mnist grid-prior", true);
    JsonArray variants = root.getAsJsonArray("variants");
    assertThat(variants).hasSize(2);
    for (JsonElement v : variants) {
      JsonObject variant = v.getAsJsonObject();
      assertThat(variant.get("testAccuracy").getAsDouble()).as(variant.toString()).isGreaterThan(0.8);
      assertThat(variant.getAsJsonArray("history")).hasSize(3);
      assertThat(variant.getAsJsonObject("size").get("macs").getAsLong()).isPositive();
    }
    JsonObject grid = variants.get(0).getAsJsonObject();
    JsonObject random = variants.get(1).getAsJsonObject();
    assertThat(grid.get("locations").getAsString()).isEqualTo("GRID");
    // the grid's pixel locations are fixed: 4 x (784 alpha + 49 x 2 v + 49 bias), then the
    // hidden layer 196 x 32 + 32 and the softmax layer 32 x 10 + 10
    assertThat(grid.getAsJsonObject("size").get("parameters").getAsLong())
        .isEqualTo(4 * (784 + 98 + 49) + 6304 + 330);
    // random locations are trained: 784 x 2 more per layer
    assertThat(random.getAsJsonObject("size").get("parameters").getAsLong())
        .isEqualTo(4 * (784 + 98 + 49 + 1568) + 6304 + 330);
    assertThat(root.get("network").getAsString()).contains("-> Linear(32) -> relu -> Linear(10)");
    assertThat(Files.readAllLines(out.resolve("grid-prior.csv"))).hasSize(3);
    assertPng(out.resolve("grid-prior.png"));
    // the frozen grid holds every neighbour and never moves; random locations start without any
    JsonObject gridLayout = grid.getAsJsonObject("layout");
    assertThat(gridLayout.get("meanDisplacement").getAsDouble()).isZero();
    assertThat(gridLayout.get("trainedNeighbourRecall").getAsDouble()).isEqualTo(1.0);
    assertThat(gridLayout.get("trainedDistanceCorrelation").getAsDouble()).isCloseTo(1.0,
        within(1e-9));
    JsonObject randomLayout = random.getAsJsonObject("layout");
    assertThat(randomLayout.get("meanDisplacement").getAsDouble()).isPositive();
    assertThat(randomLayout.get("initialNeighbourRecall").getAsDouble()).isLessThan(0.05);
    assertThat(randomLayout.get("initialDistanceCorrelation").getAsDouble()).isBetween(-0.1, 0.1);
    // one row per layer and pixel (with location noise each layer has its own copy of the grid)
    assertThat(Files.readAllLines(out.resolve("locations-grid.csv"))).hasSize(1 + 4 * 784)
        .first().isEqualTo("layer,pixel,row,col,initial_x,initial_y,trained_x,trained_y");
    assertThat(Files.readAllLines(out.resolve("locations-random.csv"))).hasSize(1 + 4 * 784);
    assertThat(run.out()).contains(out.resolve("locations-random.csv").toString());
  }

  @Test
  void gridPriorTrainsTheMaskedFormFarAboveChance() throws IOException {
    CommandRun run = run("mnist", "grid-prior", "--form", "masked", "--locations",
        "random,grid_trained,correlation", "--train-size", "3000",
        "--validation-size", "1000", "--layers", "2", "--units", "25", "--epochs", "3",
        "--batch-size", "32", "--location-noise", "0.2", "--dropout", "0.1",
        "--location-lr-factor", "3", "--validation-split", "block", "--ema-decay", "0.99",
        "--output", out.toString());

    JsonObject root = json(out.resolve("grid-prior.json"));
    assertThat(root.get("network").getAsString())
        .isEqualTo("KernelMaskedDense(rbf:gamma=0.5, d=2, h=50) -> relu -> Linear(10)");
    JsonObject configuration =
        root.getAsJsonObject("provenance").getAsJsonObject("configuration");
    assertThat(configuration.get("form").getAsString()).isEqualTo("MASKED");
    assertThat(configuration.get("locationRateFactor").getAsDouble()).isEqualTo(3.0);
    assertThat(configuration.get("emaDecay").getAsDouble()).isEqualTo(0.99);
    assertThat(configuration.getAsJsonObject("run").get("validationSplit").getAsString())
        .isEqualTo("BLOCK");
    assertThat(run.err()).contains("train 3000, validation 1000 (block), test 10000 images");
    JsonObject random = root.getAsJsonArray("variants").get(0).getAsJsonObject();
    assertThat(random.get("testAccuracy").getAsDouble()).isGreaterThan(0.8);
    // A [784, 50], v [50, 2], b [50], one set of trained pixel locations [784, 2], softmax 50 x 10
    assertThat(random.getAsJsonObject("size").get("parameters").getAsLong())
        .isEqualTo(784 * 50 + 100 + 50 + 1568 + 510);
    // the masked form has one set of pixel locations
    assertThat(Files.readAllLines(out.resolve("locations-random.csv"))).hasSize(1 + 784);
    // the trained grid starts with the whole layout, moves, and has no figure in the paper
    JsonObject gridTrained = root.getAsJsonArray("variants").get(1).getAsJsonObject();
    assertThat(gridTrained.get("locations").getAsString()).isEqualTo("GRID_TRAINED");
    assertThat(gridTrained.get("testAccuracy").getAsDouble()).isGreaterThan(0.8);
    assertThat(gridTrained.get("paperTestAccuracy").getAsDouble()).isNaN();
    JsonObject layout = gridTrained.getAsJsonObject("layout");
    assertThat(layout.get("initialNeighbourRecall").getAsDouble()).isEqualTo(1.0);
    assertThat(layout.get("meanDisplacement").getAsDouble()).isPositive();
    assertThat(Files.readAllLines(out.resolve("locations-grid_trained.csv"))).hasSize(1 + 784);
    assertThat(Files.readAllLines(out.resolve("grid-prior.csv"))).hasSize(4)
        .element(2).asString().startsWith("grid_trained,");
    assertThat(run.out()).containsPattern("(?m)^grid_trained +[0-9.]+ %  - ");
    assertThat(gridTrained.get("learnedLayout")).isEqualTo(JsonNull.INSTANCE);
    // correlation locations start from a layout learned from the 3,000 training images: far more
    // of it than random locations hold (about 0.5 % neighbour recall)
    JsonObject correlation = root.getAsJsonArray("variants").get(2).getAsJsonObject();
    assertThat(correlation.get("testAccuracy").getAsDouble()).isGreaterThan(0.8);
    assertThat(correlation.getAsJsonObject("layout").get("initialNeighbourRecall").getAsDouble())
        .isGreaterThan(0.1);
    JsonObject learned = correlation.getAsJsonObject("learnedLayout");
    assertThat(learned.get("neighbours").getAsInt()).isBetween(2, 8);
    assertThat(learned.get("embeddedPixels").getAsInt()).isBetween(500, 784);
    assertThat(run.err()).contains("correlation: learning the pixel layout");
  }

  @Test
  void gridPriorWithoutValidationTrainsOnEveryImageAndChartsTheLoss() throws IOException {
    run("mnist", "grid-prior", "--form", "masked", "--locations", "grid", "--validation-size", "0",
        "--train-size", "3000", "--layers", "2", "--units", "25", "--gamma", "0.03",
        "--epochs", "3", "--batch-size", "32", "--dropout", "0.1", "--label-smoothing", "0.1",
        "--ema-decay", "0.9", "--init-scale", "0.1", "--output", out.toString());

    JsonObject root = json(out.resolve("grid-prior.json"));
    JsonObject configuration =
        root.getAsJsonObject("provenance").getAsJsonObject("configuration");
    assertThat(configuration.get("labelSmoothing").getAsDouble()).isEqualTo(0.1);
    assertThat(configuration.get("emaDecay").getAsDouble()).isEqualTo(0.9);
    assertThat(configuration.get("initScale").getAsDouble()).isEqualTo(0.1);
    JsonObject grid = root.getAsJsonArray("variants").get(0).getAsJsonObject();
    assertThat(grid.get("testAccuracy").getAsDouble()).isGreaterThan(0.8);
    assertThat(grid.get("validationAccuracy").getAsDouble()).isNaN();
    assertThat(grid.getAsJsonArray("history")).hasSize(3);
    assertThat(grid.getAsJsonArray("history").get(2).getAsJsonObject().get("loss").getAsDouble())
        .isPositive().isLessThan(1.0);
    assertPng(out.resolve("grid-prior.png"));
  }

  @Test
  void dimensionalityNeedsAValidationSet() {
    CommandRun run = CommandRun.of(home, "mnist", "dimensionality", "--validation-size", "0",
        "--output", out.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--validation-size must be >= 1");
  }

  @ParameterizedTest
  @CsvSource({"grid-prior", "predict-params", "dimensionality"})
  void aTrainSizeOfZeroIsRefusedNotReadAsAll(String experiment) {
    CommandRun run = CommandRun.of(home, "mnist", experiment, "--train-size", "0",
        "--validation-size", "60000", "--output", out.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("--train-size must be >= 1 (leave it out to train on all the images left after"
            + " the validation split), got 0")
        .contains("--validation-size must be in 0..59999, got 60000");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "grid-prior     | --form             | sparse | KERNEL, MASKED",
      "predict-params | --validation-split | tail   | RANDOM, BLOCK"})
  void anUnknownChoiceNamesTheChoices(String experiment, String option, String value,
      String choices) {
    CommandRun run = CommandRun.of(home, "mnist", experiment, option, value,
        "--output", out.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains(option).contains(choices).contains(value);
  }

  @Test
  void dimensionalityTabulatesMeanAndStandardErrorPerKernelAndD() throws IOException {
    run("mnist", "dimensionality", "--kernels", "dot;radial:length=0.5,distance=euclidean", "--dimensions", "10",
        "--repetitions", "2", "--epochs", "2", "--train-size", "3000", "--validation-size", "1000",
        "--batch-size", "32", "--lr", "0.01", "--weight-decay", "0", "--output", out.toString());

    JsonObject root = json(out.resolve("dimensionality.json"));
    assertProvenance(root, "mnist dimensionality", true);
    JsonArray table = root.getAsJsonArray("table");
    assertThat(table).hasSize(2);
    for (JsonElement c : table) {
      JsonObject cell = c.getAsJsonObject();
      JsonObject validation = cell.getAsJsonObject("validation");
      assertThat(validation.get("mean").getAsDouble()).as(cell.toString()).isGreaterThan(0.8);
      assertThat(validation.get("count").getAsInt()).isEqualTo(2);
      assertThat(validation.get("standardError").getAsDouble()).isBetween(0.0, 0.05);
    }
    assertThat(root.getAsJsonArray("runs")).hasSize(4);
    assertThat(root.getAsJsonObject("finding").get("applicable").getAsBoolean()).isFalse();
    List<String> csv = Files.readAllLines(out.resolve("dimensionality.csv"));
    assertThat(csv).hasSize(3);
    // radial:length=0.5 is rbf:gamma=4 written with two settings: the spec keeps its comma.
    assertThat(csv.get(2)).startsWith("\"radial:length=0.5,distance=euclidean\",10,");
    assertPng(out.resolve("dimensionality.png"));
  }

  @Test
  void dimensionalityResumesFromItsJournal() throws IOException {
    List<String> study = List.of("mnist", "dimensionality", "--kernels", "dot", "--repetitions", "2",
        "--epochs", "1", "--train-size", "1000", "--validation-size", "500", "--batch-size", "50",
        "--lr", "0.01", "--weight-decay", "0", "--output", out.toString());
    run(with(study, "--dimensions", "2"));
    Path journal = out.resolve("dimensionality-runs.jsonl");
    assertThat(Files.readAllLines(journal)).hasSize(2);
    JsonArray first = json(out.resolve("dimensionality.json")).getAsJsonArray("runs");

    CommandRun again = CommandRun.of(env(), home, with(study, "--dimensions", "2"));
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("already holds a kernelnet run (mnist dimensionality,"
        + " complete").contains("--resume to continue it");

    // a crash in the middle of writing a line, then the study resumed with one more d
    Files.writeString(journal, "{\"setup\":{\"trainSize\":10", StandardOpenOption.APPEND);
    CommandRun resumed = run(with(study, "--dimensions", "2,3", "--resume"));
    assertThat(resumed.err()).contains("2 runs recorded, 1 unreadable lines skipped")
        .containsOnlyOnce("dot d=2 lr=0.0100000 l2=0.00000 run 1/2: validation accuracy")
        .doesNotContain("dot d=2 lr=0.0100000 l2=0.00000 run 1/2 epoch")
        .contains("dot d=3 lr=0.0100000 l2=0.00000 run 1/2 epoch 1/1");
    assertThat(resumed.err().split("read back from the journal", -1)).hasSize(3);
    JsonArray runs = json(out.resolve("dimensionality.json")).getAsJsonArray("runs");
    assertThat(runs).hasSize(4);
    assertThat(runs.get(0)).isEqualTo(first.get(0));
    assertThat(runs.get(1)).isEqualTo(first.get(1));
    assertThat(Files.readAllLines(journal)).hasSize(5);

    CommandRun otherSetup = CommandRun.of(env(), home, with(study, "--dimensions", "2", "--hidden",
        "50", "--resume"));
    assertThat(otherSetup.status()).isEqualTo(2);
    assertThat(otherSetup.err()).contains("records a study with the setup");

    CommandRun noOutput = CommandRun.of(env(), home, "mnist", "dimensionality", "--resume");
    assertThat(noOutput.status()).isEqualTo(2);
    assertThat(noOutput.err()).contains("--resume needs --output");
  }

  private static String[] with(List<String> args, String... more) {
    List<String> all = new java.util.ArrayList<>(args);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void predictParamsStaysFarAboveChanceWithNinetyPercentPredicted() throws IOException {
    CommandRun run = run("mnist", "predict-params", "--fractions", "0,0.9", "--hidden", "100",
        "--train-size", "3000", "--validation-size", "1000", "--epochs", "2", "--batch-size", "32",
        "--output", out.toString());

    JsonObject root = json(out.resolve("predict-params.json"));
    assertProvenance(root, "mnist predict-params", true);
    JsonArray rows = root.getAsJsonArray("rows");
    assertThat(rows).hasSize(2);
    JsonObject mlp = rows.get(0).getAsJsonObject();
    JsonObject predicted = rows.get(1).getAsJsonObject();
    assertThat(mlp.get("testAccuracy").getAsDouble()).isGreaterThan(0.85);
    assertThat(predicted.get("testAccuracy").getAsDouble()).isGreaterThan(0.7);
    // MLP 784-100-100-10: 78500 + 10100 + 1010; 90 %: V1 78 x 100 + b, V2 10 x 100 + b, output
    assertThat(mlp.getAsJsonObject("size").get("parameters").getAsLong()).isEqualTo(89_610);
    assertThat(predicted.getAsJsonObject("size").get("parameters").getAsLong())
        .isEqualTo(7_900 + 1_100 + 1_010);
    assertThat(root.getAsJsonObject("claim").get("applicable").getAsBoolean()).isTrue();
    assertThat(run.out()).contains("Within 1 percentage point of the plain MLP up to 90 %:");
    assertThat(Files.readAllLines(out.resolve("predict-params.csv"))).hasSize(3);
    assertPng(out.resolve("predict-params.png"));
  }

  @Test
  void benchmarkReportsMediansOfBothFormsNextToTheMatmulRate() throws IOException {
    CommandRun run = CommandRun.of(home, "mnist", "benchmark", "--layers", "2", "--units", "16",
        "--batch-size", "64", "--warmup-steps", "1", "--steps", "3", "--repeats", "3",
        "--matmul-size", "256", "--output", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    JsonObject root = json(out.resolve("benchmark.json"));
    assertProvenance(root, "mnist benchmark", false);
    assertThat(root.getAsJsonArray("matmulGflops")).hasSize(3);
    double matmul = root.get("medianMatmulGflops").getAsDouble();
    assertThat(matmul).isPositive();
    JsonArray forms = root.getAsJsonArray("forms");
    assertThat(forms).hasSize(2);
    // 2 x (784 -> 16) from the data, 32 -> 10: per step of 64 examples
    double flops = 2 * (2.0 * 64 * 784 * 16 * 2) + 2.0 * 64 * 32 * 10 * 3;
    for (int i = 0; i < 2; i++) {
      JsonObject form = forms.get(i).getAsJsonObject();
      assertThat(form.get("form").getAsString()).isEqualTo(i == 0 ? "KERNEL" : "MASKED");
      assertThat(form.getAsJsonArray("examplesPerSecond")).hasSize(3);
      assertThat(form.get("medianExamplesPerSecond").getAsDouble()).isPositive();
      assertThat(form.get("trainingFlopsPerStep").getAsDouble()).isEqualTo(flops);
      double gflops = form.get("medianTrainingGflops").getAsDouble();
      assertThat(gflops).isCloseTo(
          form.get("medianExamplesPerSecond").getAsDouble() / 64 * flops / 1e9, within(1e-9));
      assertThat(form.get("fractionOfMatmulRate").getAsDouble())
          .isCloseTo(gflops / matmul, within(1e-12));
    }
    assertThat(run.out()).contains("KernelLayer(").contains("KernelMaskedDense(")
        .contains("examples/s").contains("GFLOP/s").contains("256 x 256");
  }

  @Test
  void benchmarkTimesOnlyTheFormsAsked() throws IOException {
    CommandRun run = CommandRun.of(home, "mnist", "benchmark", "--form", "masked", "--layers", "2",
        "--units", "16", "--batch-size", "16", "--warmup-steps", "0", "--steps", "1",
        "--repeats", "1", "--matmul-size", "16", "--output", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    JsonArray forms = json(out.resolve("benchmark.json")).getAsJsonArray("forms");
    assertThat(forms).hasSize(1);
    assertThat(forms.get(0).getAsJsonObject().get("form").getAsString()).isEqualTo("MASKED");
  }

  @Test
  void allConfigurationProblemsAreReportedTogether() {
    CommandRun run = CommandRun.of(home, "mnist", "grid-prior", "--layers", "0", "--gamma", "-1",
        "--hidden", "-3", "--input-dropout", "1", "--validation-size", "60000",
        "--location-lr-factor", "-2", "--label-smoothing", "1", "--ema-decay", "-0.1",
        "--init-scale", "0", "--output", out.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("--layers must be in 1..256, got 0")
        .contains("--gamma must be a finite number > 0, got -1.0")
        .contains("--hidden must be in 0..8192, got -3")
        .contains("--input-dropout must be in [0, 1), got 1.0")
        .contains("--location-lr-factor must be a finite number >= 0, got -2.0")
        .contains("--label-smoothing must be in [0, 1), got 1.0")
        .contains("--ema-decay must be in [0, 1), got -0.1")
        .contains("--init-scale must be a finite number > 0, got 0.0")
        .contains("--validation-size must be in 0..59999, got 60000");
  }

  @Test
  void mnistWithoutAnExperimentIsAUsageError() {
    CommandRun run = CommandRun.of(home, "mnist");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("grid-prior, dimensionality, predict-params, benchmark");
  }
}
