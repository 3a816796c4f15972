package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.movielens.data.MontiDataset;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingSplit;
import org.kernelnet.apps.movielens.data.Ratings;

/**
 * {@code kernelnet movielens} on a slice of the real ML-100K (the first 300 items), on its official
 * and k-fold splits and on the Monti et al. data sets with a small network, then {@code kernelnet
 * recommend} on the saved models. Skipped without the data directory (system property {@code
 * kernelnet.data.dir}).
 */
class MovieLensEndToEndTest {
  private static Path data;

  @TempDir Path home;

  @BeforeAll
  static void dataDirectory() {
    data = RealData.path();
    assumeThat(MovieLensDataset.ML_100K.find(DataDirectory.of(data))).isPresent();
  }

  @Test
  void trainsBeatsTheGlobalMeanSavesAndRecommends() throws IOException {
    Path out = home.resolve("out");
    CommandRun run = CommandRun.of(home, "movielens", "--data-dir", data.toString(), "--quick",
        "--max-items", "300", "--hidden", "64", "--layers", "1", "--iterations", "30",
        "--eval-every", "15", "--splits", "1", "--device", "cpu", "--output", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Table 3: test RMSE on ML-100K, 1 random 80/20 splits, lbfgs")
        .contains("Sparse FC (1)").contains("Table 4").contains("peak resident memory");
    JsonObject results = JsonParser.parseString(Files.readString(out.resolve("results.json")))
        .getAsJsonObject();
    assertThat(results.get("wallSeconds").getAsDouble()).isPositive();
    assertThat(results.get("peakResidentGib").getAsDouble()).isBetween(0.05, 64.0);
    JsonObject provenance = results.getAsJsonObject("provenance");
    assertThat(provenance.get("command").getAsString()).isEqualTo("movielens");
    assertThat(provenance.get("djl").getAsString()).isEqualTo("0.35.1");
    assertThat(provenance.getAsJsonArray("data").get(0).getAsJsonObject().get("sha256")
        .getAsString()).isEqualTo("06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490");
    assertThat(provenance.getAsJsonObject("configuration").get("iterations").getAsInt()).isEqualTo(30);
    JsonObject split = results.getAsJsonArray("rows").get(0).getAsJsonObject()
        .getAsJsonArray("splits").get(0).getAsJsonObject();
    assertThat(split.getAsJsonObject("splitProvenance").get("testPositionsSha256").getAsString())
        .hasSize(64);

    // the global-mean baseline, computed here from the same slice and split
    Ratings all =
        MovieLensDataset.ML_100K.load(DataDirectory.of(data), Downloader.offline(), note -> {});
    Ratings slice = MovieLensApp.firstItems(all, 300);
    var rs = org.kernelnet.apps.movielens.data.RatingSplit.random(slice, 0.2, 1);
    double baseline = MovieLensApp.baselineRmse(rs.train(), rs.test());
    double test = split.get("testRmse").getAsDouble();
    assertThat(split.get("baselineRmse").getAsDouble()).isEqualTo(baseline);
    assertThat(test).as("test RMSE vs global mean %s", baseline).isLessThan(baseline - 0.08);
    assertThat(split.get("trainRmse").getAsDouble()).isLessThan(test);
    assertThat(Files.readAllLines(out.resolve("splits.csv"))).hasSize(2);
    // the held-out metrics score the same final predictions as the trainer's test RMSE
    JsonObject heldOut = split.getAsJsonObject("heldOut");
    assertThat(heldOut.get("rmse").getAsDouble()).isCloseTo(test, within(1e-9));
    assertThat(heldOut.get("mae").getAsDouble()).isPositive().isLessThan(test);
    assertThat(heldOut.get("ratings").getAsInt()).isEqualTo(rs.test().size());
    for (String metric : List.of("ndcg", "precision", "recall")) {
      assertThat(heldOut.get(metric).getAsDouble()).as(metric).isBetween(0.0, 1.0);
    }
    assertThat(run.out()).contains("Test ratings, mean +- s.e. over splits (ranking: each user's"
        + " test items by prediction, k = 10, relevant >= 4)");

    Path model = out.resolve("models/sparse-fc-1.knml");
    assertThat(model).isRegularFile();
    CommandRun rec = CommandRun.of(home, "recommend", "--data-dir", data.toString(), "--model",
        model.toString(), "--user", "1", "--top", "5", "--device", "cpu");

    assertThat(rec.status()).as(rec.err()).isZero();
    List<String> lines = rec.out().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+[\\d.]+.*"))
        .toList();
    assertThat(lines).hasSize(5);
    Set<Integer> ratedByUser1 = new HashSet<>();
    for (int k = 0; k < all.size(); k++) {
      if (all.userId(all.user(k)).equals("1")) {
        ratedByUser1.add(Integer.parseInt(all.itemId(all.item(k))));
      }
    }
    double previous = Double.POSITIVE_INFINITY;
    Pattern row = Pattern.compile("\\s+\\d+\\s+(\\d+)\\s+([\\d.]+).*");
    for (String line : lines) {
      Matcher m = row.matcher(line);
      assertThat(m.matches()).isTrue();
      int item = Integer.parseInt(m.group(1));
      double predicted = Double.parseDouble(m.group(2));
      assertThat(item).isBetween(1, 300);
      assertThat(ratedByUser1).doesNotContain(item);
      assertThat(predicted).isBetween(1.0, 5.0).isLessThanOrEqualTo(previous);
      previous = predicted;
    }
  }

  @Test
  void benchmarkTimesEvaluationsPredictionsAndEveryLbfgsIteration() throws IOException {
    Path out = home.resolve("bench");
    CommandRun run = CommandRun.of(home, "movielens", "benchmark", "--data-dir", data.toString(),
        "--dataset", "ml-100k", "--hidden", "32", "--layers", "1", "--evaluations", "2",
        "--lbfgs-iterations", "3", "--no-dense", "--matmul-size", "64", "--repeats", "2",
        "--device", "cpu", "--output", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("sparse evaluation: median")
        .contains("L-BFGS: 3 iterations").contains("s per iteration").contains("matmul median");
    JsonObject results = JsonParser.parseString(Files.readString(out.resolve("benchmark.json")))
        .getAsJsonObject();
    assertThat(results.getAsJsonArray("sparseSeconds")).hasSize(2);
    assertThat(run.out()).contains("prediction of the training and test ratings");
    assertThat(results.getAsJsonArray("predictionSeconds")).hasSize(2);
    assertThat(results.get("medianPredictionSeconds").getAsDouble()).isPositive();
    var iterations = results.getAsJsonArray("lbfgsIterationSeconds");
    assertThat(iterations).hasSize(3);
    double sum = 0;
    for (var seconds : iterations) {
      assertThat(seconds.getAsDouble()).isPositive();
      sum += seconds.getAsDouble();
    }
    double median = results.get("medianLbfgsIterationSeconds").getAsDouble();
    assertThat(median).isPositive().isLessThanOrEqualTo(sum);
    // every iteration makes at least one evaluation
    assertThat(results.get("lbfgsEvaluations").getAsLong()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void unknownNamesAreUsageErrorsListingTheValidOnes() {
    CommandRun run = CommandRun.of(home, "movielens", "--model", "mlp", "--optimizer", "sgd",
        "--output", home.resolve("x").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("unknown model 'mlp'; valid: autorec, kernelnet, sparse-fc")
        .contains("unknown optimizer 'sgd'; valid: lbfgs, rprop, adam");
  }

  @ParameterizedTest
  @CsvSource({"DOUBAN, 13689", "FLIXSTER, 2617", "YAHOO_MUSIC, 533"})
  void trainsOnAMontiDataSetsPublishedSplitAndRecommendsFromIt(MontiDataset dataset,
      int testRatings) throws IOException {
    assumeThat(data.resolve(dataset.relativePath())).isRegularFile();
    String label = dataset.label();
    String id = label.toLowerCase(Locale.ROOT);
    Path out = home.resolve(id);
    CommandRun run = CommandRun.of(home, "movielens", "--data-dir", data.toString(), "--dataset",
        id, "--quick", "--hidden", "8", "--layers", "1", "--iterations", "2", "--device", "cpu",
        "--output", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Table 3: test RMSE on " + label
        + ", the Monti et al. (2017) split,");
    JsonObject split = JsonParser.parseString(Files.readString(out.resolve("results.json")))
        .getAsJsonObject().getAsJsonArray("rows").get(0).getAsJsonObject()
        .getAsJsonArray("splits").get(0).getAsJsonObject().getAsJsonObject("splitProvenance");
    assertThat(split.get("split").getAsString())
        .isEqualTo("Monti et al. 2017 (Otraining / Otest)");
    assertThat(split.get("testRatings").getAsInt()).isEqualTo(testRatings);

    String user = dataset.read(data.resolve(dataset.relativePath())).ratings().userId(0);
    CommandRun recommend = CommandRun.of(home, "recommend", "--data-dir", data.toString(),
        "--model", out.resolve("models/sparse-fc-1.knml").toString(), "--user", user, "--top",
        "2", "--device", "cpu");
    assertThat(recommend.status()).as(recommend.err()).isZero();
    assertThat(recommend.out())
        .contains("Top 2 unrated items for user " + user + " (Sparse FC (1), " + label);
  }

  @Test
  void aSavedGlocalKModelRecommends() throws IOException {
    MontiDataset yahoo = MontiDataset.YAHOO_MUSIC;
    assumeThat(data.resolve(yahoo.relativePath())).isRegularFile();
    Path out = home.resolve("glocal-k");
    CommandRun run = CommandRun.of(home, "movielens", "--data-dir", data.toString(), "--dataset",
        "yahoomusic", "--model", "glocal-k", "--hidden", "8", "--layers", "1",
        "--pretraining-epochs", "1", "--fine-tuning-epochs", "2", "--device", "cpu", "--output",
        out.toString());
    assertThat(run.status()).as(run.err()).isZero();

    String user = yahoo.read(data.resolve(yahoo.relativePath())).ratings().userId(0);
    CommandRun recommend = CommandRun.of(home, "recommend", "--data-dir", data.toString(),
        "--model", out.resolve("models/glocal-k-1.knml").toString(), "--user", user, "--top", "2",
        "--device", "cpu");
    assertThat(recommend.status()).as(recommend.err()).isZero();
    assertThat(recommend.out()).contains("Top 2 unrated items for user " + user
        + " (GLocal-K (1), YahooMusic");
  }

  /**
   * {@code u1.base} and {@code u1.test} written as the distribution's {@code mku.sh} writes them
   * hold the official fold u1: as test file they give its 20,000 test ratings and its global-mean
   * RMSE, which does not depend on the order of the ratings.
   */
  @Test
  void aTrainingFileWithItsTestFileIsTheFoldTheyHold() throws IOException {
    List<String> lines = Files.readAllLines(MovieLensDataset.ML_100K.locate(
        DataDirectory.of(data), Downloader.offline()));
    Path base = Files.write(home.resolve("u1.base"), lines.subList(20_000, lines.size()));
    Path test = Files.write(home.resolve("u1.test"), lines.subList(0, 20_000));
    Path given = home.resolve("given");
    Path official = home.resolve("official");
    CommandRun files = CommandRun.of(home, "movielens", "--ratings", base.toString(),
        "--test-ratings", test.toString(), "--hidden", "8", "--layers", "1", "--iterations", "2",
        "--device", "cpu", "--output", given.toString());
    CommandRun fold = CommandRun.of(home, "movielens", "--data-dir", data.toString(),
        "--protocol", "official", "--splits", "1", "--hidden", "8", "--layers", "1",
        "--iterations", "2", "--device", "cpu", "--output", official.toString());

    assertThat(files.status()).as(files.err()).isZero();
    assertThat(fold.status()).as(fold.err()).isZero();
    assertThat(files.out()).contains("Table 3: test RMSE on u1.base, the test file u1.test,");
    JsonObject a = JsonParser.parseString(Files.readString(given.resolve("results.json")))
        .getAsJsonObject();
    JsonObject b = JsonParser.parseString(Files.readString(official.resolve("results.json")))
        .getAsJsonObject();
    assertThat(a.get("ratings").getAsInt()).isEqualTo(100_000);
    assertThat(a.get("globalMeanBaselineRmse").getAsDouble())
        .isCloseTo(b.get("globalMeanBaselineRmse").getAsDouble(), within(1e-9));
    assertThat(a.getAsJsonArray("rows").get(0).getAsJsonObject().getAsJsonArray("splits").get(0)
        .getAsJsonObject().getAsJsonObject("splitProvenance").get("testRatings").getAsInt())
        .isEqualTo(20_000);
  }

  @Test
  void trainsOnMl100kOfficialFoldU1AndOnKFolds() throws IOException {
    Path u1 = home.resolve("u1");
    CommandRun official = CommandRun.of(home, "movielens", "--data-dir", data.toString(),
        "--protocol", "official", "--splits", "1", "--hidden", "8", "--layers", "1",
        "--iterations", "2", "--device", "cpu", "--output", u1.toString());
    Path folds = home.resolve("kfold");
    CommandRun kfold = CommandRun.of(home, "movielens", "--data-dir", data.toString(), "--quick",
        "--protocol", "kfold", "--splits", "3", "--hidden", "8", "--layers", "1",
        "--iterations", "2", "--device", "cpu", "--output", folds.toString());

    assertThat(official.status()).as(official.err()).isZero();
    assertThat(official.out()).contains("Table 3: test RMSE on ML-100K, the official fold u1,");
    JsonObject fold = JsonParser.parseString(Files.readString(u1.resolve("results.json")))
        .getAsJsonObject().getAsJsonArray("rows").get(0).getAsJsonObject()
        .getAsJsonArray("splits").get(0).getAsJsonObject().getAsJsonObject("splitProvenance");
    assertThat(fold.get("fold").getAsString()).isEqualTo("u1");
    assertThat(fold.get("testRatings").getAsInt()).isEqualTo(20_000);
    assertThat(fold.get("trainRatings").getAsInt()).isEqualTo(80_000);

    assertThat(kfold.status()).as(kfold.err()).isZero();
    assertThat(kfold.out()).contains("3-fold cross-validation");
    JsonObject results = JsonParser.parseString(Files.readString(folds.resolve("results.json")))
        .getAsJsonObject();
    var splits = results.getAsJsonArray("rows").get(0).getAsJsonObject().getAsJsonArray("splits");
    assertThat(splits).hasSize(3);
    int tested = 0;
    for (var split : splits) {
      tested += split.getAsJsonObject().getAsJsonObject("splitProvenance").get("testRatings")
          .getAsInt();
    }
    assertThat(tested).isEqualTo(results.get("ratings").getAsInt());
  }
}
