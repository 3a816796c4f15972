package org.kernelnet.apps.movielens;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.model.SavedModel;
import org.kernelnet.apps.movielens.train.RatingMatrix;

/**
 * Loads a saved model and the ratings file it was trained on (a data set's from the data
 * directory, or a file of one's own where the model says or {@code --ratings} gives, read in the
 * format the model records; checked by SHA-256, and its ids against the model's), feeds every
 * item's known ratings (all of the file's ratings, not only the training split) through the
 * autoencoder and lists the user's unrated items with the highest predicted ratings (clipped to the
 * rating scale).
 */
public final class RecommendApp implements Application {
  private final RecommendConfig config;
  private final KernelnetRegistry registry;
  private final RatingsSource ratingsSource;
  private final Terminal terminal;
  private final Device device;

  @Inject
  RecommendApp(RecommendConfig config, KernelnetRegistry registry, RatingsSource ratingsSource,
      Terminal terminal, Device device) {
    this.config = config;
    this.registry = registry;
    this.ratingsSource = ratingsSource;
    this.terminal = terminal;
    this.device = device;
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
  static List<Recommendation> recommend(ItemAutoencoder net, Ratings ratings, int items, int user,
      int top, MovieTitles titles) {
    RatingMatrix matrix = RatingMatrix.of(ratings, items);
    float[] predictions;
    try (NDManager scope = net.model().getNDManager().newSubManager()) {
      NDArray input = matrix.values(scope);
      predictions = net.predict(input);
    }
    boolean[] rated = new boolean[items];
    for (int k = 0; k < ratings.size(); k++) {
      if (ratings.user(k) == user) {
        rated[ratings.item(k)] = true;
      }
    }
    List<Recommendation> candidates = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      if (!rated[i]) {
        String id = ratings.itemId(i);
        candidates.add(new Recommendation(i, id,
            RatingMatrix.clip(predictions[i * matrix.users() + user], ratings.scale()),
            titles.title(id).orElse("")));
      }
    }
    candidates.sort(Comparator.comparingDouble(Recommendation::predicted).reversed()
        .thenComparingInt(Recommendation::item));
    return List.copyOf(candidates.subList(0, Math.min(top, candidates.size())));
  }
}
