package org.kernelnet.apps.cifar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.cifar.data.Cifar10;
import org.kernelnet.apps.cifar.data.CifarData;
import org.kernelnet.apps.cifar.resnet.CifarResNet;
import org.kernelnet.apps.cifar.resnet.PretrainedResNets;
import org.kernelnet.apps.inject.ApplicationModule;
import org.kernelnet.apps.inject.ApplicationRuns;
import org.kernelnet.apps.inject.FamilyModule;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Reporter;
import org.kernelnet.apps.train.EpochCheckpoint;

/**
 * The CIFAR module is a seam for its trainer and its reporters: {@code cifar probe} on a handful of
 * generated images and a ResNet-20 of random weights, its {@link HeadTrainer} replaced ({@code
 * Modules.override}) by one that records its calls, and a reporter added to the set of {@link
 * ProbeResults} reporters, which receives the numbers the family's reporters wrote.
 */
class CifarModuleTest {
  private static final int TRAIN_PER_CLASS = 4;
  private static final int TEST_PER_CLASS = 2;

  @TempDir Path home;

  /** {@code n} 32 x 32 PNG images per class; class c is lit in its own band of rows. */
  private static void images(Path folder, int perClass, long seed) throws IOException {
    Random random = new Random(seed);
    for (int c = 0; c < Cifar10.CLASSES; c++) {
      Path classFolder = Files.createDirectories(folder.resolve(Cifar10.CLASS_NAMES.get(c)));
      for (int k = 0; k < perClass; k++) {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
          for (int x = 0; x < 32; x++) {
            int grey = y / 3 == c ? 200 + random.nextInt(56) : random.nextInt(40);
            image.setRGB(x, y, grey << 16 | grey << 8 | random.nextInt(256));
          }
        }
        ImageIO.write(image, "png", classFolder.resolve(k + ".png").toFile());
      }
    }
  }

  /** A ResNet-20 of random weights, saved as the pretrained network's {@code .npz}. */
  private static void weights(Path file) throws IOException {
    Engine.getInstance().setRandomSeed(5);
    try (NDManager manager = NDManager.newBaseManager()) {
      CifarResNet network = CifarResNet.builder().setDepth(20).build();
      network.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
      NDList arrays = new NDList();
      network.namedParameters().forEach((name, parameter) -> {
        NDArray array = parameter.getArray().duplicate();
        array.setName(name);
        arrays.add(array);
      });
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        arrays.encode(out, NDList.Encoding.NPZ);
      }
    }
  }

  /** One call of the trainer. */
  private record Call(String what, long seed, int trainRows, HeadTrainer.Result result) {}

  @Test
  void probeTrainsWithTheBoundTrainerAndReportsToEveryReporterOfTheSet() throws Exception {
    Path dataDir = home.resolve("data");
    images(dataDir.resolve(CifarData.JPEG_FOLDER).resolve("train"), TRAIN_PER_CLASS, 1);
    images(dataDir.resolve(CifarData.JPEG_FOLDER).resolve("test"), TEST_PER_CLASS, 2);
    weights(dataDir.resolve(PretrainedResNets.relativePath(20)));
    Path out = home.resolve("run");
    ProbeConfig config = new ProbeConfig(20, List.of(19), OptionalInt.of(1),
        ProbeConfig.DataFormat.FOLDER, OptionalInt.empty(), OptionalInt.empty(), 10, 8, 3, 2.0,
        Optional.empty(), OptionalDouble.of(0.5), 2, 2, 10, 1e-2, 0, 0, false, 0, 25, 7,
        Optional.empty(), false);

    List<Call> calls = new ArrayList<>();
    Module recordingTrainer = binder -> {
      binder.bind(AdamHeadTrainer.class);
      Provider<AdamHeadTrainer> real = binder.getProvider(AdamHeadTrainer.class);
      binder.bind(HeadTrainer.class).toInstance(new HeadTrainer() {
        @Override
        public Result train(Model model, KernelHead head, FeatureCache.Features features,
            List<FeatureCache.Features> views, int[] labels, int[] trainRows,
            int[] validationRows, Standardizer standardizer, ProbeConfig settings, long seed,
            ProgressLog log, String what, EpochCheckpoint<Scores> checkpoint) {
          Result result = real.get().train(model, head, features, views, labels, trainRows,
              validationRows, standardizer, settings, seed, log, what, checkpoint);
          calls.add(new Call(what, seed, trainRows.length, result));
          return result;
        }
      });
    };
    List<ProbeResults> reported = new ArrayList<>();
    List<Boolean> filesWrittenBefore = new ArrayList<>();
    Module capturingReporter = binder -> Multibinder.newSetBinder(binder,
        FamilyModule.reporterType(ProbeResults.class)).addBinding().toInstance(results -> {
          filesWrittenBefore.add(Files.exists(out.resolve(ProbeFiles.COORDINATES)));
          reported.add(results);
        });
    ApplicationModule<ProbeConfig> application = ApplicationModule.of(
        Modules.combine(Modules.override(new CifarModule()).with(recordingTrainer),
            capturingReporter),
        config, ProbeApp.class);

    String err = ApplicationRuns.intoFolder(home, dataDir, out, "cifar probe", application);

    assertThat(calls).hasSize(1);
    Call call = calls.get(0);
    assertThat(call.what()).isEqualTo("ResNet-20 L=19");
    assertThat(call.seed()).isEqualTo(7 + 19);
    assertThat(call.trainRows()).isEqualTo(Cifar10.CLASSES * TRAIN_PER_CLASS - 10);
    assertThat(err).contains("ResNet-20 L=19: epoch 2/2");

    // The added reporter runs after the family's and gets the numbers they wrote.
    assertThat(filesWrittenBefore).containsExactly(true);
    assertThat(reported).hasSize(1);
    ProbeResults results = reported.get(0);
    ProbeResults.Head head = results.summary().heads().get(0);
    assertThat(head.training()).isSameAs(call.result());
    JsonObject json = JsonParser.parseString(
        Files.readString(out.resolve(ProbeFiles.RESULTS))).getAsJsonObject();
    String testSet = "JPEG copy test set (20)";
    assertThat(json.getAsJsonObject("fullNetworkAccuracy").get(testSet).getAsDouble())
        .isEqualTo(results.summary().fullNetworkAccuracy().get(testSet));
    JsonObject headJson = json.getAsJsonArray("heads").get(0).getAsJsonObject();
    assertThat(headJson.getAsJsonObject("testAccuracy").get(testSet).getAsDouble())
        .isEqualTo(head.testAccuracy().get(testSet));
    assertThat(headJson.getAsJsonObject("training").getAsJsonArray("history")).hasSize(2);
    assertThat(headJson.getAsJsonObject("training").get("bestValidationAccuracy").getAsDouble())
        .isEqualTo(call.result().bestValidationAccuracy());
    assertThat(Files.readString(out.resolve(ProbeFiles.TABLE))).isEqualTo(results.table2());

    List<String> csv = Files.readAllLines(out.resolve(ProbeFiles.COORDINATES));
    ProbeResults.MapPoints points = results.points().get(0);
    assertThat(results.points()).hasSize(1);
    assertThat(csv).hasSize(1 + Cifar10.CLASSES * TEST_PER_CLASS);
    assertThat(csv.get(1)).isEqualTo("19,jpeg-test,0,0,airplane," + points.predicted()[0] + ","
        + points.centres()[0] + "," + points.centres()[1]);
    assertThat(results.figures()).extracting(ProbeResults.Figure::file)
        .containsExactly("map-resnet20-L19.png");
    assertThat(ImageIO.read(out.resolve("map-resnet20-L19.png").toFile()).getWidth())
        .isEqualTo(1000);
  }
}
