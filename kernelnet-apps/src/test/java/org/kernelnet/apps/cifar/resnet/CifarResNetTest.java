package org.kernelnet.apps.cifar.resnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kernelnet.apps.cifar.data.ChannelNormalization;

class CifarResNetTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private CifarResNet initialized(int depth) {
    CifarResNet net = CifarResNet.builder().setDepth(depth).build();
    net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 32, 32));
    return net;
  }

  @ParameterizedTest
  @CsvSource({"20, 269722, 97", "32, 464154, 157", "44, 658586, 217", "56, 853018, 277"})
  void parameterCountsAndNamesMatchTheCheckpoints(int depth, long trainable, int arrays) {
    CifarResNet net = initialized(depth);

    assertThat(net.trainableParameterCount()).isEqualTo(trainable);
    assertThat(net.namedParameters()).hasSize(arrays);
    Set<Parameter> named = Collections.newSetFromMap(new IdentityHashMap<>());
    named.addAll(net.namedParameters().values());
    assertThat(named).hasSize(arrays);
    assertThat(net.getParameters().values()).hasSize(arrays).allMatch(named::contains);
  }

  @Test
  void namesAndShapesFollowThePyTorchLayout() {
    CifarResNet net = initialized(20);

    var p = net.namedParameters();
    assertThat(p.get("conv1.weight").getArray().getShape()).isEqualTo(new Shape(16, 3, 3, 3));
    assertThat(p.get("bn1.running_mean").getType()).isEqualTo(Parameter.Type.RUNNING_MEAN);
    assertThat(p.get("bn1.running_var").getType()).isEqualTo(Parameter.Type.RUNNING_VAR);
    assertThat(p.get("bn1.weight").getType()).isEqualTo(Parameter.Type.GAMMA);
    assertThat(p.get("layer2.0.conv1.weight").getArray().getShape()).isEqualTo(new Shape(32, 16, 3, 3));
    assertThat(p.get("layer3.2.bn2.bias").getArray().getShape()).isEqualTo(new Shape(64));
    assertThat(p.get("linear.weight").getArray().getShape()).isEqualTo(new Shape(10, 64));
    assertThat(p.get("linear.bias").getArray().getShape()).isEqualTo(new Shape(10));
    assertThat(List.copyOf(p.keySet()).subList(0, 6))
        .containsExactly(
            "conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var",
            "layer1.0.conv1.weight");
  }

  @Test
  void validCutsAreTheStemPlusWholeBlocksAndTheWholeNetwork() {
    assertThat(CifarResNet.validKeptLayers(20))
        .containsExactly(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 20);
    assertThat(CifarResNet.validKeptLayers(32)).contains(11, 21, 31, 32).hasSize(17);
  }

  @ParameterizedTest
  @CsvSource({"1, 16", "11, 16", "13, 32", "21, 32", "23, 64", "31, 64", "32, 10"})
  void outputSizePerCutOfResNet32(int kept, int size) {
    CifarResNet net = initialized(32);
    CifarResNet trunk = net.truncate(kept);

    assertThat(CifarResNet.outputSize(32, kept)).isEqualTo(size);
    assertThat(trunk.outputSize()).isEqualTo(size);
    assertThat(trunk.keptLayers()).isEqualTo(kept);
    assertThat(trunk.blocks()).hasSize(kept == 32 ? 15 : (kept - 1) / 2);
    assertThat(trunk.getOutputShapes(new Shape[] {new Shape(2, 3, 32, 32)})[0])
        .isEqualTo(new Shape(2, size));
    NDArray x = manager.randomNormal(new Shape(2, 3, 32, 32));
    NDArray y = trunk.forward(new ParameterStore(manager, false), new NDList(x), false).head();
    assertThat(y.getShape()).isEqualTo(new Shape(2, size));
  }

  @Test
  void aTrunkSharesTheParametersOfItsNetwork() {
    CifarResNet net = initialized(32);
    CifarResNet trunk = net.truncate(21);

    assertThat(trunk.namedParameters()).hasSize(5 + 10 * 10);
    trunk.namedParameters()
        .forEach((name, p) -> assertThat(p).isSameAs(net.namedParameters().get(name)));
    assertThat(trunk.namedParameters()).doesNotContainKeys("layer3.0.conv1.weight", "linear.weight");
    assertThat(net.truncate(32)).isSameAs(net);
    assertThat(trunk.truncate(11).outputSize()).isEqualTo(16);
  }

  @Test
  void theExtractorKeepsOnlyItsOutputAndLeavesTheModelManagerAlone() {
    CifarResNet trunk = initialized(20).truncate(19);
    ResNetFeatureExtractor extractor = new ResNetFeatureExtractor(trunk, 3);
    int modelArrays = manager.getManagedArrays().size();
    try (NDManager data = NDManager.newBaseManager()) {
      NDArray images = data.randomUniform(0f, 1f, new Shape(7, 3, 32, 32));
      int dataArrays = data.getManagedArrays().size();

      NDArray first = extractor.features(images);
      for (int i = 0; i < 4; i++) {
        extractor.features(images).close();
      }

      assertThat(first.getShape()).isEqualTo(new Shape(7, 64));
      assertThat(first.getManager()).isSameAs(data);
      assertThat(data.getManagedArrays()).hasSize(dataArrays + 1);
      assertThat(manager.getManagedArrays()).hasSize(modelArrays);
      assertThat(trunk.getParameters().values()).noneMatch(p -> p.requiresGradient());
      assertThat(images.isReleased()).isFalse();
      // Batches of 3 give the same rows as one batch of 7, up to float32 rounding: PyTorch may pick
      // other convolution kernels for other batch sizes (1.1e-5 apart for features up to 80 on one
      // machine), while rows out of place would differ by about the features' own size.
      NDArray whole = new ResNetFeatureExtractor(trunk, 7).features(images);
      float scale = whole.abs().max().getFloat();
      assertThat(scale).isPositive();
      assertThat(whole.sub(first).abs().max().getFloat()).isLessThan(1e-5f * scale);
    }
  }

  @Test
  void cutsInsideABlockOrOutsideTheNetworkAreRejected() {
    CifarResNet net = CifarResNet.builder().setDepth(32).build();

    assertThatThrownBy(() -> net.truncate(30))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after 30 layers")
        .hasMessageContaining("[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 32]");
    assertThatThrownBy(() -> net.truncate(0)).hasMessageContaining("after 0 layers");
    assertThatThrownBy(() -> net.truncate(33)).hasMessageContaining("after 33 layers");
    assertThatThrownBy(() -> net.truncate(21).truncate(23))
        .hasMessageContaining("already cut after 21")
        .hasMessageContaining("[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21]");
    assertThatThrownBy(() -> CifarResNet.builder().setDepth(33).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6n + 2")
        .hasMessageContaining("got 33");
  }

  @Test
  void optionAShortcutSubsamplesAndCentresTheChannels() {
    OptionAShortcut shortcut = new OptionAShortcut(2);
    NDArray x = manager.arange(0f, 32f).reshape(1, 2, 4, 4);

    NDArray y = shortcut.forward(new ParameterStore(manager, false), new NDList(x), false).head();

    assertThat(y.getShape()).isEqualTo(new Shape(1, 4, 2, 2));
    assertThat(y.toFloatArray())
        .containsExactly(
            0, 0, 0, 0, // zero channel before
            0, 2, 8, 10, // input channel 0, rows 0 and 2, columns 0 and 2
            16, 18, 24, 26, // input channel 1
            0, 0, 0, 0); // zero channel after
    assertThat(shortcut.getParameters().isEmpty()).isTrue();
    assertThat(shortcut.getOutputShapes(new Shape[] {new Shape(5, 2, 32, 31)})[0])
        .isEqualTo(new Shape(5, 4, 16, 16));
    assertThatThrownBy(() -> new OptionAShortcut(3)).hasMessageContaining("got 3");
  }

  @Test
  void imageNetNormalizationScalesBytesAndFloatsAlike() {
    NDArray bytes =
        manager.create(
            ByteBuffer.wrap(new byte[] {0, (byte) 255, (byte) 128}), new Shape(1, 3, 1, 1), DataType.UINT8);
    NDArray floats = manager.create(new float[] {0f, 1f, 128f / 255f}, new Shape(1, 3, 1, 1));

    float[] fromBytes = ChannelNormalization.IMAGENET.transform(bytes).toFloatArray();
    float[] fromFloats = ChannelNormalization.IMAGENET.transform(floats).toFloatArray();

    float[] expected = {-0.485f / 0.229f, (1f - 0.456f) / 0.224f, (128f / 255f - 0.406f) / 0.225f};
    assertThat(fromBytes).containsExactly(expected, offset(1e-5f));
    assertThat(fromFloats).containsExactly(expected, offset(1e-5f));
    assertThatThrownBy(() -> ChannelNormalization.IMAGENET.transform(manager.zeros(new Shape(1, 1, 2, 2))))
        .hasMessageContaining("[C, H, W] or [N, C, H, W] with C = 3");
  }
}
