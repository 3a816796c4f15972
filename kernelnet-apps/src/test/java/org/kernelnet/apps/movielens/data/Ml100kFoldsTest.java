package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.data.Downloader;

/** The u1..u5 folds rebuilt from the real {@code u.data} of the data directory. */
class Ml100kFoldsTest {
  private static Path uData;
  private static Ratings ratings;

  @BeforeAll
  static void read() throws IOException {
    Path file = RealData.path().resolve("movielens/ml-100k/u.data");
    assumeThat(file).isRegularFile();
    uData = file;
    ratings = MovieLensDataset.ML_100K.load(RealData.directory(), Downloader.offline(), n -> {});
  }

  @Test
  void fiveDisjointFoldsOf20000WhoseTestSetsTileUData() {
    List<RatingSplit> folds = Ml100kFolds.folds(ratings, 5, 10);

    assertThat(folds).hasSize(5);
    List<Integer> tested = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RatingSplit fold = folds.get(i);
      assertThat(fold.testPositions()).hasSize(20_000);
      assertThat(fold.trainPositions()).hasSize(80_000);
      assertThat(IntStream.concat(IntStream.of(fold.trainPositions()),
          IntStream.of(fold.testPositions())).sorted().toArray())
          .isEqualTo(IntStream.range(0, 100_000).toArray());
      // u<i>.test is lines 20000 (i - 1) + 1 .. 20000 i of u.data
      assertThat(fold.testPositions())
          .isEqualTo(IntStream.range(20_000 * i, 20_000 * (i + 1)).toArray());
      assertThat(fold.seed()).isEqualTo(10 + i);
      assertThat(fold.protocol()).containsEntry("fold", "u" + (i + 1));
      IntStream.of(fold.testPositions()).forEach(tested::add);
    }
    assertThat(tested).doesNotHaveDuplicates().hasSize(100_000);
  }

  @Test
  void u1IsTheOfficialU1Test() {
    RatingSplit u1 = Ml100kFolds.folds(ratings, 1, 1).get(0);

    // sha256 of `cut -f1-3` of u1.test as usydnlp/Glocal_K distributes it (sorted by user, item)
    assertThat(Ml100kFolds.fingerprint(ratings, u1.testPositions()))
        .isEqualTo("1089b7464e01d52dc22acce6b41e0233a71b79857fc10ec8cbe2022c7b84ece4");
    // and of u1.base
    assertThat(Ml100kFolds.fingerprint(ratings, u1.trainPositions()))
        .isEqualTo("c3db173f9969bed5ae4cd56053f97f1362bebc0a01d254cfda7cd144e8c3575a");
  }

  @Test
  void aShuffledUDataIsRefused(@TempDir Path tmp) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(uData));
    Collections.shuffle(lines, new Random(1));
    Path shuffled = tmp.resolve("u.data");
    Files.write(shuffled, lines);
    Ratings other = RatingsReader.of(MovieLensDataset.ML_100K).read(shuffled, n -> {});

    assertThatThrownBy(() -> Ml100kFolds.folds(other, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(shuffled + " is not u.data in its original line order: the ratings of its"
            + " lines 1..20000 are not those of the official u1.test");
  }

  @Test
  void otherRatingsAndFoldCountsAreRefused() {
    Ratings part = ratings.select(IntStream.range(0, 99_999).toArray());

    assertThatThrownBy(() -> Ml100kFolds.folds(part, 1, 1))
        .hasMessageContaining("the ML-100K folds are rebuilt from u.data's 100000 ratings; ")
        .hasMessageEndingWith(" has 99999");
    assertThatThrownBy(() -> Ml100kFolds.folds(ratings, 6, 1))
        .hasMessage("ML-100K has folds u1..u5, asked for 6");
  }
}
