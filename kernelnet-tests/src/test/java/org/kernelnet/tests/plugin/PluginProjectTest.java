package org.kernelnet.tests.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;

/**
 * Projects of kernelnet's users built with Maven as they build them (offline, {@link
 * OfflineMavenBuild}): the plugin {@code kernelnet plugin init} writes and the hand-written Cauchy
 * example of {@code docs/writing-a-plugin.md} compile, run the published kernel contract in their
 * own tests, and their jars load in {@code kernelnet kernels}; the blocks example of the README
 * trains, saves and reloads a network in its test.
 */
class PluginProjectTest {
  @TempDir Path work;

  @Test
  void aProjectFromPluginInitBuildsPassesTheContractAndLoads() throws IOException {
    OfflineMavenBuild maven = OfflineMavenBuild.in(work);
    Path project = work.resolve("my-kernel");

    CommandRun init = CommandRun.of(work, "plugin", "init", project.toString(), "--name",
        "my-kernel", "--package", "org.example.kernels");
    assertThat(init.status()).as(init.err()).isZero();
    assertThat(init.out()).contains("src/main/java/org/example/kernels/MyKernelKernel.java");

    OfflineMavenBuild.Result build = maven.run(project, "package");
    assertThat(build.status()).as(build.output()).isZero();
    assertThat(build.output())
        .contains("Running org.example.kernels.MyKernelKernelTest")
        .containsPattern("Tests run: 2\\d, Failures: 0, Errors: 0, Skipped: 0");
    Path jar = project.resolve("target").resolve("my-kernel-plugin.jar");
    assertThat(jar).isRegularFile();

    Path plugins = Files.createDirectory(work.resolve("plugins"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    CommandRun kernels = CommandRun.of(work, "kernels", "--plugins", plugins.toString());
    assertThat(kernels.status()).as(kernels.err()).isZero();
    assertThat(kernels.out())
        .containsPattern("(?m)^  my-kernel +K\\(u,v\\) = 1/\\(1 \\+ gamma \\|\\|u-v\\|\\|\\^2\\)$")
        .contains("from        my-kernel-plugin (org.example.kernels.MyKernelPlugin) in "
            + plugins.resolve("my-kernel-plugin.jar"));
  }

  @Test
  void theHandWrittenCauchyProjectOfTheDocsBuildsPassesTheContractAndLoads() throws IOException {
    OfflineMavenBuild maven = OfflineMavenBuild.in(work);
    Path project = copyTree(PluginJarBuilder.moduleDir().resolve("src/plugin/cauchy"),
        work.resolve("cauchy"));

    OfflineMavenBuild.Result build = maven.run(project, "package");
    assertThat(build.status()).as(build.output()).isZero();
    assertThat(build.output())
        .contains("Running com.example.kernelnet.cauchy.CauchyKernelTest")
        .containsPattern("Tests run: 2\\d, Failures: 0, Errors: 0, Skipped: 0");
    Path plugins = Files.createDirectory(work.resolve("plugins"));
    Files.copy(project.resolve("target").resolve("cauchy-plugin.jar"),
        plugins.resolve("cauchy-plugin.jar"));
    CommandRun kernels = CommandRun.of(work, "kernels", "--plugins", plugins.toString());
    assertThat(kernels.status()).as(kernels.err()).isZero();
    assertThat(kernels.out()).contains("from        cauchy-example ("
        + PluginJarBuilder.CAUCHY_PLUGIN_CLASS + ") in " + plugins.resolve("cauchy-plugin.jar"));
  }

  @Test
  void theBlocksExampleBuildsTrainsSavesAndReloads() throws IOException {
    OfflineMavenBuild maven = OfflineMavenBuild.in(work);
    Path project = copyTree(PluginJarBuilder.moduleDir().resolve("src/examples/blocks"),
        work.resolve("blocks"));

    OfflineMavenBuild.Result build = maven.run(project, "package");

    assertThat(build.status()).as(build.output()).isZero();
    assertThat(build.output()).contains("Running com.example.kernelnet.blocks.BlocksExampleTest")
        .contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
  }

  @Test
  void theDocsQuoteTheCauchyProjectsPomAndTestAsTheyAre() throws IOException {
    Path cauchy = PluginJarBuilder.moduleDir().resolve("src/plugin/cauchy");
    String page = Files.readString(
        PluginJarBuilder.moduleDir().getParent().resolve("docs/writing-a-plugin.md"));
    assertThat(page)
        .contains("```xml\n" + Files.readString(cauchy.resolve("pom.xml")) + "```")
        .contains("```java\n" + Files.readString(cauchy.resolve(
            "src/test/java/com/example/kernelnet/cauchy/CauchyKernelTest.java")) + "```");
  }

  @Test
  void pluginInitRefusesAFolderThatIsNotEmptyAndWritesNothing() throws IOException {
    Path project = Files.createDirectory(work.resolve("taken"));
    Files.writeString(project.resolve("notes.txt"), "mine");

    CommandRun init = CommandRun.of(work, "plugin", "init", project.toString(), "--name", "k");

    assertThat(init.status()).isEqualTo(2);
    assertThat(init.err()).contains(project + " is not empty");
    try (var entries = Files.list(project)) {
      assertThat(entries).containsExactly(project.resolve("notes.txt"));
    }
    try (var siblings = Files.list(work)) {
      assertThat(siblings).containsExactly(project);
    }
  }

  private static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
    return to;
  }
}
