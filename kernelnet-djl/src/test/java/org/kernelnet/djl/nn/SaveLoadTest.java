package org.kernelnet.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.api.KernelResolver;
import org.kernelnet.djl.TestKernels;
import org.kernelnet.kernels.RbfKernel;

/**
 * Saving and loading kernel layers, and the golden file that pins the saved format.
 *
 * <p>The golden file {@code src/test/resources/golden/kernel-layer-v1.params} holds {@link
 * #goldenLayer} saved with {@code saveParameters}. Regenerate it only when the format changes on
 * purpose (and bump the layer's VERSION):
 *
 * <pre>
 * mvn -o -q -B -pl kernelnet-djl -am test -Dtest=SaveLoadTest#writeGoldenFile \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dkernelnet.golden.write=true
 * </pre>
 */
class SaveLoadTest {
  private static final String GOLDEN = "golden/kernel-layer-v1.params";
  private static final float[] U = {0, 0, 1, 0, 0, 1};
  private static final float[] V = {0.5f, 0.5f, -1, 0};
  private static final float[] BIAS = {0.1f, -0.2f};
  private static final float[] ALPHA = {2, -1};
  private static final KernelResolver RESOLVER = TestKernels.resolver();

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /**
   * The golden layer: 3 inputs, 2 outputs, d = 2, {@code rbf:gamma=0.3}, alpha per output, bias,
   * with the fixed parameter values above.
   */
  static KernelLayer goldenLayer(NDManager manager) {
    KernelLayer layer =
        KernelLayer.builder()
            .setUnits(2)
            .setDimension(2)
            .setKernel("rbf:gamma=0.3", RESOLVER)
            .optAlpha(AlphaMode.PER_OUTPUT)
            .build();
    layer.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
    Map<String, float[]> values = Map.of("u", U, "v", V, "bias", BIAS, "alpha", ALPHA);
    for (Pair<String, Parameter> parameter : layer.getParameters()) {
      parameter.getValue().getArray().set(values.get(parameter.getKey()));
    }
    return layer;
  }

