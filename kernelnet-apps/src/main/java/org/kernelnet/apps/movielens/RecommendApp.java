package org.kernelnet.apps.movielens;

import ai.djl.Device;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.movielens.data.MovieTitles;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsFile;
import org.kernelnet.apps.movielens.data.RatingsInput;
import org.kernelnet.apps.movielens.data.RatingsSource;
import org.kernelnet.apps.movielens.model.RatingModel;
import org.kernelnet.apps.movielens.model.SavedModel;
import org.kernelnet.apps.movielens.recommend.TopNCsv;
import org.kernelnet.apps.movielens.recommend.UnratedPredictions;
import org.kernelnet.apps.report.AtomicFile;
import org.kernelnet.apps.report.ProgressLog;

/**
 * Loads a saved model and the ratings file it was trained on (a data set's from the data
 * directory, or a file of one's own where the model says or {@code --ratings} gives, read in the
 * format the model records; checked by SHA-256, and its ids against the model's), feeds every
 * item's known ratings (all of the file's ratings, not only the training split) through the
 * autoencoder in one forward pass and lists the unrated items with the highest predicted ratings
 * (clipped to the rating scale): for one user as a table, or for every user as CSV ({@link
 * TopNCsv}) on standard output or into a file written atomically, with progress and timings on
 * standard error.
 */
public final class RecommendApp implements Application {
  private final RecommendConfig config;
  private final KernelnetRegistry registry;
  private final RatingsSource ratingsSource;
  private final Terminal terminal;
  private final Device device;
  private final ProgressLog progress;

  @Inject
  RecommendApp(RecommendConfig config, KernelnetRegistry registry, RatingsSource ratingsSource,
      Terminal terminal, Device device, ProgressLog progress) {
    this.config = config;
    this.registry = registry;
    this.ratingsSource = ratingsSource;
    this.terminal = terminal;
    this.device = device;
    this.progress = progress;
  }

  /** One recommended item. */
  record Recommendation(int item, String itemId, double predicted, String title) {}

  @Override
  public void run() throws Exception {
    try (SavedModel.Loaded loaded =
        SavedModel.read(config.model(), registry, device, terminal::warn)) {
      SavedModel.Header header = loaded.header();
      RatingsInput trainedOn = trainedOn(header);
      RatingsFile data = ratingsSource.ratings(trainedOn);
      Path file = data.file();
      Ratings all = data.ratings();
      if (!all.sourceSha256().equals(header.ratingsSha256())) {
        throw new ConfigurationException("the model " + config.model() + " was trained on a ratings"
            + " file with SHA-256 " + header.ratingsSha256() + " but " + file + " has "
            + all.sourceSha256());
      }
      checkIds(header, all, file);
      Ratings ratings = MovieLensApp.firstItems(all, header.items());
      if (config.allUsers()) {
        allUsers(loaded.net(), ratings, header.items(), file);
        return;
      }
      OptionalInt user = ratings.userIndex(config.user());
      if (user.isEmpty()) {
        throw new ConfigurationException("--user " + config.user() + ": no such user in " + file
            + " (" + ratings.numUsers() + " user ids, " + ratings.userId(0) + " .. "
            + ratings.userId(ratings.numUsers() - 1) + ")");
      }
      List<Recommendation> top = recommend(loaded.net(), ratings, header.items(), user.getAsInt(),
          config.top(), ratingsSource.titles(trainedOn));
      PrintWriter out = terminal.out();
      out.printf(Locale.ROOT, "Top %d unrated items for user %s (%s, %s, test RMSE %.4f)%n",
          top.size(), config.user(), header.spec().label(), trainedOn.label(), header.testRmse());
      out.printf(Locale.ROOT, "%4s %8s %9s  %s%n", "rank", "item", "predicted", "title");
      for (int r = 0; r < top.size(); r++) {
        Recommendation rec = top.get(r);
        out.printf(Locale.ROOT, "%4d %8s %9.3f  %s%n", r + 1, rec.itemId(), rec.predicted(),
            rec.title());
      }
      out.flush();
    }
  }

  /** The model's ratings, the file checked to be there. */
  private RatingsInput trainedOn(SavedModel.Header header) {
    RatingsInput input;
    try {
      input = header.trainedOn(config.ratings());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("--ratings: " + e.getMessage());
    }
    if (input instanceof RatingsInput.OwnFile own && !Files.isRegularFile(own.file())) {
      throw new ConfigurationException("the model " + config.model() + " was trained on "
          + own.file() + ", which is not there; give --ratings FILE where it is now");
    }
    return input;
  }

  /**
   * Checks that the ids read now are those the model was trained with (models of format 3 record
   * them): the same file read in the same format gives the same ids unless the mapping rules of
   * this kernelnet differ from those of the one that trained the model.
   */
  private void checkIds(SavedModel.Header header, Ratings all, Path file) {
    if (header.userIds() != null && (!header.userIds().equals(all.userIds().ids())
        || !header.itemIds().equals(all.itemIds().ids().subList(0, header.items())))) {
      throw new IllegalStateException("the user and item ids the model " + config.model()
          + " records differ from those read from " + file + " (the same file), so this"
          + " kernelnet maps ids to indices otherwise than the one that trained it; train the"
          + " model again");
    }
  }

  /** The user's {@code top} unrated items, best first (ties by item index, i.e. id order). */
  static List<Recommendation> recommend(RatingModel net, Ratings ratings, int items, int user,
      int top, MovieTitles titles) throws IOException {
    List<Recommendation> best = new ArrayList<>();
    UnratedPredictions.of(net, ratings, items).top(user, user + 1, top,
        (u, itemIndices, scores, count) -> {
          for (int r = 0; r < count; r++) {
            String id = ratings.itemId(itemIndices[r]);
            best.add(new Recommendation(itemIndices[r], id, scores[r], titles.title(id).orElse("")));
          }
        });
    return best;
  }

  /** Every user's top items as CSV, timing the forward pass and the ranking and writing. */
  private void allUsers(RatingModel net, Ratings ratings, int items, Path ratingsFile)
      throws IOException {
    progress.always("predicting the ratings of %,d users x %,d items (%s)", ratings.numUsers(),
        items, ratingsFile);
    double start = progress.elapsedSeconds();
    UnratedPredictions predictions = UnratedPredictions.of(net, ratings, items);
    double predicted = progress.elapsedSeconds();
    progress.always("predicted in %.1f s; ranking each user's top %d unrated items",
        predicted - start, config.top());
    TopNCsv.Written written;
    String target;
    if (config.csv() == null) {
      target = "standard output";
      PrintWriter out = terminal.out();
      written = TopNCsv.write(predictions, ratings, config.top(), out, progress);
      if (out.checkError()) {
        throw new IOException("cannot write the recommendations to standard output");
      }
    } else {
      target = config.csv().toAbsolutePath().toString();
      TopNCsv.Written[] csv = new TopNCsv.Written[1];
      AtomicFile.write(config.csv(), stream -> csv[0] = TopNCsv.write(predictions, ratings,
          config.top(), new OutputStreamWriter(stream, StandardCharsets.UTF_8), progress));
      written = csv[0];
    }
    double end = progress.elapsedSeconds();
    progress.always("%,d users, %,d rows to %s in %.1f s, %,.0f users/s (prediction %.1f s,"
        + " ranking and writing %.1f s)", written.users(), written.rows(), target, end,
        written.users() / end, predicted - start, end - predicted);
  }
}
