package org.kernelnet.apps.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.RealData;

/** {@code kernelnet embed mnist --quick} end to end on the real MNIST files. */
class EmbedMnistQuickTest {
  @TempDir Path home;
  @TempDir Path output;

  private static String dataDir() {
    return RealData.path().toString();
  }

  private static BufferedImage png(Path file) throws IOException {
    assertThat(file).isRegularFile();
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("%s decodes as an image", file).isNotNull();
    return image;
  }

  private static JsonObject results(Path folder) throws IOException {
    return JsonParser.parseString(Files.readString(folder.resolve("results.json"))).getAsJsonObject();
  }

  @Test
  void quickClassifierLearnsAMapThatBeatsTheUntrainedOne() throws IOException {
    Path out = output.resolve("classifier");
    CommandRun run = CommandRun.of(home, "embed", "mnist", "--quick", "--device", "cpu",
        "--data-dir", dataDir(), "--output", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    JsonObject results = results(out);
    double accuracy = results.get("testAccuracy").getAsDouble();
    double trained = results.get("knnTrainedAccuracy").getAsDouble();
    double untrained = results.get("knnUntrainedAccuracy").getAsDouble();
    assertThat(accuracy).as("test accuracy (chance 0.1)").isGreaterThan(0.8);
    assertThat(trained).as("trained map k-NN vs untrained %s", untrained)
        .isGreaterThan(untrained + 0.3)
        .isGreaterThan(1.5 * untrained);
    assertThat(results.getAsJsonObject("knnTrained").get("queries").getAsInt()).isEqualTo(2000);
    assertThat(results.getAsJsonObject("provenance").get("command").getAsString())
        .isEqualTo("embed mnist");
    assertThat(results.get("macsPerExample").getAsLong()).isGreaterThan(0);
    assertThat(results.getAsJsonArray("history")).hasSize(EmbedConfig.QUICK.epochs());
    assertThat(run.out()).contains("test accuracy", "untrained", "wrote " + out.resolve("map-scatter.png"));
    assertThat(run.err()).contains("epoch 1/" + EmbedConfig.QUICK.epochs());

    BufferedImage scatter = png(out.resolve("map-scatter.png"));
    assertThat(new int[] {scatter.getWidth(), scatter.getHeight()}).containsExactly(1000, 860);
    BufferedImage digits = png(out.resolve("map-digits.png"));
    assertThat(new int[] {digits.getWidth(), digits.getHeight()}).containsExactly(1400, 1400);
    assertThat(out.resolve("traversal.png")).doesNotExist();

    List<String> csv = Files.readAllLines(out.resolve("test-points.csv"));
    assertThat(csv.get(0)).isEqualTo("index,label,row,col,predicted");
    assertThat(csv).hasSize(2001);
    JsonObject points = JsonParser.parseString(Files.readString(out.resolve("test-points.json")))
        .getAsJsonObject();
    assertThat(points.getAsJsonArray("points")).hasSize(2000);
    assertThat(points.getAsJsonArray("points").get(0).getAsJsonObject().keySet())
        .containsExactly("index", "label", "row", "col", "predicted");
  }

  @Test
  void quickAutoencoderWritesTheTraversal() throws IOException {
    Path out = output.resolve("autoencoder");
    CommandRun run = CommandRun.of(home, "embed", "mnist", "--quick", "--objective", "autoencoder",
        "--epochs", "2", "--train-size", "2000", "--test-size", "500", "--traversal-steps", "6",
        "--device", "cpu", "--data-dir", dataDir(), "--output", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    JsonObject results = results(out);
    // Predicting 0.5 for every pixel costs log 2 = 0.693 per pixel; predicting the mean training
    // image costs 0.2527 on these 500 test images: the decoder must beat both.
    assertThat(results.get("testLoss").getAsDouble()).isLessThan(0.25);
    assertThat(results.get("testAccuracy").getAsDouble()).as("no class accuracy for an autoencoder").isNaN();
    assertThat(results.get("knnTrainedAccuracy").getAsDouble()).isBetween(0.0, 1.0);
    BufferedImage traversal = png(out.resolve("traversal.png"));
    // 6 x 6 tiles of 56 px with 2 px gaps (350 px; wider if the caption needs it, which depends on
    // the fonts) under a two-line caption of 40 px.
    assertThat(traversal.getHeight()).isEqualTo(390);
    assertThat(traversal.getWidth()).isBetween(350, 800);
    assertThat(Files.readAllLines(out.resolve("test-points.csv")).get(0)).isEqualTo("index,label,row,col");
  }

  @Test
  void badSettingsAreReportedTogether() {
    CommandRun run = CommandRun.of(home, "embed", "mnist", "--quick", "--grid", "1", "--eta", "1.5",
        "--hidden", "0", "--output", output.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--grid must be in 2..200, got 1", "--eta must be in [0, 1), got 1.5",
        "--hidden widths must be in 1..100000, got 0");
  }
}
