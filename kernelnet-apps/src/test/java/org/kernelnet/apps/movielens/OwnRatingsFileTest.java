package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingColumns;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsFormat;
import org.kernelnet.apps.movielens.data.RatingsReader;

/**
 * A ratings file of one's own made from the real ML-100K {@code u.data}: a CSV with a header row
 * whose user ids are {@code u<id>} and item ids a hash of the MovieLens id ({@code m<hex>}), so
 * neither is a dense integer. It reads back with every rating where it was, and {@code movielens
 * --ratings --quick} trains on a slice of it (the first 600 items in text order of their ids), with
 * {@code recommend} listing items by their text ids.
 * Skipped without the data directory (system property {@code kernelnet.data.dir}).
 */
class OwnRatingsFileTest {
  private static Path data;
  private static Ratings original;

  @TempDir Path home;

  @BeforeAll
  static void realMovieLens100k() throws IOException {
    data = RealData.path();
    assumeThat(MovieLensDataset.ML_100K.find(DataDirectory.of(data))).isPresent();
    original = MovieLensDataset.ML_100K.load(DataDirectory.of(data), Downloader.offline(),
        note -> {});
  }

  /** The text id of MovieLens item {@code id}: a hash, so that the ids are in no useful order. */
  private static String itemId(String id) {
    return "m" + Integer.toHexString(Integer.parseInt(id) * 0x9E3779B1);
  }

  /** {@code user_id,movie,stars,timestamp} then one line per rating of {@code u.data}. */
  private Path convert() throws IOException {
    Path udata = MovieLensDataset.ML_100K.find(DataDirectory.of(data)).orElseThrow();
    assumeThat(udata.getFileName().toString()).isEqualTo("u.data");
    StringBuilder csv = new StringBuilder("user_id,movie,stars,timestamp\n");
    for (String line : Files.readAllLines(udata, StandardCharsets.US_ASCII)) {
      String[] f = line.split("\t");
      csv.append('u').append(f[0]).append(',').append(itemId(f[1])).append(',').append(f[2])
          .append(',').append(f[3]).append('\n');
    }
    return Files.writeString(home.resolve("ml100k-text-ids.csv"), csv);
  }

  @Test
  void aCsvWithTextIdsReadsBackEveryRatingOfUdata() throws IOException {
    Path csv = convert();
    List<String> notes = new ArrayList<>();

    Ratings detected = new RatingsReader(RatingsFormat.DETECT).read(csv, notes::add);
    Ratings named = new RatingsReader(RatingsFormat.DETECT
        .withColumns(RatingColumns.parse("user_id,movie,stars,timestamp"))).read(csv, n -> {});

    assertThat(detected.size()).isEqualTo(100_000);
    assertThat(detected.numUsers()).isEqualTo(943);
    assertThat(detected.numItems()).isEqualTo(1_682);
    assertThat(detected.scale()).isEqualTo(RatingScale.STARS_1_TO_5);
    assertThat(detected.histogram()).isEqualTo(original.histogram());
    assertThat(detected.format().header()).isEqualTo(RatingsFormat.Header.PRESENT);
    assertThat(detected.userIds().numericOrder()).isFalse();
    assertThat(detected.userIds().id(0)).isEqualTo("u1");
    assertThat(detected.userIds().id(1)).isEqualTo("u10"); // text order
    assertThat(notes).containsExactly(csv + ": read with delimiter comma (detected on line 1), a"
        + " header row (detected on line 1), rating scale integers 1..5 (inferred from the 5"
        + " distinct ratings)");
    for (Ratings r : List.of(detected, named)) {
      Map<String, String> movieLensItem = new HashMap<>();
      for (int i = 0; i < original.numItems(); i++) {
        movieLensItem.put(itemId(original.itemId(i)), original.itemId(i));
      }
      float[][] expected = new float[original.numUsers()][original.numItems()];
      for (int k = 0; k < original.size(); k++) {
        expected[original.user(k)][original.item(k)] = original.rating(k);
      }
      for (int k = 0; k < r.size(); k++) {
        int user = original.userIndex(r.userId(r.user(k)).substring(1)).orElseThrow();
        int item = original.itemIndex(movieLensItem.get(r.itemId(r.item(k)))).orElseThrow();
        assertThat(r.rating(k)).as("rating %d", k).isEqualTo(expected[user][item]);
      }
      // the same lines in the same order
      assertThat(r.values()).containsExactly(original.values());
    }
  }