  private static byte[] save(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream os = new DataOutputStream(bytes)) {
      block.saveParameters(os);
    }
    return bytes.toByteArray();
  }

  private void load(Block block, byte[] bytes) throws IOException, MalformedModelException {
    block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
  }

  private static byte[] golden() throws IOException {
    try (InputStream in = SaveLoadTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
      assertThat(in).as("resource %s", GOLDEN).isNotNull();
      return in.readAllBytes();
    }
  }

  private static KernelLayer.Builder resolverOnly() {
    return KernelLayer.builder()
        .setUnits(2)
        .setDimension(2)
        .optKernelResolver(RESOLVER)
        .optAlpha(AlphaMode.PER_OUTPUT);
  }

  @Test
  @EnabledIfSystemProperty(named = "kernelnet.golden.write", matches = "true")
  void writeGoldenFile() throws IOException {
    Path file = Paths.get("src/test/resources").resolve(GOLDEN);
    Files.createDirectories(file.getParent());
    Files.write(file, save(goldenLayer(manager)));
  }

  @Test
  void savedFormatMatchesTheGoldenFile() throws IOException {
    assertThat(save(goldenLayer(manager))).isEqualTo(golden());
  }

  @Test
  void goldenFileLoadsIntoALayerThatKnowsOnlyTheResolver() throws Exception {
    KernelLayer layer = resolverOnly().build();
    load(layer, golden());

    assertThat(layer.getKernel()).isEqualTo(new RbfKernel(0.3));
    assertThat(layer.getInputs()).isEqualTo(3);
    assertThat(layer.getParameters().get("u").getArray().toFloatArray()).containsExactly(U);
    assertThat(layer.getParameters().get("v").getArray().toFloatArray()).containsExactly(V);
    assertThat(layer.getParameters().get("alpha").getArray().toFloatArray()).containsExactly(ALPHA);
    assertThat(layer.getParameters().get("bias").getArray().toFloatArray()).containsExactly(BIAS);

    double[] x = {1, 2, 3};
    NDArray y =
        layer
            .forward(new ParameterStore(manager, false), new NDList(manager.create(new float[][] {{1, 2, 3}})), false)
            .singletonOrThrow();
    float[] out = y.toFloatArray();
    for (int j = 0; j < 2; j++) {
      double expected = BIAS[j];
      for (int i = 0; i < 3; i++) {
        double d2 = Math.pow(U[2 * i] - V[2 * j], 2) + Math.pow(U[2 * i + 1] - V[2 * j + 1], 2);
        expected += x[i] * ALPHA[j] * Math.exp(-0.3 * d2);
      }
      assertThat((double) out[j]).isCloseTo(expected, within(1e-5));
    }
  }

  @Test
  void mismatchingArchitectureIsRejectedWithExpectedAndFound() throws IOException {
    byte[] golden = golden();
    assertThatThrownBy(() -> load(resolverOnly().setUnits(3).build(), golden))
        .isInstanceOf(MalformedModelException.class)
        .hasMessage(
            "Cannot load KernelLayer: saved number of units does not match this block (expected 3,"
                + " found 2)");
    assertThatThrownBy(() -> load(resolverOnly().setDimension(3).build(), golden))
        .hasMessageContaining("location dimension does not match this block (expected 3, found 2)");
    assertThatThrownBy(() -> load(resolverOnly().optAlpha(AlphaMode.PER_INPUT).build(), golden))
        .hasMessageContaining("alpha mode does not match this block (expected PER_INPUT, found PER_OUTPUT)");
    assertThatThrownBy(() -> load(resolverOnly().optBias(false).build(), golden))
        .hasMessageContaining("bias flag does not match this block (expected false, found true)");
    assertThatThrownBy(() -> load(resolverOnly().setKernel(new RbfKernel(0.5)).build(), golden))
        .hasMessageContaining("kernel does not match this block (expected rbf:gamma=0.5, found rbf:gamma=0.3)");
    KernelLayer wider = resolverOnly().setKernel(new RbfKernel(0.3)).build();
    wider.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    assertThatThrownBy(() -> load(wider, golden))
        .hasMessageContaining("number of inputs does not match this block (expected 4, found 3)");
    assertThatThrownBy(() -> load(KernelMaskedDense.builder().setUnits(2).setDimension(2).optKernelResolver(RESOLVER).build(), golden))
        .isInstanceOf(MalformedModelException.class);
  }

  @Test
  void unknownVersionAndUnresolvableKernelAreRejected() throws IOException {
    byte[] future = golden();
    future[0] = 9;
    assertThatThrownBy(() -> load(resolverOnly().build(), future))
        .isInstanceOf(MalformedModelException.class)
        .hasMessage("Cannot load KernelLayer: unsupported saved format version 9 (expected version 1)");
    KernelLayer noRbf =
        KernelLayer.builder()
            .setUnits(2)
            .setDimension(2)
            .optAlpha(AlphaMode.PER_OUTPUT)
            .optKernelResolver(
                spec -> {
                  throw new IllegalArgumentException("unknown kernel 'rbf'; known: dot");
                })
            .build();
    assertThatThrownBy(() -> load(noRbf, golden()))
        .isInstanceOf(MalformedModelException.class)
        .hasMessage(
            "Cannot load KernelLayer: saved kernel 'rbf:gamma=0.3' cannot be resolved: unknown kernel"
                + " 'rbf'; known: dot");
  }

  private static Block network(boolean withKernels) {
    double[][] coordinates = {{0}, {1}, {2}};
    KernelLayer.Builder first =
        KernelLayer.builder()
            .setUnits(6)
            .setDimension(2)
            .optAlpha(AlphaMode.PER_OUTPUT)
            .optInputLocations(Locations.grid(2, 2, 1.0).frozen())
            .optKernelResolver(RESOLVER);
    KernelMaskedDense.Builder second =
        KernelMaskedDense.builder()
            .setUnits(3)
            .setDimension(2)
            .optInputLocations(Locations.truncatedNormal(0.3))
            .optOutputLocations(Locations.truncatedNormal(0.3))
            .optKernelResolver(RESOLVER);
    PredictedWeightLayer.Builder third =
        PredictedWeightLayer.builder()
            .setUnits(2)
            .setCoordinates(coordinates)
            .setAlphaIndices(0, 2)
            .optKernelResolver(RESOLVER);
    if (withKernels) {
      first.setKernel("rbf:gamma=0.3", RESOLVER);
      second.setKernel("bump", RESOLVER);
      third.setKernel("rbf:gamma=0.5", RESOLVER);
    }
    return new SequentialBlock()
        .add(first.build())
        .add(AdaptiveThreshold.of(0.25))
        .add(second.build())
        .add(third.build());
  }

  @Test
  void modelRoundTripRestoresKernelsParametersAndOutputs(@TempDir Path dir) throws Exception {
    NDArray x = manager.randomNormal(new Shape(5, 4));
    float[] before;
    Map<String, float[]> saved = new java.util.HashMap<>();
    try (Model model = Model.newInstance("roundtrip")) {
      model.setBlock(network(true));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, x.getShape());
      for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
        saved.put(p.getKey(), p.getValue().getArray().toFloatArray());
      }
      try (NDManager batch = model.getNDManager().newSubManager()) {
        before = predict(model, batch, x);
      }
      model.save(dir, "roundtrip");
    }
    try (Model model = Model.newInstance("roundtrip")) {
      SequentialBlock block = (SequentialBlock) network(false);
      model.setBlock(block);
      model.load(dir, "roundtrip");
      assertThat(((KernelLayer) block.getChildren().get(0).getValue()).getKernel().spec())
          .isEqualTo("rbf:gamma=0.3");
      assertThat(((KernelMaskedDense) block.getChildren().get(2).getValue()).getKernel().spec())
          .isEqualTo("bump");
      assertThat(((PredictedWeightLayer) block.getChildren().get(3).getValue()).getKernel().spec())
          .isEqualTo("rbf:gamma=0.5");
      assertThat(block.getParameters().keys()).containsExactlyInAnyOrderElementsOf(saved.keySet());
      for (Pair<String, Parameter> p : block.getParameters()) {
        assertThat(p.getValue().getArray().toFloatArray()).as(p.getKey()).containsExactly(saved.get(p.getKey()));
      }
      try (NDManager batch = model.getNDManager().newSubManager()) {
        assertThat(predict(model, batch, x)).containsExactly(before);
      }
    }
  }

  private static float[] predict(Model model, NDManager batch, NDArray x) {
    NDArray input = x.toDevice(batch.getDevice(), true);
    input.attach(batch);
    return model
        .getBlock()
        .forward(new ParameterStore(batch, false), new NDList(input), false)
        .singletonOrThrow()
        .toFloatArray();
  }

  @Test
  void otherBlocksRejectMismatchingSettings() throws Exception {
    AdaptiveThreshold threshold = AdaptiveThreshold.of(0.5);
    threshold.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
    byte[] bytes = save(threshold);
    AdaptiveThreshold same = AdaptiveThreshold.of(0.5);
    load(same, bytes);
    assertThatThrownBy(() -> load(AdaptiveThreshold.of(0.25), bytes))
        .hasMessage("Cannot load AdaptiveThreshold: saved eta does not match this block (expected 0.25, found 0.5)");

    double[][] coordinates = {{0}, {1}, {2}};
    PredictedWeightLayer predicted =
        PredictedWeightLayer.builder().setUnits(2).setCoordinates(coordinates).setKernel(new RbfKernel(1)).setAlphaIndices(0, 2).build();
    predicted.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
    byte[] predictedBytes = save(predicted);
    assertThatThrownBy(
            () ->
                load(
                    PredictedWeightLayer.builder().setUnits(2).setCoordinates(coordinates).optKernelResolver(RESOLVER).setAlphaIndices(0, 1).build(),
                    predictedBytes))
        .hasMessageContaining("alpha indices does not match this block (expected [0, 1], found [0, 2])");
    PredictedWeightLayer reloaded =
        PredictedWeightLayer.builder().setUnits(2).setCoordinates(coordinates).optKernelResolver(RESOLVER).setAlphaIndices(0, 2).build();
    load(reloaded, predictedBytes);
    assertThat(reloaded.getKernel()).isEqualTo(new RbfKernel(1));
    assertThat(reloaded.getParameters().get("dictionary").getArray().toFloatArray())
        .containsExactly(predicted.getParameters().get("dictionary").getArray().toFloatArray());
  }
}
