package org.kernelnet.apps.cifar.resnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.cifar.data.ChannelNormalization;
import org.kernelnet.apps.data.DataDirectory;

/** Tests against the shared pretrained weights and the lossless first 1,000 CIFAR-10 test images. */
class PretrainedResNetsTest {
  private static final int TEST_IMAGES = 1000;
  private static final int RECORD = 1 + 3 * 32 * 32;

  private NDManager manager;

  /** The shared data folder; skips the test without one. */
  private static DataDirectory data() {
    return RealData.directory();
  }

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private Map<String, NDArray> npz(int depth) throws IOException {
    Path file = data().path(PretrainedResNets.relativePath(depth));
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, NDArray> byName = new LinkedHashMap<>();
      for (NDArray a : NDList.decode(manager, in)) {
        byName.put(a.getName(), a);
      }
      return byName;
    }
  }

  private static double maxAbsDiff(NDArray a, NDArray b) {
    return a.sub(b).abs().max().getFloat();
  }

  private void assertMatchesReference(int depth) throws IOException {
    CifarResNet net = PretrainedResNets.load(data(), depth, manager);
    Map<String, NDArray> arrays = npz(depth);
    ReferenceResNet reference = new ReferenceResNet(arrays, depth);
    manager.getEngine().setRandomSeed(depth);
    NDArray pixels = manager.randomUniform(0f, 1f, new Shape(3, 3, 32, 32));
    NDArray x = ChannelNormalization.IMAGENET.transform(pixels);

    NDArray logits = net.forward(new ParameterStore(manager, false), new NDList(x), false).head();
    NDArray expected = reference.forward(x, -1);

    assertThat(logits.getShape()).isEqualTo(new Shape(3, 10));
    assertThat(reference.used()).isEqualTo(arrays.keySet());
    assertThat(expected.abs().max().getFloat()).isGreaterThan(1f); // real logits, not zeros
    assertThat(maxAbsDiff(logits, expected)).isLessThan(1e-4);
    // The batched extractor (normalising itself, batch 2 of 3 images) gives the same logits.
    NDArray viaExtractor = new ResNetFeatureExtractor(net, 2).features(pixels);
    assertThat(maxAbsDiff(viaExtractor, expected)).isLessThan(1e-4);
  }

  @Test
  void resNet32LogitsMatchAnIndependentForwardPassFromTheNpz() throws IOException {
    assertMatchesReference(32);
  }

  @Test
  void resNet20LogitsMatchAnIndependentForwardPassFromTheNpz() throws IOException {
    assertMatchesReference(20);
  }

  @Test
  void truncatedTrunkFeaturesMatchTheReferenceAtEachCut() throws IOException {
    CifarResNet net = PretrainedResNets.load(data(), 32, manager);
    ReferenceResNet reference = new ReferenceResNet(npz(32), 32);
    manager.getEngine().setRandomSeed(7);
    NDArray pixels = manager.randomUniform(0f, 1f, new Shape(2, 3, 32, 32));
    NDArray x = ChannelNormalization.IMAGENET.transform(pixels);

    int[][] cuts = {{1, 0, 16}, {11, 5, 16}, {21, 10, 32}, {31, 15, 64}};
    for (int[] cut : cuts) {
      ResNetFeatureExtractor extractor = new ResNetFeatureExtractor(net.truncate(cut[0]), 250);
      NDArray features = extractor.features(pixels);
      NDArray expected = reference.forward(x, cut[1]);

      assertThat(extractor.outputSize()).isEqualTo(cut[2]);
      assertThat(features.getShape()).isEqualTo(new Shape(2, cut[2]));
      assertThat(maxAbsDiff(features, expected)).as("cut after %d layers", cut[0]).isLessThan(1e-4);
    }
    // Truncating did not disturb the whole network.
    assertThat(maxAbsDiff(new ResNetFeatureExtractor(net, 250).features(pixels), reference.forward(x, -1)))
        .isLessThan(1e-4);
  }

  /** The first 1,000 official test images: labels and [N, 3, 32, 32] UINT8 pixels. */
  private NDList readTestImages() throws IOException {
    byte[] raw = Files.readAllBytes(data().path("cifar10/test_batch_first1000.bin"));
    assertThat(raw).hasSize(TEST_IMAGES * RECORD);
    byte[] pixels = new byte[TEST_IMAGES * (RECORD - 1)];
    int[] labels = new int[TEST_IMAGES];
    for (int i = 0; i < TEST_IMAGES; i++) {
      labels[i] = raw[i * RECORD];
      System.arraycopy(raw, i * RECORD + 1, pixels, i * (RECORD - 1), RECORD - 1);
    }
    NDArray images =
        manager.create(ByteBuffer.wrap(pixels), new Shape(TEST_IMAGES, 3, 32, 32), DataType.UINT8);
    return new NDList(images, manager.create(labels));
  }

  private double accuracy(int depth, boolean report) throws IOException {
    NDList data = readTestImages();
    assertThat(data.get(1).toIntArray()).startsWith(3, 8, 8, 0, 6, 6, 1, 6, 3, 1);
    ResNetFeatureExtractor extractor =
        new ResNetFeatureExtractor(PretrainedResNets.load(data(), depth, manager), 200);
    extractor.features(data.get(0).get("0:200")); // warm-up
    long start = System.nanoTime();
    NDArray logits = extractor.features(data.get(0));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(logits.getShape()).isEqualTo(new Shape(TEST_IMAGES, 10));
    long correct =
        logits.argMax(1).toType(DataType.INT32, false).eq(data.get(1)).sum().getLong();
    double accuracy = correct / (double) TEST_IMAGES;
    if (report) {
      System.out.printf(
          "ResNet-%d on the first %d lossless CIFAR-10 test images: accuracy %.1f %%, "
              + "%.0f images/s (batch 200)%n",
          depth, TEST_IMAGES, 100 * accuracy, TEST_IMAGES / seconds);
    }
    return accuracy;
  }

  @Test
  void resNet32ScoresTheDocumentedAccuracyOnTheLosslessTestImages() throws IOException {
    assertThat(accuracy(32, true)).isBetween(0.925, 0.931); // 92.8 % +- 0.3 % (data/README.md)
  }

  @Test
  void resNet20LoadsAndClassifies() throws IOException {
    // 91.73 % on the whole test set (pretrained/README.md); 1,000 images add about +-0.9 %.
    assertThat(accuracy(20, true)).isBetween(0.90, 0.935);
  }

  @Test
  void aMissingFileSaysWhereAndHowToGetIt(@TempDir Path empty) {
    DataDirectory dir = DataDirectory.of(empty);

    assertThatThrownBy(() -> PretrainedResNets.load(dir, 44, manager))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("pretrained/resnet44_cifar10.npz")
        .hasMessageContaining(empty.resolve("pretrained/resnet44_cifar10.npz").toString())
        .hasMessageContaining("https://github.com/akamaster/pytorch_resnet_cifar10")
        .hasMessageContaining("pretrained_models/resnet44-014dd654.th")
        .hasMessageContaining("numpy.savez('resnet44_cifar10.npz'")
        .hasMessageContaining("removeprefix('module.')");
    assertThatThrownBy(() -> PretrainedResNets.relativePath(26))
        .hasMessageContaining("[20, 32, 44, 56]")
        .hasMessageContaining("got 26");
  }

  @Test
  void aFileThatIsNoNpzArchiveIsReportedWithItsPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pretrained/resnet20_cifar10.npz");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "conv1.weight,0.5\n");

    assertThatThrownBy(() -> PretrainedResNets.load(DataDirectory.of(dir), 20, manager))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void arraysThatDoNotFitAreNamedWithTheirShapes() throws IOException {
    Map<String, NDArray> arrays = npz(20);
    CifarResNet net = CifarResNet.builder().setDepth(20).build();
    net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
    NDArray wrong = manager.zeros(new Shape(16, 8, 3, 3));
    wrong.setName("layer1.0.conv1.weight");
    NDArray extra = manager.zeros(new Shape(4));
    extra.setName("fc.bias");
    NDList bad = new NDList();
    arrays.forEach(
        (name, a) -> {
          if (name.equals("layer1.0.conv1.weight")) {
            bad.add(wrong);
          } else if (!name.equals("layer3.2.bn2.running_var")) {
            bad.add(a);
          }
        });
    bad.add(extra);

    assertThatThrownBy(() -> PretrainedResNets.copyInto(net, bad, "bad.npz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.npz does not fit CifarResNet(depth=20")
        .hasMessageContaining("layer1.0.conv1.weight: expected shape (16, 16, 3, 3), found (16, 8, 3, 3)")
        .hasMessageContaining("missing array layer3.2.bn2.running_var (expected shape (64))")
        .hasMessageContaining("unexpected array fc.bias of shape (4)");
    // A file of another depth does not fit either: ResNet-32 arrays into ResNet-20.
    assertThatThrownBy(
            () -> PretrainedResNets.load(data().path(PretrainedResNets.relativePath(32)), 20, manager))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unexpected array layer1.3.conv1.weight");
  }

  @Test
  void loadingFillsEveryParameterIncludingRunningStatistics() throws IOException {
    Map<String, NDArray> arrays = npz(20);
    CifarResNet net = PretrainedResNets.load(data(), 20, manager);

    net.namedParameters()
        .forEach(
            (name, p) -> {
              assertThat(p.getArray().toFloatArray())
                  .as(name)
                  .containsExactly(arrays.get(name).toFloatArray());
              assertThat(p.requiresGradient()).as(name).isFalse();
            });
  }
}
