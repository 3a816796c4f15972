package org.kernelnet.djl.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kernelnet.api.KernelResolver;
import org.kernelnet.djl.TestKernels;

/**
 * Golden files pinning the saved formats of {@link KernelMaskedDense}, {@link KernelLayerStack}
 * and {@link PredictedWeightLayer} ({@link KernelLayer}'s is {@link SaveLoadTest}'s): each block,
 * its parameters set to fixed values, saves to exactly the bytes of its file under {@code
 * src/test/resources/golden}, and a block that knows only a kernel resolver loads the file and
 * computes what the original computes. Regenerate the files only when a format changes on purpose
 * (and bump the block's version):
 *
 * <pre>
 * mvn -o -q -B -pl kernelnet-djl -am test -Dtest=GoldenFormatsTest#writeGoldenFiles \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dkernelnet.golden.write=true
 * </pre>
 */
class GoldenFormatsTest {
  private static final KernelResolver RESOLVER = TestKernels.resolver();
  private static final double[][] COORDINATES = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
  private static final float[][] INPUT = {{1, -2, 0.5f, 3}, {0.25f, 1, -1, 2}};

  /** Each block, as saved (fixed kernel, shapes and values) and as a loader builds it. */
  enum Golden {
    KERNEL_MASKED_DENSE("kernel-masked-dense-v1.params",
        () -> KernelMaskedDense.builder().setUnits(3).setDimension(2)
            .setKernel("hat:a=0.8", RESOLVER).build(),
        () -> KernelMaskedDense.builder().setUnits(3).setDimension(2)
            .optKernelResolver(RESOLVER).build()),
    KERNEL_LAYER_STACK("kernel-layer-stack-v1.params",
        () -> KernelLayerStack.builder().setLayers(2).setUnits(3).setDimension(2)
            .setKernel("rbf:gamma=0.3", RESOLVER).optAlpha(AlphaMode.PER_INPUT).build(),
        () -> KernelLayerStack.builder().setLayers(2).setUnits(3).setDimension(2)
            .optKernelResolver(RESOLVER).optAlpha(AlphaMode.PER_INPUT).build()),
    PREDICTED_WEIGHT_LAYER("predicted-weight-layer-v1.params",
        () -> PredictedWeightLayer.builder().setUnits(3).setCoordinates(COORDINATES)
            .setKernel("sqexp:length=1.5", RESOLVER).setAlphaIndices(0, 3).optRidge(0.1).build(),
        () -> PredictedWeightLayer.builder().setUnits(3).setCoordinates(COORDINATES)
            .optKernelResolver(RESOLVER).setAlphaIndices(0, 3).optRidge(0.1).build());

    final String file;
    final Supplier<Block> saved;
    final Supplier<Block> loader;

    Golden(String file, Supplier<Block> saved, Supplier<Block> loader) {
      this.file = "golden/" + file;
      this.saved = saved;
      this.loader = loader;
    }
  }

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** The saved block, initialised for 4 inputs, every parameter {@code 0.1 (k mod 7) - 0.3}. */
  private Block goldenBlock(Golden golden) {
    Block block = golden.saved.get();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
    for (Pair<String, Parameter> parameter : block.getParameters()) {
      float[] values = new float[(int) parameter.getValue().getArray().size()];
      for (int k = 0; k < values.length; k++) {
        values[k] = 0.1f * (k % 7) - 0.3f;
      }
      parameter.getValue().getArray().set(values);
    }
    return block;
  }

  private static byte[] save(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    }
    return bytes.toByteArray();
  }

  private static byte[] golden(Golden golden) throws IOException {
    try (InputStream in = GoldenFormatsTest.class.getClassLoader()
        .getResourceAsStream(golden.file)) {
      assertThat(in).as("resource %s", golden.file).isNotNull();
      return in.readAllBytes();
    }
  }

  private float[] forward(Block block) {
    return block.forward(new ParameterStore(manager, false), new NDList(manager.create(INPUT)),
        false).singletonOrThrow().toFloatArray();
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  @EnabledIfSystemProperty(named = "kernelnet.golden.write", matches = "true")
  void writeGoldenFiles(Golden golden) throws IOException {
    Path file = Paths.get("src/test/resources").resolve(golden.file);
    Files.createDirectories(file.getParent());
    Files.write(file, save(goldenBlock(golden)));
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void savedFormatMatchesTheGoldenFile(Golden golden) throws IOException {
    assertThat(save(goldenBlock(golden))).isEqualTo(golden(golden));
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void goldenFileLoadsIntoABlockThatKnowsOnlyTheResolverAndComputesTheSame(Golden golden)
      throws IOException, MalformedModelException {
    Block loaded = golden.loader.get();
    loaded.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(golden(golden))));

    assertThat(forward(loaded)).containsExactly(forward(goldenBlock(golden)));
  }
}
