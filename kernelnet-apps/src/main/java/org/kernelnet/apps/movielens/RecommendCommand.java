package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.DeviceOption;
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

/** {@code kernelnet recommend}: a user's top unrated items by a saved {@code movielens} model. */
@Command(
    name = "recommend",
    description = "Lists the items a user has not rated with the highest ratings predicted by a"
        + " model saved by 'kernelnet movielens' (item ids as in the data set; titles if its item"
        + " file is in the data folder).")
public final class RecommendCommand implements Callable<Integer> {
  private final Environment environment;

  @Mixin private CommonOptions common;
  @Mixin private DeviceOption device;

  @Option(names = "--model", paramLabel = "FILE", required = true,
      description = "A model file written by 'kernelnet movielens'.")
  private Path model;

  @Option(names = "--user", paramLabel = "ID", required = true,
      description = "The user id as in the ratings file.")
  private int user;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many items to list, at least 1 (default: ${DEFAULT-VALUE}).")
  private int top;

  @Spec private CommandSpec spec;

  /** @param environment the environment variables and home folder the command runs with */
  public RecommendCommand(Environment environment) {
    this.environment = requireNonNull(environment, "environment is null");
  }

  @Override
  public Integer call() throws Exception {
    RecommendConfig config = new RecommendConfig(model, user, top);
    Terminal terminal = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    ApplicationRunner.run(CoreSettings.of(common, device.device(), environment), terminal,
        new RecommendModule(config), RecommendApp.class);
    return ExitCode.OK;
  }
}
