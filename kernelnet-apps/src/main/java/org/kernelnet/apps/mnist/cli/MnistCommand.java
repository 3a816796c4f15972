package org.kernelnet.apps.mnist.cli;

import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.MissingSubcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kernelnet mnist}: the MNIST experiments, one subcommand each. */
@Command(
    name = "mnist",
    description = "MNIST experiments of Mueller et al. (2018) and Denil et al. (2013): the pixel-grid"
        + " prior (Table 1), effective dimensionality (Figure 3), predicted parameters, and a"
        + " training-speed benchmark.",
    subcommands = {
        GridPriorCommand.class,
        DimensionalityCommand.class,
        PredictParamsCommand.class,
        BenchmarkCommand.class})
public final class MnistCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Without an experiment there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw MissingSubcommand.error(spec, "an experiment");
  }
}
