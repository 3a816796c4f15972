package org.kernelnet.apps.movielens.cli;

import java.nio.file.Path;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.movielens.MovieLensModule;
import org.kernelnet.apps.movielens.RecommendApp;
import org.kernelnet.apps.movielens.RecommendConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kernelnet recommend}: a user's top unrated items by a saved {@code movielens} model, or
 * every user's as CSV.
 */
@Command(
    name = "recommend",
    description = "Lists the items a user has not rated with the highest ratings predicted by a"
        + " model saved by 'kernelnet movielens' (item ids as in the ratings file; titles if a"
        + " MovieLens data set's item file is in the data folder), or with --all-users every"
        + " user's, as CSV rows user,rank,item,score (original ids; score: the prediction clipped"
        + " to the rating scale; ranks from 1, ties by item index), with progress on standard"
        + " error.")
public final class RecommendCommand extends ApplicationCommand<RecommendConfig> {
  @Mixin private DeviceOption device;

  @Option(names = "--model", paramLabel = "FILE", required = true,
      description = "A model file written by 'kernelnet movielens'.")
  private Path model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Users users;

  /** Whom to recommend to: one of the two options, exactly. */
  static final class Users {
    @Option(names = "--user", paramLabel = "ID", required = true,
        description = "The user id as the ratings file writes it (any text): prints a table.")
    private String user;

    @Option(names = "--all-users", required = true,
        description = "Every user of the ratings file, in one pass: CSV to standard output or"
            + " --csv FILE.")
    private boolean allUsers;
  }

  @Option(names = "--ratings", paramLabel = "FILE",
      description = "Where the ratings file of one's own that the model was trained on is now, if"
          + " it has moved (default: where the model records it); it must be the same file.")
  private Path ratings;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many items to list per user, at least 1 (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "With --all-users: write the CSV to FILE instead of standard output, through a"
          + " temporary file renamed when complete, so a failed run leaves FILE as it was.")
  private Path csv;

  /** Runs {@link RecommendApp} with the {@link MovieLensModule}. */
  public RecommendCommand() {
    super(new MovieLensModule(), RecommendApp.class);
  }

  @Override
  protected RecommendConfig toConfig() {
    return new RecommendConfig(model, users.allUsers ? null : users.user, top, csv, ratings);
  }
}
