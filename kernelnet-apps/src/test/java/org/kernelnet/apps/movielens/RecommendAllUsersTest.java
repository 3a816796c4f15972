package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.report.AtomicFile;

/**
 * {@code kernelnet recommend --all-users} end to end: synthetic ML-100K-format ratings written by
 * {@code movielens generate}, a small Sparse FC model trained and saved by {@code movielens}, then
 * every user's top N as CSV, checked against the ratings and against {@code recommend --user}.
 */
class RecommendAllUsersTest {
  private static final int TOP = 5;
  private static final Pattern TABLE_ROW =
      Pattern.compile("\\s*(\\d+)\\s+(\\d+)\\s+(\\d+\\.\\d{3})\\s*");

  @TempDir static Path home;
  private static Path data;
  private static Path model;
  private static Ratings ratings;

  @BeforeAll
  static void trainAModel() throws IOException {
    data = home.resolve("data");
    CommandRun generate = CommandRun.of(home, "movielens", "generate", "--dataset", "ml-100k",
        "--users", "150", "--items", "90", "--ratings", "4000", "--seed", "4", "--data-dir",
        data.toString());
    assertThat(generate.status()).as(generate.err()).isZero();
    model = home.resolve("model.knml");
    CommandRun train = CommandRun.of(home, "movielens", "--data-dir", data.toString(),
        "--dataset", "ml-100k", "--hidden", "16", "--layers", "1", "--iterations", "4",
        "--eval-every", "4", "--splits", "1", "--device", "cpu", "--output",
        home.resolve("run").toString(), "--save", model.toString());
    assertThat(train.status()).as(train.err()).isZero();
    ratings = MovieLensDataset.ML_100K.load(DataDirectory.of(data), Downloader.offline(), n -> {});
  }

  private static CommandRun recommend(String... args) {
    List<String> all = new ArrayList<>(List.of("recommend", "--data-dir", data.toString(),
        "--model", model.toString(), "--device", "cpu"));
    all.addAll(List.of(args));
    return CommandRun.of(home, all.toArray(String[]::new));
  }

