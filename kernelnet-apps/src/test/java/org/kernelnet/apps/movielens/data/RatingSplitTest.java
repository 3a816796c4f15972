package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingSplitTest {
  private static Ratings ratings;

  @BeforeAll
  static void generate(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("ratings.dat");
    SyntheticRatings.builder().setUsers(97).setItems(211).setRatings(10_007).optSeed(5).build()
        .write(file);
    ratings = RatingsReader.of(MovieLensDataset.ML_1M).read(file, note -> {});
  }

  @Test
  void disjointCompleteAndSizedByTheFraction() {
    RatingSplit split = RatingSplit.random(ratings, 0.1, 42);
    int[] train = split.trainPositions();
    int[] test = split.testPositions();

    // round(0.1 * 10,007) = 1,001
    assertThat(test).hasSize(1_001);
    assertThat(train).hasSize(10_007 - 1_001);
    int[] all = IntStream.concat(IntStream.of(train), IntStream.of(test)).sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 10_007).toArray());
    assertThat(train).isSorted();
    assertThat(test).isSorted();
    assertThat(split.seed()).isEqualTo(42);
    assertThat(split.protocol()).containsExactly(java.util.Map.entry("testFraction", "0.1"));
  }

  @Test
  void trainAndTestCarryTheRatingsAndTheFullIndexSpace() {
    RatingSplit split = RatingSplit.random(ratings, MovieLensDataset.ML_100K, 1);
    Ratings train = split.train();
    Ratings test = split.test();
    int[] testPositions = split.testPositions();

    assertThat(test.size()).isEqualTo(2_001); // round(0.2 * 10,007)
    assertThat(train.size() + test.size()).isEqualTo(ratings.size());
    assertThat(test.numUsers()).isEqualTo(ratings.numUsers());
    assertThat(test.numItems()).isEqualTo(ratings.numItems());
    for (int k = 0; k < test.size(); k++) {
      int p = testPositions[k];
      assertThat(test.user(k)).isEqualTo(ratings.user(p));
      assertThat(test.item(k)).isEqualTo(ratings.item(p));
      assertThat(test.rating(k)).isEqualTo(ratings.rating(p));
    }
    double sum = train.mean() * train.size() + test.mean() * test.size();
    assertThat(sum / ratings.size()).isCloseTo(ratings.mean(), within(1e-9));
  }

  @Test
  void sameSeedSameSplitDifferentSeedDifferentSplit() {
    RatingSplit a = RatingSplit.random(ratings, 0.1, 2018);
    RatingSplit b = RatingSplit.random(ratings, 0.1, 2018);
    RatingSplit c = RatingSplit.random(ratings, 0.1, 2019);

    assertThat(b.testPositions()).isEqualTo(a.testPositions());
    assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
    assertThat(c.testPositions()).isNotEqualTo(a.testPositions());
    assertThat(c.fingerprint()).isNotEqualTo(a.fingerprint());
    assertThat(a.provenance())
        .containsEntry("splitSeed", "2018")
        .containsEntry("testFraction", "0.1")
        .containsEntry("trainRatings", "9006")
        .containsEntry("testRatings", "1001")
        .containsEntry("testPositionsSha256", a.fingerprint())
        .containsEntry("sourceSha256", ratings.sourceSha256());
  }

  @Test
  void theDrawIsPinnedForAGivenSeed() {
    // Golden value: a partial Fisher-Yates shuffle of 0..9 driven by new java.util.Random(0)
    // (whose sequence the Java specification fixes) puts 0, 3 and 8 first. A change here breaks
    // the reproducibility of every recorded split.
    Ratings ten = ratings.select(IntStream.range(0, 10).toArray());

    assertThat(RatingSplit.random(ten, 0.3, 0).testPositions()).containsExactly(0, 3, 8);
    assertThat(RatingSplit.random(ten, 0.3, 0).trainPositions()).containsExactly(1, 2, 4, 5, 6, 7, 9);
  }

  @Test
  void kSplitsUseConsecutiveSeeds() {
    List<RatingSplit> splits = RatingSplit.randomSplits(ratings, 0.1, 100, 3);

    assertThat(splits).extracting(RatingSplit::seed).containsExactly(100L, 101L, 102L);
    assertThat(splits.get(1).testPositions())
        .isEqualTo(RatingSplit.random(ratings, 0.1, 101).testPositions());
    assertThat(splits).extracting(RatingSplit::fingerprint).doesNotHaveDuplicates();
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> RatingSplit.random(ratings, 1.0, 0))
        .hasMessage("testFraction must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> RatingSplit.random(ratings, 0.00001, 0))
        .hasMessageContaining("gives 0 test ratings");
    assertThatThrownBy(() -> RatingSplit.randomSplits(ratings, 0.1, 0, 0))
        .hasMessage("k must be an integer >= 1, got 0");
    assertThatThrownBy(() -> ratings.select(new int[] {1, 1}))
        .hasMessage("position 1 is selected twice");
  }

  @Test
  void kFoldTestsEveryRatingOnceInFoldsOfNearlyEqualSize() {
    List<RatingSplit> folds = RatingSplit.kFold(ratings, 3, 7);

    assertThat(folds).hasSize(3);
    // 10,007 = 3 * 3,335 + 2: the first two folds get one more
    assertThat(folds).extracting(f -> f.testPositions().length).containsExactly(3_336, 3_336, 3_335);
    int[] tested = folds.stream().flatMapToInt(f -> IntStream.of(f.testPositions())).sorted()
        .toArray();
    assertThat(tested).isEqualTo(IntStream.range(0, 10_007).toArray());
    for (RatingSplit fold : folds) {
      assertThat(fold.trainPositions().length + fold.testPositions().length).isEqualTo(10_007);
    }
    assertThat(folds).extracting(RatingSplit::seed).containsExactly(7L, 8L, 9L);
    assertThat(folds.get(1).provenance()).containsEntry("folds", "3").containsEntry("fold", "2")
        .containsEntry("foldSeed", "7").containsEntry("testRatings", "3336");
    assertThat(RatingSplit.kFold(ratings, 3, 7).get(2).fingerprint())
        .isEqualTo(folds.get(2).fingerprint())
        .isNotEqualTo(RatingSplit.kFold(ratings, 3, 8).get(2).fingerprint());
    assertThatThrownBy(() -> RatingSplit.kFold(ratings, 1, 7))
        .hasMessage("k-fold needs 2 <= k <= 10007 ratings, got 1");
  }

  @Test
  void aFixedSplitTestsOnTheGivenPositions() {
    RatingSplit split = RatingSplit.fixed(ratings, new int[] {5, 2, 9}, 3,
        java.util.Map.of("fold", "mine"));

    assertThat(split.testPositions()).containsExactly(2, 5, 9);
    assertThat(split.trainPositions()).hasSize(10_004).doesNotContain(2, 5, 9);
    assertThat(split.provenance()).containsEntry("fold", "mine").containsEntry("splitSeed", "3");
    assertThatThrownBy(() -> RatingSplit.fixed(ratings, new int[] {5, 5}, 3, java.util.Map.of()))
        .hasMessage("test position 5 is outside [0, 10007) or repeated");
    assertThatThrownBy(() -> RatingSplit.fixed(ratings, new int[0], 3, java.util.Map.of()))
        .hasMessageContaining("gives 0 test ratings; both sets need at least one");
  }
}
