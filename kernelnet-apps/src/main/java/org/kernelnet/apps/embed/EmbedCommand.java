package org.kernelnet.apps.embed;

import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.MissingSubcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kernelnet embed}: the extensible 2-D embeddings of section 3.3 of Mueller et al. 2018; the
 * data set is the subcommand ({@code mnist}).
 */
@Command(
    name = "embed",
    description = "Trains a network with a 2-D kernelNet layer on a fixed grid and maps every"
        + " example to the centre of mass of its activations on that grid.",
    subcommands = {EmbedMnistCommand.class})
public final class EmbedCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Without a data set there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw MissingSubcommand.error(spec, "a data set");
  }
}
