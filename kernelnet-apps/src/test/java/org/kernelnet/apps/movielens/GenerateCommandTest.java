package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.Ratings;

class GenerateCommandTest {
  @TempDir Path home;

  @Test
  void writesMl20mFormatPrintsAndRecordsTheSummaryAndNeverReplacesAFile() throws IOException {
    Path data = home.resolve("data");
    String[] args = {"movielens", "generate", "--dataset", "ml-20m", "--users", "400", "--items",
        "300", "--ratings", "20000", "--seed", "3", "--data-dir", data.toString()};

    CommandRun run = CommandRun.of(home, args);

    assertThat(run.status()).as(run.err()).isZero();
    Path file = data.resolve("movielens/ml-20m/ratings.csv");
    assertThat(Files.readAllLines(file).get(0)).isEqualTo("userId,movieId,rating,timestamp");
    Ratings r =
        MovieLensDataset.ML_20M.load(DataDirectory.of(data), Downloader.offline(), note -> {});
    assertThat(r.size()).isEqualTo(20_000);
    JsonObject json = JsonParser.parseString(Files.readString(
        data.resolve("movielens/ml-20m/ratings.csv.summary.json"))).getAsJsonObject();
    JsonObject summary = json.getAsJsonObject("summary");
    assertThat(json.get("command").getAsString()).isEqualTo("movielens generate");
    assertThat(json.getAsJsonObject("configuration").get("seed").getAsLong()).isEqualTo(3);
    assertThat(json.getAsJsonObject("model").get("rank").getAsInt()).isEqualTo(10);
    assertThat(summary.get("ratings").getAsLong()).isEqualTo(20_000);
    assertThat(summary.get("activeUsers").getAsInt()).isEqualTo(r.activeUsers()).isEqualTo(400);
    assertThat(summary.get("activeItems").getAsInt()).isEqualTo(r.activeItems());
    assertThat(summary.get("mean").getAsDouble()).isCloseTo(r.mean(), within(1e-9));
    int minPerUser = summary.getAsJsonObject("perUser").get("min").getAsInt();
    assertThat(minPerUser).isBetween(20, 50);
    double globalRmse = summary.get("globalMeanRmse").getAsDouble();
    double modelRmse = summary.get("modelRmse").getAsDouble();
    assertThat(modelRmse).isLessThan(0.8 * globalRmse);
    assertThat(run.out())
        .contains("Wrote 20,000 synthetic ML-20M-format ratings to " + file)
        .contains("  users    400 active; ratings per user min " + minPerUser + ", median ")
        .contains(String.format(Locale.ROOT, "  RMSE     global mean %.4f; noiseless rank-10"
            + " generating model %.4f (%.2f x)", globalRmse, modelRmse, modelRmse / globalRmse))
        .contains("Use it with --data-dir " + data + " --dataset ml-20m");

    CommandRun again = CommandRun.of(home, args);

    assertThat(again.status()).isNotZero();
    assertThat(again.err()).contains("ML-20M ratings already exist at " + file);
  }

  @Test
  void helpDescribesTheContentModel() {
    CommandRun run = CommandRun.of(home, "movielens", "generate", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("ml-100k, ml-1m, ml-10m or ml-20m")
        .contains("log-normal weights")
        .contains("low-rank plus noise")
        .contains("<file>.summary.json");
  }

  @Test
  void publishedSizesAndBadValues() {
    assertThat(GenerateConfig.publishedSize(MovieLensDataset.ML_20M))
        .containsExactly(138_493, 26_744, 20_000_263);
    assertThat(GenerateConfig.publishedSize(MovieLensDataset.ML_10M))
        .containsExactly(69_878, 10_677, 10_000_054);
    assertThatThrownBy(() -> new GenerateConfig(MovieLensDataset.ML_1M, 2, 3, 7, 1))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--ratings must be in 1..6 (users x items, at most 2147483639 for"
            + " the reader's arrays), got 7");
    assertThatThrownBy(() -> new GenerateConfig(MovieLensDataset.ML_1M, 100_000, 100_000,
        3_000_000_000L, 1)).hasMessageContaining("--ratings must be in 1..2147483639");
  }
}
