package org.kernelnet.apps.movielens.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsReader;

/**
 * The small synthetic rating matrix the trainers' tests learn: {@value #USERS} users x {@value
 * #ITEMS} items, rating {@code round(3 + 1.8 a_u b_i)} clipped to 1..5 with {@code a, b} uniform
 * in {@code [-1, 1)}, half of the entries observed, read back from an ML-100K-format file and
 * split 80/20 with seed 3.
 */
final class LowRankRatings {
  static final int USERS = 60;
  static final int ITEMS = 80;

  private LowRankRatings() {}

  /** Writes the ratings to {@code dir/u.data} and returns their split. */
  static RatingSplit split(Path dir) throws IOException {
    Random random = new Random(11);
    double[] a = random.doubles(USERS, -1, 1).toArray();
    double[] b = random.doubles(ITEMS, -1, 1).toArray();
    StringBuilder lines = new StringBuilder();
    for (int u = 0; u < USERS; u++) {
      for (int i = 0; i < ITEMS; i++) {
        if (random.nextBoolean()) {
          long r = Math.max(1, Math.min(5, Math.round(3 + 1.8 * a[u] * b[i])));
          lines.append(u + 1).append('\t').append(i + 1).append('\t').append(r).append("\t0\n");
        }
      }
    }
    Path file = dir.resolve("u.data");
    Files.writeString(file, lines);
    Ratings ratings = RatingsReader.of(MovieLensDataset.ML_100K).read(file, note -> {});
    return RatingSplit.random(ratings, 0.2, 3);
  }
}
