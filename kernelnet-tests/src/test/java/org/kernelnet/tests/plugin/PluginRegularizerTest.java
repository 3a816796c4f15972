package org.kernelnet.tests.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.report.DataFile;

/**
 * A regulariser from a plugin jar, named with {@code --regularizer}, trains a MovieLens model: the
 * example plugin's {@code kernel-log} makes the Sparse FC kernel matrices sparser than the default
 * terms alone (fewer multiply-adds per prediction), and is printed and recorded with the defaults
 * and with the plugin and jar (with its SHA-256) that supplied it;
 * the saved model needs the plugin to load only when the plugin supplied its kernel, and says so.
 */
class PluginRegularizerTest {
  @TempDir Path home;

  @Test
  void aPluginRegularizerChangesAMovieLensRunsSparsity() throws IOException {
    Path data = RealData.path();
    Path plugins = Files.createDirectory(home.resolve("plugins"));
    Path jar = PluginJarBuilder.cauchyJar(plugins);

    CommandRun plainRun = quickRun(data, plugins, "plain");
    CommandRun logRun = quickRun(data, plugins, "log", "--regularizer", "kernel-log:lambda=0.5");

    assertThat(plainRun.err()).contains("Sparse FC (2): regularizers l2:lambda=30.0,"
        + " kernel-overlap:lambda=0.0065 (");
    assertThat(logRun.err()).contains("Sparse FC (2): regularizers l2:lambda=30.0,"
        + " kernel-overlap:lambda=0.0065, kernel-log:lambda=0.5,epsilon=0.1 (");
    JsonObject plain = row(home.resolve("plain"));
    JsonObject sparse = row(home.resolve("log"));

    assertThat(sparse.getAsJsonObject("spec").getAsJsonArray("regularizers").get(0).getAsString())
        .isEqualTo("kernel-log:lambda=0.5");
    JsonObject origin = JsonParser.parseString(Files.readString(home.resolve("log/results.json")))
        .getAsJsonObject().getAsJsonObject("provenance").getAsJsonArray("components")
        .asList().stream().map(e -> e.getAsJsonObject())
        .filter(o -> o.get("spec").getAsString().startsWith("kernel-log")).findFirst()
        .orElseThrow();
    assertThat(origin.get("kind").getAsString()).isEqualTo("regularizer");
    assertThat(origin.get("plugin").getAsString()).isEqualTo("cauchy-example");
    assertThat(origin.get("location").getAsString()).isEqualTo(jar.toString());
    assertThat(origin.get("sha256").getAsString()).isEqualTo(DataFile.sha256(jar));
    double plainMacs = plain.get("meanMacs").getAsDouble();
    double sparseMacs = sparse.get("meanMacs").getAsDouble();
    assertThat(sparseMacs).as("multiply-adds per prediction with kernel-log (without: %s)",
        plainMacs).isLessThan(plainMacs / 4);

    // the regulariser is for training: the saved model recommends without the plugin
    CommandRun recommend = CommandRun.of(home, "recommend", "--data-dir", data.toString(),
        "--model", home.resolve("log/models/sparse-fc-2.knml").toString(), "--user", "1",
        "--top", "3", "--device", "cpu");
    assertThat(recommend.status()).as(recommend.err()).isZero();
  }

  @Test
  void aModelWithAPluginKernelNeedsThePluginToLoadAndSaysSo() throws IOException {
    Path data = RealData.path();
    Path plugins = Files.createDirectory(home.resolve("plugins"));
    PluginJarBuilder.cauchyJar(plugins);
    quickRun(data, plugins, "cauchy", "--kernel", "cauchy:gamma=2", "--iterations", "5");
    String model = home.resolve("cauchy/models/sparse-fc-2.knml").toString();

    CommandRun without = CommandRun.of(home, "recommend", "--data-dir", data.toString(),
        "--model", model, "--user", "1", "--device", "cpu");
    CommandRun with = CommandRun.of(home, "recommend", "--data-dir", data.toString(),
        "--model", model, "--user", "1", "--device", "cpu", "--plugins", plugins.toString());

    assertThat(without.status()).isNotZero();
    assertThat(without.err()).contains("Unknown kernel 'cauchy'")
        .contains("give the plugin's folder with --plugins or KERNELNET_PLUGINS");
    assertThat(with.status()).as(with.err()).isZero();
  }

  @Test
  void anUnknownRegularizerIsAConfigurationErrorNamingTheOption() {
    CommandRun run = CommandRun.of(home, "movielens", "--data-dir", RealData.path().toString(),
        "--quick", "--regularizer", "kernel-log:lambda=1", "--output",
        home.resolve("x").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--regularizer kernel-log:lambda=1: Unknown regularizer"
        + " 'kernel-log'");
  }

  /** A Sparse FC run (40 iterations unless given) on 300 items of ML-100K into {@code home/name}. */
  private CommandRun quickRun(Path data, Path plugins, String name, String... extra) {
    List<String> args = new ArrayList<>(List.of("movielens", "--data-dir", data.toString(),
        "--quick", "--splits", "1", "--max-items", "300", "--plugins", plugins.toString(),
        "--output", home.resolve(name).toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--iterations")) {
      args.addAll(List.of("--iterations", "40"));
    }
    CommandRun run = CommandRun.of(home, args.toArray(String[]::new));
    assertThat(run.status()).as(run.err()).isZero();
    return run;
  }

  private static JsonObject row(Path runFolder) throws IOException {
    return JsonParser.parseString(Files.readString(runFolder.resolve("results.json")))
        .getAsJsonObject().getAsJsonArray("rows").get(0).getAsJsonObject();
  }
}
