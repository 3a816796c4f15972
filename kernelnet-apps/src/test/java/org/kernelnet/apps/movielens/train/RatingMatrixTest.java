package org.kernelnet.apps.movielens.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.movielens.MovieLensApp;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsReader;

class RatingMatrixTest {
  @TempDir Path dir;

  private Ratings read(String lines) throws IOException {
    Path file = dir.resolve("u.data");
    Files.writeString(file, lines);
    return RatingsReader.of(MovieLensDataset.ML_100K).read(file, note -> {});
  }

  @Test
  void itemMajorMatrixAndMask() throws IOException {
    // users 10, 20; items 7, 8, 9
    Ratings ratings = read("10\t8\t4\t0\n20\t7\t2\t0\n20\t9\t5\t0\n");
    RatingMatrix m = RatingMatrix.of(ratings, 3);

    try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
      assertThat(m.values(manager).toFloatArray()).containsExactly(0, 2, 4, 0, 0, 5);
      assertThat(m.mask(manager).toFloatArray()).containsExactly(0, 1, 1, 0, 0, 1);
      assertThat(m.valueRows(manager, new int[] {2, 0}).toFloatArray()).containsExactly(0, 5, 0, 2);
    }
  }

  @Test
  void firstItemsKeepsOnlyTheirRatings() throws IOException {
    Ratings ratings = read("1\t1\t1\t0\n1\t2\t5\t0\n2\t3\t4\t0\n2\t1\t3\t0\n");
    Ratings kept = MovieLensApp.firstItems(ratings, 1);

    assertThat(kept.size()).isEqualTo(2);
    assertThat(kept.values()).containsExactly(1f, 3f);
    assertThat(MovieLensApp.standardError(new double[] {1, 2, 3})).isCloseTo(1 / Math.sqrt(3), offset(1e-12));
    assertThat(MovieLensApp.standardError(new double[] {1})).isNaN();
  }
}
