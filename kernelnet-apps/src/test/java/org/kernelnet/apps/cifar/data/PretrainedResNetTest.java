package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.data.DataDirectory;

class PretrainedResNetTest {
  private static DataDirectory realData() {
    String dir = System.getProperty(DataDirectory.PROPERTY);
    assumeThat(dir).as("system property " + DataDirectory.PROPERTY).isNotBlank();
    return DataDirectory.of(Path.of(dir));
  }

  @Test
  void architectureGivesTheReadmeArrayAndParameterCounts() {
    int[] arrays = {97, 157, 217, 277};
    PretrainedResNet[] nets = PretrainedResNet.values();
    for (int k = 0; k < nets.length; k++) {
      Map<String, Shape> shapes = nets[k].expectedShapes();
      long trainable = shapes.entrySet().stream()
          .filter(e -> PretrainedResNet.isTrainable(e.getKey()))
          .mapToLong(e -> e.getValue().size()).sum();
      assertThat(shapes).hasSize(arrays[k]);
      assertThat(trainable).as(nets[k].name()).isEqualTo(nets[k].trainableParameters());
    }
    assertThat(PretrainedResNet.RESNET32.trainableParameters()).isEqualTo(464_154L);
    assertThat(PretrainedResNet.ofDepth(44)).isEqualTo(PretrainedResNet.RESNET44);
    assertThatThrownBy(() -> PretrainedResNet.ofDepth(18)).hasMessageContaining("20, 32, 44, 56");
  }

  /** The "name: [shape]" list of one file in pretrained/README.md. */
  private static Map<String, Shape> readmeShapes(Path readme, String fileName) throws IOException {
    String text = Files.readString(readme);
    int section = text.indexOf("### " + fileName);
    assertThat(section).as("section of " + fileName).isNotNegative();
    int start = text.indexOf("```", section) + 3;
    int end = text.indexOf("```", start);
    Map<String, Shape> shapes = new LinkedHashMap<>();
    Matcher line = Pattern.compile("(?m)^(\\S+): \\[([0-9, ]+)\\]$").matcher(
        text.substring(start, end));
    while (line.find()) {
      long[] dims = Arrays.stream(line.group(2).split(", "))
          .mapToLong(Long::parseLong).toArray();
      shapes.put(line.group(1), new Shape(dims));
    }
    return shapes;
  }

  @Test
  void realResNet32MatchesTheReadme() throws IOException {
    DataDirectory data = realData();
    Map<String, Shape> readme = readmeShapes(data.path("pretrained/README.md"),
        "resnet32_cifar10.npz");
    assertThat(readme).hasSize(157);

    try (NDManager manager = NDManager.newBaseManager();
        NamedArrays weights = PretrainedResNet.RESNET32.load(data, manager)) {
      assertThat(weights.size()).isEqualTo(157);
      assertThat(weights.names()).containsExactlyElementsOf(readme.keySet());
      assertThat(weights.shapes()).containsExactlyEntriesOf(readme);
      assertThat(weights.shape("conv1.weight")).isEqualTo(new Shape(16, 3, 3, 3));
      assertThat(weights.shape("layer3.4.conv2.weight")).isEqualTo(new Shape(64, 64, 3, 3));
      assertThat(weights.shape("linear.weight")).isEqualTo(new Shape(10, 64));
      assertThat(weights.parameterCount(PretrainedResNet::isTrainable)).isEqualTo(464_154L);
      assertThat(weights.parameterCount()).isEqualTo(466_426L);
      // Values read with numpy from the same file.
      assertThat(weights.get("conv1.weight").getFloat(0, 0, 0, 0)).isEqualTo(0.40355396f);
      assertThat(weights.get("conv1.weight").getFloat(15, 2, 2, 1)).isEqualTo(0.28163424f);
      assertThat(weights.get("linear.bias").toFloatArray())
          .startsWith(0.17627896f, -0.396677f, 0.09322788f);
      assertThat(weights.get("layer3.4.bn2.running_var").getFloat(63)).isEqualTo(0.13267983f);
    }
  }

  @Test
  void wrongArchitectureIsReportedWithTheFile(@TempDir Path dir) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("conv1.weight.npy", NpzReaderTest.npy("2, 2", false, 1, 2, 3, 4));
    entries.put("extra.npy", NpzReaderTest.npy("1,", false, 1));
    Path file = NpzReaderTest.npz(dir.resolve("bad.npz"), false, entries);

    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> PretrainedResNet.RESNET20.load(file, manager))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("(2 arrays, expected 97)")
          .hasMessageContaining("1 wrong: [conv1.weight has shape (2, 2), expected (16, 3, 3, 3)]")
          .hasMessageContaining("1 unexpected arrays: [extra (1)]")
          .hasMessageContaining("96 missing arrays: [bn1.weight (16), bn1.bias (16),");
      assertThat(manager.getManagedArrays()).isEmpty();
    }
  }

  @Test
  void missingFileNamesItsSource(@TempDir Path empty) {
    assertThatThrownBy(() -> PretrainedResNet.RESNET56.locate(DataDirectory.of(empty)))
        .hasMessageContaining("pretrained/resnet56_cifar10.npz")
        .hasMessageContaining("resnet56-4bfd9763.th")
        .hasMessageContaining("akamaster/pytorch_resnet_cifar10");
    assertThat(List.of(PretrainedResNet.RESNET20.relativePath()))
        .containsExactly("pretrained/resnet20_cifar10.npz");
  }
}
