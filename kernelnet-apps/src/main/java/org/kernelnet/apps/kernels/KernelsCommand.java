package org.kernelnet.apps.kernels;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.ApplicationRunner;
import org.kernelnet.apps.inject.CoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kernelnet kernels}: the options of the listing; the work is done by {@link KernelsApp}. */
@Command(
    name = "kernels",
    description = "Lists every kernel and sparsity regulariser, built-in and from plugins, with its"
        + " settings, the properties of its default instance and the plugin and jar it came from.")
public final class KernelsCommand implements Callable<Integer> {
  private final Environment environment;

  @Mixin private CommonOptions common;

  @Option(names = "--json", description = "Write one JSON document instead of aligned text.")
  private boolean json;

  @Spec private CommandSpec spec;

  /** @param environment the environment variables and home folder the command runs with */
  public KernelsCommand(Environment environment) {
    this.environment = requireNonNull(environment, "environment is null");
  }

  @Override
  public Integer call() throws Exception {
    KernelsConfig config = new KernelsConfig(json ? KernelsConfig.Format.JSON : KernelsConfig.Format.TEXT);
    Terminal terminal = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    ApplicationRunner.run(
        CoreSettings.of(common, environment), terminal, new KernelsModule(config), KernelsApp.class);
    return ExitCode.OK;
  }
}
