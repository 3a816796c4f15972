package org.kernelnet.apps.movielens.cli;

import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.movielens.GenerateApp;
import org.kernelnet.apps.movielens.GenerateConfig;
import org.kernelnet.apps.movielens.MovieLensModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kernelnet movielens generate}: a synthetic ratings file of a data set's size and format,
 * with structure to learn ({@link org.kernelnet.apps.movielens.data.SyntheticRatings}).
 */
@Command(
    name = "generate",
    description = {
        "Writes synthetic ratings in a MovieLens data set's format where its ratings file belongs"
            + " in the data folder (default: ML-10M's published size, 69,878 users x 10,677 items"
            + " x 10,000,054 half-star ratings; ml-20m: 138,493 x 26,744 x 20,000,263), so that"
            + " the other movielens commands read it like the real file. Use a separate"
            + " --data-dir: an existing ratings file is never replaced.",
        "Who rates what is long-tailed like MovieLens: user activity and item popularity are"
            + " log-normal weights (sigma 1.0 and 1.3); each user rates at least 20 items where"
            + " --ratings allows, the rest in proportion to its activity, drawn without"
            + " replacement in proportion to popularity.",
        "Values are low-rank plus noise: round(3.6 + b_u + b_i + p_u.q_i + e) clipped to the"
            + " scale, with biases ~ N(0, 0.5^2), rank-10 factors whose product has sd 0.6 and"
            + " noise e ~ N(0, 0.8^2): mean about 3.5, std about 1.1, and the noiseless model"
            + " predicts with an RMSE of about 0.75-0.8, 0.7 x the global mean's.",
        "Prints, and writes to <file>.summary.json: ratings, active users and items, mean and std,"
            + " min/median/max ratings per user and per item, and the RMSE of the global mean and"
            + " of the generating model's noiseless prediction on the written ratings."})
public final class GenerateCommand extends ApplicationCommand<GenerateConfig> {
  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "ml-10m",
      description = "ml-100k, ml-1m, ml-10m or ml-20m: the format, place, rating scale and"
          + " default size (default: ${DEFAULT-VALUE}).")
  private String dataset;

  @Option(names = "--users", paramLabel = "N",
      description = "Users, at least 1 (default: the published count).")
  private Integer users;

  @Option(names = "--items", paramLabel = "N",
      description = "Items, at least 1 (default: the published count).")
  private Integer items;

  @Option(names = "--ratings", paramLabel = "N",
      description = "Ratings, exactly this many, 1 to users x items (default: the published"
          + " count).")
  private Long ratings;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Generator seed; the same seed and sizes give the same file (default:"
          + " ${DEFAULT-VALUE}).")
  private long seed;

  /** Runs {@link GenerateApp} with the {@link MovieLensModule}. */
  public GenerateCommand() {
    super(new MovieLensModule(), GenerateApp.class);
  }

  @Override
  protected GenerateConfig toConfig() {
    return GenerateConfig.of(dataset, users, items, ratings, seed);
  }
}
