package org.kernelnet.apps;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import org.kernelnet.apps.cifar.CifarCommand;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.MissingSubcommand;
import org.kernelnet.apps.cli.RootCommand;
import org.kernelnet.apps.docs.ReportCommand;
import org.kernelnet.apps.embed.EmbedCommand;
import org.kernelnet.apps.kernels.KernelsCommand;
import org.kernelnet.apps.mnist.cli.MnistCommand;
import org.kernelnet.apps.movielens.cli.MovieLensCommand;
import org.kernelnet.apps.movielens.cli.RecommendCommand;
import org.kernelnet.apps.plugin.PluginCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command {@code kernelnet}: usage, version, and the subcommands. Its attributes are
 * inherited by every subcommand ({@code scope = INHERIT}): {@code --help}, {@code --version} and
 * the footer with the exit statuses and environment variables, unless a subcommand sets its own.
 */
@Command(
    name = "kernelnet",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Kernelized synaptic weight matrices (Mueller, Martel and Indiveri, ICML 2018) on DJL.",
        ""},
    subcommands = {
        KernelsCommand.class, MovieLensCommand.class, RecommendCommand.class, MnistCommand.class,
        EmbedCommand.class, CifarCommand.class, ReportCommand.class, PluginCommand.class,
        HelpCommand.class},
    footer = {
        "",
        "Exit status: 0 ok, 1 runtime failure, 2 usage or configuration error.",
        "Environment: KERNELNET_PLUGINS (plugin folder), KERNELNET_DATA_DIR (data folder),",
        "KERNELNET_DEBUG=1 (stack traces)."})
public final class KernelnetCommand implements Callable<Integer>, RootCommand {
  /** The option name {@link Kernelnet} looks for in the parse result. */
  static final String VERBOSE = "--verbose";

  private final Environment environment;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-v", VERBOSE},
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error and DJL's info-level log (KERNELNET_DEBUG=1"
          + " also turns on stack traces).")
  private boolean verbose;

  /** @param environment the environment variables and home folder the launcher runs with */
  public KernelnetCommand(Environment environment) {
    this.environment = requireNonNull(environment, "environment is null");
  }

  @Override
  public Environment environment() {
    return environment;
  }

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw MissingSubcommand.error(spec, "a command");
  }
}
