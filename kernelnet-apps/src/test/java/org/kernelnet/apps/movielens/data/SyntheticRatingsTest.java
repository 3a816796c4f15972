package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticRatingsTest {
  @TempDir Path tmp;

  @Test
  void theSameSeedWritesTheSameFileAndAnotherSeedAnotherFile() throws IOException {
    SyntheticRatings.Builder b = SyntheticRatings.builder().setUsers(60).setItems(90)
        .setRatings(2_500);
    Path a = tmp.resolve("a.dat");
    Path again = tmp.resolve("again.dat");
    Path other = tmp.resolve("other.dat");
    SyntheticRatings first = b.optSeed(11).build();
    SyntheticRatings.Summary summary = first.write(a);
    SyntheticRatings.Summary repeated = first.write(again);
    b.optSeed(12).build().write(other);

    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(a));
    assertThat(repeated).isEqualTo(summary);
    assertThat(b.optSeed(11).build().write(again)).isEqualTo(summary);
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(a));
    assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(a));
    assertThat(b.optSeed(11).build().prediction(7, 8)).isEqualTo(first.prediction(7, 8));
  }

  /** Each data set's format: separator, scale and header as its reader expects them. */
  @ParameterizedTest
  @EnumSource(MovieLensDataset.class)
  void everyLineParsesWithTheDataSetsReader(MovieLensDataset dataset) throws IOException {
    Path file = tmp.resolve("ratings");
    SyntheticRatings.Builder b = SyntheticRatings.builder().setUsers(300).setItems(200)
        .setRatings(12_345).optScale(dataset.scale()).optSeparator(dataset.separator()).optSeed(3);
    dataset.header().ifPresent(b::optHeader);
    SyntheticRatings.Summary summary = b.build().write(file);

    Ratings r = RatingsReader.of(dataset).read(file, note -> {});

    assertThat(r.size()).isEqualTo(12_345);
    assertThat(summary.ratings()).isEqualTo(12_345);
    assertThat(r.histogram().keySet()).allMatch(v -> dataset.scale().contains(v));
    assertThat(r.histogram()).hasSize(dataset.scale().levels());
    assertThat(r.mean()).isCloseTo(summary.mean(), within(1e-9));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(12_345 + (dataset.header().isPresent() ? 1 : 0));
    dataset.header().ifPresent(header -> assertThat(lines.get(0)).isEqualTo(header));
    assertThat(lines.get(lines.size() - 1).split(Pattern.quote(dataset.separator()))).hasSize(4);
  }

  /** Exactly n distinct pairs, every user at least min(20, n / U) and at most I ratings. */
  @ParameterizedTest
  @CsvSource({
      "50, 40, 1900", // the heavy users reach the cap of 40
      "30, 30, 900", // every cell
      "200, 80, 150", // fewer ratings than users
      "97, 211, 10007",
      "1, 1, 1"})
  void writesExactlyTheRequestedDistinctPairs(int users, int items, long n) throws IOException {
    Path file = tmp.resolve("r.dat");
    SyntheticRatings.Summary summary = SyntheticRatings.builder().setUsers(users).setItems(items)
        .setRatings(n).optSeed(5).build().write(file);

    int[][] pairs = pairs(file);
    Set<Long> distinct = new HashSet<>();
    int[] perUser = new int[users + 1];
    for (int[] p : pairs) {
      assertThat(p[0]).isBetween(1, users);
      assertThat(p[1]).isBetween(1, items);
      distinct.add((long) p[0] * items + p[1]);
      perUser[p[0]]++;
    }
    assertThat(pairs.length).isEqualTo(n);
    assertThat(distinct).hasSize((int) n);
    int floor = (int) Math.min(20, n / users);
    assertThat(Arrays.stream(perUser, 1, users + 1)).allMatch(c -> c >= floor && c <= items);
    assertThat(summary.activeUsers())
        .isEqualTo((int) Arrays.stream(perUser).filter(c -> c > 0).count());
  }

  @Test
  void popularityAndActivityAreLongTailed() throws IOException {
    Path file = tmp.resolve("r.dat");
    int users = 2_000;
    int items = 1_000;
    SyntheticRatings.Summary summary = SyntheticRatings.builder().setUsers(users).setItems(items)
        .setRatings(100_000).optSeed(1).build().write(file);

    int[] perUser = new int[users];
    int[] perItem = new int[items];
    for (int[] p : pairs(file)) {
      perUser[p[0] - 1]++;
      perItem[p[1] - 1]++;
    }
    // A uniform draw gives the top 10 % about 10 % of the ratings; MovieLens 1M: 44 % and 38 %.
    assertThat(topDecileShare(perItem)).isGreaterThan(0.3);
    assertThat(topDecileShare(perUser)).isGreaterThan(0.25);
    assertThat(summary.perUser().min()).isGreaterThanOrEqualTo(20);
    assertThat(summary.perUser().max()).isGreaterThan(10 * (int) summary.perUser().median());
    assertThat(summary.perItem().max()).isGreaterThan(10 * (int) summary.perItem().median());
    assertThat(summary.perItem().min()).isLessThan((int) summary.perItem().median() / 10);
  }

  /** The summary agrees with the file, and the noiseless model clearly beats the global mean. */
  @ParameterizedTest
  @EnumSource(value = MovieLensDataset.class, names = {"ML_1M", "ML_10M"})
  void theSummaryIsTheFilesAndTheModelBeatsTheGlobalMean(MovieLensDataset dataset)
      throws IOException {
    Path file = tmp.resolve("r.dat");
    RatingScale scale = dataset.scale();
    SyntheticRatings generator = SyntheticRatings.builder().setUsers(1_000).setItems(500)
        .setRatings(60_000).optScale(scale).optSeed(2).build();
    SyntheticRatings.Summary summary = generator.write(file);

    Ratings r = RatingsReader.of(dataset).read(file, note -> {});
    double mean = r.mean();
    double squares = 0;
    double modelSquares = 0;
    int[] perUser = new int[r.numUsers()];
    int[] perItem = new int[r.numItems()];
    for (int k = 0; k < r.size(); k++) {
      double v = r.rating(k);
      double f = generator.prediction(Integer.parseInt(r.userId(r.user(k))),
          Integer.parseInt(r.itemId(r.item(k))));
      double clipped = Math.max(scale.min(), Math.min(scale.max(), f));
      squares += (v - mean) * (v - mean);
      modelSquares += (v - clipped) * (v - clipped);
      perUser[r.user(k)]++;
      perItem[r.item(k)]++;
    }
    double globalRmse = Math.sqrt(squares / r.size());
    double modelRmse = Math.sqrt(modelSquares / r.size());

    assertThat(summary.activeUsers()).isEqualTo(r.activeUsers());
    assertThat(summary.activeItems()).isEqualTo(r.activeItems());
    assertThat(summary.mean()).isCloseTo(mean, within(1e-9));
    assertThat(summary.std()).isCloseTo(globalRmse, within(1e-9));
    assertThat(summary.globalMeanRmse()).isCloseTo(globalRmse, within(1e-9));
    assertThat(summary.modelRmse()).isCloseTo(modelRmse, within(1e-9));
    assertThat(summary.perUser()).isEqualTo(SyntheticRatings.Counts.of(perUser));
    assertThat(summary.perItem()).isEqualTo(SyntheticRatings.Counts.of(perItem));
    // MovieLens-like values, and structure to learn
    assertThat(mean).isBetween(3.3, 3.8);
    assertThat(globalRmse).isBetween(0.95, 1.25);
    assertThat(modelRmse).isLessThan(0.8 * globalRmse);
  }

  @Test
  void countsTakeTheMedianOfTheActiveOnes() {
    assertThat(SyntheticRatings.Counts.of(new int[] {0, 5, 1, 9, 0}))
        .isEqualTo(new SyntheticRatings.Counts(1, 5, 9));
    assertThat(SyntheticRatings.Counts.of(new int[] {4, 1, 0, 2, 8}))
        .isEqualTo(new SyntheticRatings.Counts(1, 3, 8));
  }

  @Test
  void rejectsBadSettingsNamingTheValueAndTheRange() {
    assertThatThrownBy(() -> SyntheticRatings.builder().setUsers(2).setItems(3).setRatings(7)
        .build()).hasMessage("ratings must be in [1, users * items = 6], got 7");
    assertThatThrownBy(() -> SyntheticRatings.builder().setUsers(0).setItems(3).setRatings(1)
        .build()).hasMessage("users must be an integer >= 1, got 0");
    assertThatThrownBy(() -> SyntheticRatings.builder().setUsers(2).setItems(3).setRatings(1)
        .optHeader("a\nb").build()).hasMessage("header must be one line, got 'a\nb'");
    SyntheticRatings g = SyntheticRatings.builder().setUsers(2).setItems(3).setRatings(4).build();
    assertThatThrownBy(() -> g.prediction(3, 1)).hasMessage("user must be in [1, 2], got 3");
    assertThatThrownBy(() -> g.prediction(1, 0)).hasMessage("item must be in [1, 3], got 0");
  }

  /** The (user, item) of every line of a {@code ::} file. */
  private static int[][] pairs(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(line -> line.split("::"))
        .map(f -> new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])})
        .toArray(int[][]::new);
  }

  private static double topDecileShare(int[] counts) {
    int[] sorted = counts.clone();
    Arrays.sort(sorted);
    long total = Arrays.stream(sorted).asLongStream().sum();
    long top = Arrays.stream(sorted, sorted.length - sorted.length / 10, sorted.length)
        .asLongStream().sum();
    return (double) top / total;
  }
}
