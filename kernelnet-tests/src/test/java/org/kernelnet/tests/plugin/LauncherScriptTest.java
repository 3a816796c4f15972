package org.kernelnet.tests.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_PACKAGE;
import static org.kernelnet.tests.plugin.PluginJarBuilder.CAUCHY_PLUGIN_CLASS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./kernelnet} script as a subprocess, from another working directory. It needs the
 * launcher class path that {@code mvn package} leaves in {@code kernelnet-apps/target/lib}; without
 * it the test is skipped. The script is told never to build ({@code KERNELNET_BUILD=never}), so the
 * test cannot start a Maven build inside a Maven build.
 */
class LauncherScriptTest {
  private static final Path REPOSITORY = PluginJarBuilder.moduleDir().getParent();
  private static final Path SCRIPT = REPOSITORY.resolve("kernelnet");

  @TempDir Path work;

  private record Result(int status, String out, String err) {}

  private Result kernelnet(String... args) throws IOException, InterruptedException {
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(
        java.util.stream.Stream.concat(java.util.stream.Stream.of(SCRIPT.toString()),
            java.util.stream.Stream.of(args)).toList())
        .directory(work.toFile())
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("KERNELNET_BUILD", "never");
    builder.environment().remove("KERNELNET_PLUGINS");
    builder.environment().remove("JAVA_OPTS");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./kernelnet " + List.of(args) + " did not finish in 120 s");
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void scriptListsThePluginAndReportsABrokenOne() throws IOException, InterruptedException {
    assumeTrue(Files.isDirectory(REPOSITORY.resolve("kernelnet-apps/target/lib")),
        "kernelnet-apps/target/lib is missing: run mvn package (or ./kernelnet once) first");
    assumeTrue(Files.isExecutable(SCRIPT), SCRIPT + " is not executable");
    Path good = Files.createDirectory(work.resolve("good"));
    Path jar = PluginJarBuilder.cauchyJar(good);
    Path bad = Files.createDirectory(work.resolve("bad"));
    Path broken = PluginJarBuilder.cauchy()
        .serviceEntries(CAUCHY_PACKAGE + ".MissingPlugin")
        .build(bad.resolve("broken.jar"));

    Result listed = kernelnet("kernels", "--plugins", good.toString());
    Result failed = kernelnet("kernels", "--plugins", bad.toString());

    assertThat(listed.status()).as(listed.err()).isZero();
    assertThat(listed.out())
        .contains("Kernels (9)")
        .containsPattern("(?m)^  rbf ")
        .containsPattern("(?m)^  cauchy ")
        .contains("cauchy-example (" + CAUCHY_PLUGIN_CLASS + ") in " + jar);
    assertThat(listed.err()).doesNotContain("building").doesNotContain("[INFO]");
    assertThat(failed.status()).isEqualTo(2);
    assertThat(failed.out()).isEmpty();
    assertThat(failed.err())
        .startsWith("kernelnet: plugins could not be loaded: broken service entry")
        .contains(broken.toString())
        .doesNotContain("\tat ");
  }
}
