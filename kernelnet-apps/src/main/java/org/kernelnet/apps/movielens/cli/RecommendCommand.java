package org.kernelnet.apps.movielens.cli;

import java.nio.file.Path;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.movielens.MovieLensModule;
import org.kernelnet.apps.movielens.RecommendApp;
import org.kernelnet.apps.movielens.RecommendConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kernelnet recommend}: a user's top unrated items by a saved {@code movielens} model. */
@Command(
    name = "recommend",
    description = "Lists the items a user has not rated with the highest ratings predicted by a"
        + " model saved by 'kernelnet movielens' (item ids as in the data set; titles if its item"
        + " file is in the data folder).")
public final class RecommendCommand extends ApplicationCommand<RecommendConfig> {
  @Mixin private DeviceOption device;

  @Option(names = "--model", paramLabel = "FILE", required = true,
      description = "A model file written by 'kernelnet movielens'.")
  private Path model;

  @Option(names = "--user", paramLabel = "ID", required = true,
      description = "The user id as the ratings file writes it (any text).")
  private String user;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many items to list, at least 1 (default: ${DEFAULT-VALUE}).")
  private int top;

  /** Runs {@link RecommendApp} with the {@link MovieLensModule}. */
  public RecommendCommand() {
    super(new MovieLensModule(), RecommendApp.class);
  }

  @Override
  protected RecommendConfig toConfig() {
    return new RecommendConfig(model, user, top);
  }
}
