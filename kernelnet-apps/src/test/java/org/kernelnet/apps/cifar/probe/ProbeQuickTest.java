package org.kernelnet.apps.cifar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.data.DataDirectory;

/**
 * {@code kernelnet cifar probe --quick} end to end on the shared data (skipped when {@code
 * kernelnet.data.dir} is unset): 2,000 JPEG training images, 1,000 JPEG test images and the lossless
 * first 1,000 official test images, ResNet-32 cut after 31 layers, one set of random crops.
 */
class ProbeQuickTest {
  @TempDir Path home;
  @TempDir Path output;

  @Test
  void quickRunReachesTheFullNetworksLevelAndWritesEveryOutput() throws IOException {
    String dataDir = RealData.path().toString();
    Path cache = output.resolve("cache");

    CommandRun run = CommandRun.of(Map.of(DataDirectory.ENV_VAR, dataDir), home, "cifar", "probe",
        "--quick", "--crops", "1", "--format", "folder", "--output", output.toString(), "--cache",
        cache.toString());

    assertThat(run.status()).as(run.err()).isZero();
    JsonObject results = JsonParser.parseString(
        Files.readString(output.resolve("results.json"))).getAsJsonObject();
    String lossless = "lossless first 1,000 official test images";
    String jpeg = "JPEG copy test set, first 100 per class (1,000)";
    JsonObject full = results.getAsJsonObject("fullNetworkAccuracy");
    // The known answer of the shared data README: 928 of the 1,000 lossless images.
    assertThat(full.get(lossless).getAsDouble()).isEqualTo(0.928);
    assertThat(full.get(jpeg).getAsDouble()).isBetween(0.80, 0.88);
    JsonArray heads = results.getAsJsonArray("heads");
    assertThat(heads).hasSize(1);
    JsonObject head = heads.get(0).getAsJsonObject();
    assertThat(head.get("keptLayers").getAsInt()).isEqualTo(31);
    // 64 channels of the whole 8 x 8 map (the default --pool 8 keeps the last stage unpooled).
    assertThat(head.get("featureWidth").getAsInt()).isEqualTo(64 * 64);
    // Far above chance (10 %): the features of the pretrained trunk separate the classes.
    assertThat(head.getAsJsonObject("testAccuracy").get(lossless).getAsDouble()).isGreaterThan(0.6);
    assertThat(head.getAsJsonObject("testAccuracy").get(jpeg).getAsDouble()).isGreaterThan(0.6);
    assertThat(head.getAsJsonObject("training").getAsJsonArray("history")).hasSize(2);
    assertThat(results.getAsJsonObject("provenance").getAsJsonObject("configuration")
        .get("trainLimit").getAsInt()).isEqualTo(2000);
    assertThat(results.getAsJsonObject("provenance").getAsJsonArray("data")).hasSize(4);
    assertThat(results.getAsJsonArray("table")).hasSize(2);

    String table = Files.readString(output.resolve("table2.md"));
    assertThat(table).contains("test accuracy, " + jpeg, "test accuracy, " + lossless,
        "| ResNet-32 + kernel head |          31 |            3 |", "92.80 %");
    assertThat(run.out()).contains(table);

    List<String> csv = Files.readAllLines(output.resolve("map-coordinates.csv"));
    assertThat(csv).hasSize(1 + 2_000);
    assertThat(csv.get(0)).isEqualTo("kept_layers,test_set,index,label,class,predicted,x,y");
    assertThat(csv.get(1)).startsWith("31,jpeg-test,0,0,airplane,");
    BufferedImage png = ImageIO.read(output.resolve("map-resnet32-L31.png").toFile());
    assertThat(png.getWidth()).isEqualTo(1000);
    assertThat(head.getAsJsonObject("mapPointsDrawn").get("jpeg-test").getAsInt()).isGreaterThan(990);

    // Every feature set was computed once and stored; nothing is recomputed for the same key.
    assertThat(head.getAsJsonObject("featureCache").get("jpeg-train").getAsString()).isEqualTo("computed");
    assertThat(head.getAsJsonObject("featureCache").get("jpeg-train-crops4-s42-1").getAsString())
        .isEqualTo("computed");
    // --quick trains without the mirror images.
    assertThat(head.getAsJsonObject("featureCache").has("jpeg-train-mirrored")).isFalse();
    try (var files = Files.list(cache)) {
      // Full-network logits of 2 test sets; the L = 31 trunk's of the training images, their crops
      // and the 2 test sets.
      assertThat(files.filter(f -> f.toString().endsWith(".features")).count()).isEqualTo(6);
    }
  }
}
