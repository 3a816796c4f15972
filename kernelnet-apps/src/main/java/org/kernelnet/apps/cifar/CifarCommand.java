package org.kernelnet.apps.cifar;

import org.kernelnet.apps.cifar.probe.ProbeCommand;
import org.kernelnet.apps.cli.MissingSubcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kernelnet cifar}: the CIFAR-10 applications, as subcommands. */
@Command(
    name = "cifar",
    description = "CIFAR-10 applications on the pretrained ResNets (section 3.4 of the paper).",
    subcommands = {ProbeCommand.class})
public final class CifarCommand implements Runnable {
  @Spec private CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public void run() {
    throw MissingSubcommand.error(spec, "a command");
  }
}
