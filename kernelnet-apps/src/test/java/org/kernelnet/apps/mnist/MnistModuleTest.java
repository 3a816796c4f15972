package org.kernelnet.apps.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.inject.ApplicationModule;
import org.kernelnet.apps.inject.ApplicationRuns;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.mnist.data.ValidationSplit;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.PixelLocations;
import org.kernelnet.apps.report.DataFile;

/**
 * The MNIST module is a seam: {@code mnist grid-prior} run with its {@link MnistSource} replaced
 * ({@code Modules.override}) by a few hundred generated images trains and tests on those, and
 * never touches the data directory, which here is empty.
 */
class MnistModuleTest {
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

  @Test
  void gridPriorTrainsOnTheImagesOfAReplacedSource() throws Exception {
    Path dataDir = Files.createDirectories(home.resolve("data"));
    Path out = home.resolve("run");
    DataFile generated = new DataFile("generated", "generated:halves", "0".repeat(64));
    MnistSource source = new MnistSource() {
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
        return List.of(generated);
      }
    };
    GridPriorConfig config = new GridPriorConfig(
        new RunSettings(7, true, 0, 100, ValidationSplit.RANDOM), List.of(PixelLocations.GRID),
        LayerForm.KERNEL, 2, 4, 0.5, 1, 0, 0, 0, 0, 6, 20, 0.01, 0, 1, 0, 0);
    ApplicationModule<GridPriorConfig> application = ApplicationModule.of(
        Modules.override(new MnistModule())
            .with(binder -> binder.bind(MnistSource.class).toInstance(source)),
        config, GridPriorApp.class);

    ApplicationRuns.intoFolder(home, dataDir, out, "mnist grid-prior", application);

    JsonObject results = JsonParser.parseString(Files.readString(out.resolve("grid-prior.json")))
        .getAsJsonObject();
    JsonArray data = results.getAsJsonObject("provenance").getAsJsonArray("data");
    assertThat(data).hasSize(1);
    assertThat(data.get(0).getAsJsonObject().get("path").getAsString())
        .isEqualTo("generated:halves");
    JsonObject grid = results.getAsJsonArray("variants").get(0).getAsJsonObject();
    assertThat(grid.getAsJsonArray("history")).hasSize(6);
    // two classes told apart by brightness: far above the 50 % of guessing
    assertThat(grid.get("testAccuracy").getAsDouble()).isGreaterThan(0.8);
    assertThat(dataDir).isEmptyDirectory();
  }
}
