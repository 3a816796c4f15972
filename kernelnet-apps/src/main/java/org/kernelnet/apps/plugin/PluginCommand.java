package org.kernelnet.apps.plugin;

import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.MissingSubcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kernelnet plugin}: tools for plugin authors, one subcommand each. */
@Command(
    name = "plugin",
    description = "Tools for plugin authors.",
    subcommands = PluginInitCommand.class)
public final class PluginCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw MissingSubcommand.error(spec, "a plugin tool");
  }
}
