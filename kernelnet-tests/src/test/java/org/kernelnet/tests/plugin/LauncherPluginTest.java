package org.kernelnet.tests.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_PACKAGE;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_PLUGIN_CLASS;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;

/** {@code kernelnet kernels --plugins DIR} run in-process through the picocli entry point. */
class LauncherPluginTest {
  @TempDir Path home;

  @Test
  void kernelsListsBuiltinsAndThePluginWithItsJar() throws IOException {
    Path plugins = Files.createDirectory(home.resolve("plugins"));
    Path jar = PluginJarBuilder.cauchyJar(plugins);

    CommandRun run = CommandRun.of(home, "kernels", "--plugins", plugins.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("Kernels (9)")
        .containsPattern("(?m)^  cauchy  Cauchy K\\(u,v\\) = 1/\\(1 \\+ gamma \\|\\|u-v\\|\\|\\^2\\)$")
        .containsPattern("(?m)^  dot     dot product")
        .containsPattern("(?m)^  rbf     Gaussian RBF")
        .contains("    settings    gamma (number in (0, inf), default 1.0): inverse squared scale")
        .contains("    default     cauchy:gamma=1.0")
        .contains("    from        cauchy-example (" + CAUCHY_PLUGIN_CLASS + ") in " + jar)
        .contains("Plugins (2)")
        .contains("Plugin folder " + plugins + " (from --plugins, 1 plugin)")
        .contains("  " + jar);
  }

  @Test
  void kernelsJsonReportsThePluginJar() throws IOException {
    Path plugins = Files.createDirectory(home.resolve("plugins"));
    Path jar = PluginJarBuilder.cauchyJar(plugins);

    CommandRun run = CommandRun.of(home, "kernels", "--json", "--plugins", plugins.toString());

    assertThat(run.status()).as(run.err()).isZero();
    JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
    JsonObject cauchy = root.getAsJsonArray("kernels").get(0).getAsJsonObject();
    assertThat(cauchy.get("name").getAsString()).isEqualTo("cauchy");
    assertThat(cauchy.get("default").getAsString()).isEqualTo("cauchy:gamma=1.0");
    assertThat(cauchy.getAsJsonObject("properties").get("positiveSemiDefinite").getAsBoolean()).isTrue();
    assertThat(cauchy.getAsJsonObject("plugin").get("location").getAsString()).isEqualTo(jar.toString());
    assertThat(root.getAsJsonObject("pluginFolder").getAsJsonArray("jars").get(0).getAsString())
        .isEqualTo(jar.toString());
  }

  @Test
  void brokenJarIsPrintedAsAProblemWithStatusTwo() throws IOException {
    Path plugins = Files.createDirectory(home.resolve("plugins"));
    String missing = CAUCHY_PACKAGE + ".MissingPlugin";
    Path jar = PluginJarBuilder.cauchy().serviceEntries(missing).build(plugins.resolve("broken.jar"));

    CommandRun run = CommandRun.of(home, "kernels", "--plugins", plugins.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("kernelnet: plugins could not be loaded: broken service entry '" + missing + "' in jar:file:"
            + jar + "!/META-INF/services/org.kernelnet.api.KernelnetPlugin")
        .doesNotContain("\tat ");
  }

  @Test
  void duplicateAndMismatchedJarsAreAllListed() throws IOException {
    Path plugins = Files.createDirectory(home.resolve("plugins"));
    Path first = PluginJarBuilder.cauchyJar(plugins);
    Path twin = PluginJarBuilder.cauchy()
        .replace(CAUCHY_PACKAGE, CAUCHY_PACKAGE + "twin")
        .replace("\"kernel-log\"", "\"kernel-log-twin\"")
        .build(plugins.resolve("cauchy-twin.jar"));
    Path future = PluginJarBuilder.cauchy()
        .replace(CAUCHY_PACKAGE, CAUCHY_PACKAGE + "future")
        .replace("@BuiltForApi(KernelnetApi.VERSION)", "@BuiltForApi(\"1.7\")")
        .build(plugins.resolve("cauchy-future.jar"));

    CommandRun run = CommandRun.of(home, "kernels", "--plugins", plugins.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .first().isEqualTo("kernelnet: plugins could not be loaded (2 problems):");
    assertThat(run.err())
        .contains("was built for kernelnet API 1.7 but this is kernelnet API 1.0")
        .contains(future.toString())
        .contains("Kernel 'cauchy' is already registered")
        .contains(first.toString())
        .contains(twin.toString());
  }
}
