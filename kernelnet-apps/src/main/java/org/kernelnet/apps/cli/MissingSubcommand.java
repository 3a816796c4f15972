package org.kernelnet.apps.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The usage error of a group command ({@code kernelnet}, {@code mnist}, {@code embed}, {@code
 * cifar}) run without one of its subcommands: exit status 2 and the names to choose from.
 */
public final class MissingSubcommand {
  private MissingSubcommand() {}

  /**
   * @param spec the group command
   * @param what what is missing, e.g. {@code "an experiment"}
   * @return {@code Missing <what>; one of: <subcommands>}, to be thrown
   */
  public static ParameterException error(CommandSpec spec, String what) {
    return new ParameterException(spec.commandLine(), "Missing " + what + "; one of: "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
