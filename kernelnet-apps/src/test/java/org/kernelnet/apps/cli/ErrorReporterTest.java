package org.kernelnet.apps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kernelnet.api.PluginLoadException;

class ErrorReporterTest {
  private final StringWriter text = new StringWriter();

  private int report(Throwable error, boolean debug) {
    return new ErrorReporter(new PrintWriter(text, true), debug).report(error);
  }

  @Test
  void runtimeFailureIsOneLineWithItsCausesAndStatusOne() {
    int status = report(new IllegalStateException("training diverged",
        new ArithmeticException("loss is NaN")), false);

    assertThat(status).isEqualTo(1);
    assertThat(text.toString().lines().toList()).containsExactly(
        "kernelnet: error: training diverged: caused by loss is NaN",
        "(run with --verbose or KERNELNET_DEBUG=1 for the stack trace)");
  }

  @Test
  void messageLessErrorIsNamedByItsClass() {
    int status = report(new NullPointerException(), false);

    assertThat(status).isEqualTo(1);
    assertThat(text.toString()).startsWith("kernelnet: error: java.lang.NullPointerException");
  }

  @Test
  void debugAddsTheStackTrace() {
    int status = report(new IllegalStateException("boom"), true);

    assertThat(status).isEqualTo(1);
    assertThat(text.toString())
        .startsWith("kernelnet: error: boom")
        .contains("java.lang.IllegalStateException: boom")
        .contains("\tat org.kernelnet.apps.cli.ErrorReporterTest")
        .doesNotContain("for the stack trace");
  }

  @Test
  void pluginLoadExceptionListsEveryProblemWithStatusTwo() {
    int status = report(new PluginLoadException(List.of("first problem", "second problem")), false);

    assertThat(status).isEqualTo(2);
    assertThat(text.toString().lines().toList()).containsExactly(
        "kernelnet: plugins could not be loaded (2 problems):",
        "  - first problem",
        "  - second problem");
  }

  @Test
  void configurationExceptionWithOneProblemIsOneLine() {
    int status = report(new ConfigurationException("--epochs must be in [1, inf), got 0"), false);

    assertThat(status).isEqualTo(2);
    assertThat(text.toString().lines().toList()).containsExactly(
        "kernelnet: invalid configuration: --epochs must be in [1, inf), got 0");
  }
}
