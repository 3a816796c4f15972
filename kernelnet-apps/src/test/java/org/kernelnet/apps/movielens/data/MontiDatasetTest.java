package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kernelnet.apps.RealData;

class MontiDatasetTest {
  @TempDir Path dir;

  /** A 2 x 3 rating matrix and its masks, transposed as MATLAB stores them. */
  private Path mat(double[][] m, double[][] training, double[][] test) {
    Path file = dir.resolve("training_test_dataset.mat");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putDataset("M", transpose(m));
      hdf.putDataset("Otraining", transpose(training));
      hdf.putDataset("Otest", transpose(test));
    }
    return file;
  }

  private static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int r = 0; r < a.length; r++) {
      for (int c = 0; c < a[0].length; c++) {
        t[c][r] = a[r][c];
      }
    }
    return t;
  }

  @Test
  void ratingsAreOrderedByUserThenItemWithOneBasedIdsAndTheTestMaskSplits() throws IOException {
    // user 2 rated nothing and item 3 was never rated: neither gets an index
    Path file = mat(new double[][] {{0, 5, 0}, {0, 0, 0}, {2, 4, 0}},
        new double[][] {{0, 1, 0}, {0, 0, 0}, {1, 0, 0}},
        new double[][] {{0, 0, 0}, {0, 0, 0}, {0, 1, 0}});

    RatingsFile data = MontiDataset.DOUBAN.read(file);
    RatingSplit split = data.published().split(data.ratings(), 9);
    Ratings r = data.ratings();

    assertThat(r.size()).isEqualTo(3);
    assertThat(r.numUsers()).isEqualTo(2);
    assertThat(r.numItems()).isEqualTo(2);
    assertThat(IntStream.range(0, 2).mapToObj(r::userId)).containsExactly("1", "3");
    assertThat(IntStream.range(0, 2).mapToObj(r::itemId)).containsExactly("1", "2");
    // (user 1, item 2) = 5, (user 3, item 1) = 2, (user 3, item 2) = 4
    assertThat(IntStream.range(0, 3).mapToObj(k -> r.userId(r.user(k))))
        .containsExactly("1", "3", "3");
    assertThat(IntStream.range(0, 3).mapToObj(k -> r.itemId(r.item(k))))
        .containsExactly("2", "1", "2");
    assertThat(r.values()).containsExactly(5f, 2f, 4f);
    assertThat(split.testPositions()).containsExactly(2);
    assertThat(split.seed()).isEqualTo(9);
    assertThat(split.provenance())
        .containsEntry("split", "Monti et al. 2017 (Otraining / Otest)");
  }

  @Test
  void theOfficialProtocolTestsOnThePublishedSplitOnly() throws IOException {
    Path file = mat(new double[][] {{1, 5}, {2, 4}}, new double[][] {{1, 1}, {0, 1}},
        new double[][] {{0, 0}, {1, 0}});
    RatingsFile data = MontiDataset.DOUBAN.read(file);
    RatingsInput douban = new RatingsInput.Monti(MontiDataset.DOUBAN);

    List<RatingSplit> splits = SplitProtocol.OFFICIAL.splits(douban, data.ratings(),
        data.publishedSplit(), 1, 0.1, 7);

    assertThat(splits).hasSize(1);
    assertThat(splits.get(0).testPositions()).containsExactly(2); // M(2, 1) = 2
    assertThat(splits.get(0).seed()).isEqualTo(7);
    assertThat(SplitProtocol.OFFICIAL.describe(1, 0.1, data.publishedSplit()))
        .isEqualTo("the Monti et al. (2017) split");
    assertThatThrownBy(() -> SplitProtocol.OFFICIAL.splits(douban, data.ratings(),
        data.publishedSplit(), 2, 0.1, 7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Douban comes with one split, 2 were asked for");
  }

  @Test
  void masksThatOverlapMissOrMarkNoRatingAreRefused() {
    double[][] m = {{1, 2}, {3, 0}};
    Path both = mat(m, new double[][] {{1, 1}, {1, 0}}, new double[][] {{1, 0}, {0, 0}});
    assertThatThrownBy(() -> MontiDataset.DOUBAN.read(both))
        .isInstanceOf(IOException.class)
        .hasMessage(both + ": the rating M(1, 1) is in both of Otraining and Otest");

    Path neither = mat(m, new double[][] {{0, 1}, {1, 0}}, new double[][] {{0, 0}, {0, 0}});
    assertThatThrownBy(() -> MontiDataset.DOUBAN.read(neither))
        .hasMessage(neither + ": the rating M(1, 1) is in neither of Otraining and Otest");

    Path stray = mat(m, new double[][] {{1, 1}, {0, 1}}, new double[][] {{0, 0}, {1, 0}});
    assertThatThrownBy(() -> MontiDataset.DOUBAN.read(stray))
        .hasMessage(stray + ": Otraining marks (2, 2), where M has no rating");
  }

  @Test
  void aRatingOffTheScaleIsRefused() {
    Path file = mat(new double[][] {{1, 6}}, new double[][] {{1, 0}}, new double[][] {{0, 1}});

    assertThatThrownBy(() -> MontiDataset.DOUBAN.read(file))
        .hasMessage(file + ": M(1, 2) = 6.0 is not on Douban's scale integers 1..5");
  }

  /**
   * The published rating counts (GC-MC Table 1, IGMC Table 1). The users and items with a rating
   * are the shared data README's numbers the other way round: it counted them on the stored
   * (transposed) arrays, while the rows of MATLAB's {@code M}, the users, are the second HDF5
   * dimension.
   */
  @ParameterizedTest
  @CsvSource({
      "DOUBAN, 136891, 123202, 13689, 2999, 3000",
      "FLIXSTER, 26173, 23556, 2617, 2341, 2956",
      "YAHOO_MUSIC, 5335, 4802, 533, 1357, 1363"})
  void theRealFilesHoldThePublishedSplits(MontiDataset dataset, int ratings, int train, int test,
      int users, int items) throws IOException {
    Path file = RealData.path().resolve(dataset.relativePath());
    assumeThat(file).isRegularFile();

    RatingsFile data = dataset.read(file);
    RatingSplit split = data.published().split(data.ratings(), 1);

    assertThat(data.ratings().size()).isEqualTo(ratings);
    assertThat(split.trainPositions()).hasSize(train);
    assertThat(split.testPositions()).hasSize(test);
    assertThat(data.ratings().numUsers()).isEqualTo(users);
    assertThat(data.ratings().numItems()).isEqualTo(items);
    assertThat(data.ratings().sourceSha256())
        .isEqualTo(Map.of(MontiDataset.DOUBAN,
            "1f4476321cbfe0f606e7e35d0695ca15447a1b0b2c811df130109b6cb9a067ae",
            MontiDataset.FLIXSTER,
            "8b07e0387edfe7ffdccead2826bb3844ddbd9e6a8ccba264ce81a3b59b273197",
            MontiDataset.YAHOO_MUSIC,
            "56a80de836537544d0d6ba36fc59937dfe87f738ac5e2a701cc8226faf4f31ec").get(dataset));
  }
}