  @Test
  void movielensTrainsOnTheFileAndRecommendsByTextId() throws IOException {
    Path csv = convert();
    Path out = home.resolve("out");
    CommandRun run = CommandRun.of(home, "movielens", "--ratings", csv.toString(), "--quick",
        "--hidden", "64", "--layers", "1", "--iterations", "30", "--eval-every", "10",
        "--splits", "1", "--device", "cpu", "--output", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Table 3: test RMSE on ml100k-text-ids.csv, 1 random 90/10"
        + " splits, lbfgs").contains("Sparse FC (1)");
    assertThat(run.err()).contains(csv + ": read with delimiter comma (detected on line 1)");
    JsonObject results = JsonParser.parseString(Files.readString(out.resolve("results.json")))
        .getAsJsonObject();
    assertThat(results.get("dataset").getAsString()).isEqualTo("ml100k-text-ids.csv");
    JsonObject provenance = results.getAsJsonObject("provenance");
    JsonObject file = provenance.getAsJsonArray("data").get(0).getAsJsonObject();
    assertThat(file.get("path").getAsString()).isEqualTo(csv.toAbsolutePath().toString());
    assertThat(file.get("sha256").getAsString()).isEqualTo(sha256(csv));
    assertThat(provenance.getAsJsonObject("configuration").getAsJsonObject("dataset")
        .get("file").getAsString()).isEqualTo(csv.toAbsolutePath().toString());
    JsonObject split = results.getAsJsonArray("rows").get(0).getAsJsonObject()
        .getAsJsonArray("splits").get(0).getAsJsonObject();
    assertThat(split.getAsJsonObject("splitProvenance").get("testFraction").getAsString())
        .isEqualTo("0.1");
    assertThat(split.get("testRmse").getAsDouble())
        .isLessThan(split.get("baselineRmse").getAsDouble() - 0.08);

    Path model = out.resolve("models/sparse-fc-1.knml");
    CommandRun rec = CommandRun.of(home, "recommend", "--model", model.toString(), "--user", "u1",
        "--top", "5", "--device", "cpu");

    assertThat(rec.status()).as(rec.err()).isZero();
    assertThat(rec.out()).contains("Top 5 unrated items for user u1 (Sparse FC (1),"
        + " ml100k-text-ids.csv");
    Set<String> ratedByU1 = new HashSet<>();
    for (int k = 0; k < original.size(); k++) {
      if (original.userId(original.user(k)).equals("1")) {
        ratedByU1.add(itemId(original.itemId(original.item(k))));
      }
    }
    Pattern row = Pattern.compile("\\s+\\d+\\s+(m[0-9a-f]+)\\s+([\\d.]+).*");
    List<String> items = rec.out().lines().map(row::matcher).filter(Matcher::matches)
        .map(m -> m.group(1)).toList();
    assertThat(items).hasSize(5).doesNotContainAnyElementsOf(ratedByU1);

    Path moved = Files.move(csv, home.resolve("moved.csv"));
    CommandRun missing = CommandRun.of(home, "recommend", "--model", model.toString(), "--user",
        "u1", "--device", "cpu");
    CommandRun again = CommandRun.of(home, "recommend", "--model", model.toString(), "--user",
        "u1", "--top", "5", "--ratings", moved.toString(), "--device", "cpu");

    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("was trained on " + csv.toAbsolutePath()
        + ", which is not there; give --ratings FILE where it is now");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.out().lines().filter(l -> row.matcher(l).matches()).toList())
        .isEqualTo(rec.out().lines().filter(l -> row.matcher(l).matches()).toList());
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
