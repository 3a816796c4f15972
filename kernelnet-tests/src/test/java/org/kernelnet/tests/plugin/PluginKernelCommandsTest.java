package org.kernelnet.tests.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.RealData;

/**
 * The MNIST commands whose kernel the paper fixes take any kernel with {@code --kernel}, plugins'
 * included: {@code mnist benchmark} times a plugin's kernel, and {@code grid-prior} and {@code
 * predict-params} refuse an unknown one before any work, naming the option.
 */
class PluginKernelCommandsTest {
  @TempDir Path home;

  @Test
  void theMnistBenchmarkTimesAPluginKernel() throws IOException {
    Path plugins = Files.createDirectory(home.resolve("plugins"));
    PluginJarBuilder.cauchyJar(plugins);

    CommandRun run = CommandRun.of(home, "mnist", "benchmark", "--quick", "--kernel",
        "cauchy:gamma=0.5", "--plugins", plugins.toString(), "--device", "cpu", "--output",
        home.resolve("bench").toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("32 x KernelLayer(cauchy:gamma=0.5, d=2, h=100)");
    assertThat(JsonParser.parseString(Files.readString(home.resolve("bench/benchmark.json")))
        .getAsJsonObject().getAsJsonObject("provenance").getAsJsonObject("configuration")
        .get("kernel").getAsString()).isEqualTo("cauchy:gamma=0.5");
  }

  @Test
  void gridPriorAndPredictParamsRefuseAnUnknownKernelFirst() {
    for (String command : new String[] {"grid-prior", "predict-params"}) {
      CommandRun run = CommandRun.of(home, "mnist", command, "--quick", "--data-dir",
          RealData.path().toString(), "--kernel", "cauchy", "--output",
          home.resolve(command).toString());

      assertThat(run.status()).as(command).isEqualTo(2);
      assertThat(run.err()).as(command).contains("--kernel cauchy: Unknown kernel 'cauchy'")
          .contains("--plugins");
    }
  }
}