  /** One CSV row. */
  record Row(int user, int rank, int item, double score) {
    static Row parse(String line) {
      String[] f = line.split(",", -1);
      assertThat(f).as(line).hasSize(4);
      return new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
          Double.parseDouble(f[3]));
    }
  }

  private static Map<Integer, List<Row>> byUser(List<String> lines) {
    assertThat(lines.get(0)).isEqualTo("user,rank,item,score");
    return lines.stream().skip(1).map(Row::parse)
        .collect(Collectors.groupingBy(Row::user, LinkedHashMap::new, Collectors.toList()));
  }

  @Test
  void everyUsersTopUnratedItemsAsTheSingleUserPathListsThem() throws IOException {
    Path csv = home.resolve("out/top.csv");

    CommandRun run = recommend("--all-users", "--top", String.valueOf(TOP), "--csv",
        csv.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    Map<Integer, List<Row>> rows = byUser(Files.readAllLines(csv));
    Set<Integer> userIds = IntStream.range(0, ratings.numUsers())
        .mapToObj(u -> Integer.valueOf(ratings.userId(u))).collect(Collectors.toSet());
    assertThat(rows.keySet()).containsExactlyElementsOf(userIds.stream().sorted().toList());
    Map<Integer, Set<Integer>> rated = new HashMap<>();
    for (int k = 0; k < ratings.size(); k++) {
      rated.computeIfAbsent(Integer.valueOf(ratings.userId(ratings.user(k))),
          u -> new HashSet<>()).add(Integer.valueOf(ratings.itemId(ratings.item(k))));
    }
    // a heavy user with fewer than TOP unrated items gets them all
    int expectedRows = 0;
    for (List<Row> user : rows.values()) {
      int unrated = ratings.numItems() - rated.get(user.get(0).user()).size();
      int listed = Math.min(TOP, unrated);
      expectedRows += listed;
      assertThat(user).extracting(Row::rank)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, listed).boxed().toList());
      for (int r = 0; r < user.size(); r++) {
        Row row = user.get(r);
        assertThat(rated.get(row.user())).doesNotContain(row.item());
        assertThat(row.score()).isBetween(1.0, 5.0);
        if (r > 0) {
          assertThat(row.score()).isLessThanOrEqualTo(user.get(r - 1).score());
        }
      }
    }
    assertThat(expectedRows).isLessThan(TOP * 150);
    assertThat(run.err()).contains("predicted in ")
        .contains("150 users, " + expectedRows + " rows to " + csv)
        .contains(" users/s (prediction ");
    try (Stream<Path> left = Files.list(csv.getParent())) {
      assertThat(left.filter(p -> p.toString().endsWith(AtomicFile.TEMP_SUFFIX))).isEmpty();
    }

    for (int user : List.of(0, 77, 149).stream().map(u -> Integer.valueOf(ratings.userId(u)))
        .toList()) {
      CommandRun one = recommend("--user", String.valueOf(user), "--top", String.valueOf(TOP));
      assertThat(one.status()).as(one.err()).isZero();
      List<Row> table = new ArrayList<>();
      for (String line : one.out().lines().toList()) {
        Matcher m = TABLE_ROW.matcher(line);
        if (m.matches()) {
          table.add(new Row(user, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
              Double.parseDouble(m.group(3))));
        }
      }
      List<Row> batch = rows.get(user);
      assertThat(table).extracting(Row::item).containsExactlyElementsOf(
          batch.stream().map(Row::item).toList());
      for (int r = 0; r < batch.size(); r++) {
        assertThat(table.get(r).rank()).isEqualTo(batch.get(r).rank());
        // the table rounds to 3 decimals, the CSV to 4
        assertThat(table.get(r).score()).isCloseTo(batch.get(r).score(), within(0.00051));
      }
    }
  }

  @Test
  void standardOutputGetsTheSameCsvAndAnExistingFileIsReplacedWhole() throws IOException {
    Path csv = home.resolve("replaced.csv");
    Files.writeString(csv, "an older file, longer than what replaces it ".repeat(2000));

    CommandRun toFile = recommend("--all-users", "--top", "2", "--csv", csv.toString());
    CommandRun toOut = recommend("--all-users", "--top", "2");

    assertThat(toFile.status()).as(toFile.err()).isZero();
    assertThat(toOut.status()).as(toOut.err()).isZero();
    assertThat(toOut.out()).isEqualTo(Files.readString(csv));
    assertThat(Files.readAllLines(csv)).hasSize(1 + 2 * 150);
    assertThat(toOut.err()).contains("300 rows to standard output");
  }

  @Test
  void oneOfUserAndAllUsersExactlyAndCsvOnlyWithAllUsers() throws IOException {
    CommandRun both = recommend("--user", "1", "--all-users");
    CommandRun neither = recommend("--top", "3");
    CommandRun csvWithUser = recommend("--user", "1", "--csv", home.resolve("x.csv").toString());
    Path folder = Files.createDirectories(home.resolve("a-folder"));
    CommandRun csvFolder = recommend("--all-users", "--csv", folder.toString(), "--top", "0");
    CommandRun noSuchUser = recommend("--user", "999999");

    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).contains("--user=ID, --all-users are mutually exclusive");
    assertThat(neither.status()).isEqualTo(2);
    assertThat(neither.err())
        .contains("Missing required argument (specify one of these): (--user=ID | --all-users)");
    assertThat(csvWithUser.status()).isEqualTo(2);
    assertThat(csvWithUser.err())
        .contains("--csv FILE goes with --all-users; --user 1 prints a table");
    assertThat(csvFolder.status()).isEqualTo(2);
    assertThat(csvFolder.err()).contains("(2 problems)").contains("--top must be >= 1, got 0")
        .contains("--csv " + folder + ": " + folder + " is a folder, not a file");
    assertThat(noSuchUser.status()).isEqualTo(2);
    assertThat(noSuchUser.err()).contains("--user 999999: no such user in ");
    assertThat(home.resolve("x.csv")).doesNotExist();
  }
}
