package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.ApplicationRunner;
import org.kernelnet.apps.inject.CoreSettings;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kernelnet movielens generate}: a synthetic ratings file of a data set's size and format. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = org.kernelnet.apps.VersionProvider.class,
    description = {
        "Writes random ratings in a MovieLens data set's format where its ratings file belongs in"
            + " the data folder (default: ML-10M's published size, 69,878 users x 10,677 items x"
            + " 10,000,054 half-star ratings), for measuring memory and time without the real"
            + " file. Use a separate --data-dir: an existing ratings file is never replaced.",
        "The ratings are random: RMSE on them measures nothing."})
public final class GenerateCommand implements Callable<Integer> {
  private final Environment environment;

  @Mixin private CommonOptions common;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "ml-10m",
      description = "ml-100k, ml-1m or ml-10m (default: ${DEFAULT-VALUE}).")
  private String dataset;

  @Option(names = "--users", paramLabel = "N", description = "Users (default: the published count).")
  private Integer users;

  @Option(names = "--items", paramLabel = "N", description = "Items (default: the published count).")
  private Integer items;

  @Option(names = "--ratings", paramLabel = "N",
      description = "Ratings (default: the published count).")
  private Long ratings;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Spec private CommandSpec spec;

  /** @param environment the environment variables and home folder the command runs with */
  public GenerateCommand(Environment environment) {
    this.environment = requireNonNull(environment, "environment is null");
  }

  @Override
  public Integer call() throws Exception {
    Terminal terminal = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    MovieLensDataset data = MovieLensConfig.datasetById(dataset).orElseThrow(() ->
        new ConfigurationException(List.of("--dataset: unknown data set '" + dataset + "'; valid: "
            + MovieLensConfig.datasetIds())));
    long[] size = GenerateConfig.publishedSize(data);
    GenerateConfig config = new GenerateConfig(data, users != null ? users : (int) size[0],
        items != null ? items : (int) size[1], ratings != null ? ratings : size[2], seed);
    ApplicationRunner.run(CoreSettings.of(common, environment), terminal,
        new GenerateModule(config), GenerateApp.class);
    return ExitCode.OK;
  }
}
