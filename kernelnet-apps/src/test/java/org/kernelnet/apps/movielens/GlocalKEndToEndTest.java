package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;

/**
 * {@code kernelnet movielens --model glocal-k} on ratings that {@code movielens generate} writes in
 * ML-100K's format: the command line's settings reach the training, the kept fine-tuning epoch is
 * the one with the lowest validation RMSE, and the results record the settings, every epoch and
 * that choice.
 */
class GlocalKEndToEndTest {
  @TempDir Path home;

  @Test
  void trainsOnGeneratedRatingsAndRecordsTheEpochChosenOnValidationRatings() throws IOException {
    Path data = home.resolve("data");
    CommandRun generate = CommandRun.of(home, "movielens", "generate", "--dataset", "ml-100k",
        "--users", "120", "--items", "90", "--ratings", "4000", "--seed", "2", "--data-dir",
        data.toString());
    assertThat(generate.status()).as(generate.err()).isZero();
    Path out = home.resolve("out");

    CommandRun run = CommandRun.of(home, "movielens", "--model", "glocal-k", "--data-dir",
        data.toString(), "--splits", "1", "--layers", "1", "--hidden", "16", "--lambda2", "2",
        "--pretraining-epochs", "2", "--pretraining-iterations", "4", "--fine-tuning-epochs", "3",
        "--fine-tuning-iterations", "3", "--dot-scale", "0.5", "--device", "cpu", "--output",
        out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("Table 3: test RMSE on ML-100K, 1 random 80/20 splits")
        .contains("GLocal-K (1)")
        .contains("GLocal-K (1): fine-tuning epoch kept on 10 % of the training ratings held out");
    assertThat(run.err()).contains("GLocal-K (1) split 1/1 pre-training epoch 2: ")
        .contains("GLocal-K (1) split 1/1 fine-tuning epoch 3: ");
    JsonObject row = JsonParser.parseString(Files.readString(out.resolve("results.json")))
        .getAsJsonObject().getAsJsonArray("rows").get(0).getAsJsonObject();
    JsonObject spec = row.getAsJsonObject("spec");
    assertThat(spec.get("kind").getAsString()).isEqualTo("GLOCAL_K");
    assertThat(spec.get("lambda2").getAsDouble()).isEqualTo(2);
    // lambda_s not given: ML-100K's published value
    assertThat(spec.get("lambda0").getAsDouble()).isEqualTo(0.006);
    assertThat(Path.of(row.get("savedModel").getAsString()))
        .isEqualTo(out.resolve("models/glocal-k-1.knml").toAbsolutePath()).isRegularFile();
    JsonObject split = row.getAsJsonArray("splits").get(0).getAsJsonObject();
    JsonObject glocalK = split.getAsJsonObject("glocalK");
    JsonObject settings = glocalK.getAsJsonObject("settings");
    assertThat(settings.get("pretrainingEpochs").getAsInt()).isEqualTo(2);
    assertThat(settings.get("pretrainingIterations").getAsInt()).isEqualTo(4);
    assertThat(settings.get("fineTuningEpochs").getAsInt()).isEqualTo(3);
    assertThat(settings.get("fineTuningIterations").getAsInt()).isEqualTo(3);
    assertThat(settings.get("dotScale").getAsDouble()).isEqualTo(0.5);
    assertThat(settings.get("validationFraction").getAsDouble()).isEqualTo(0.1);
    assertThat(glocalK.getAsJsonArray("pretraining")).hasSize(2);
    JsonArray fineTuning = glocalK.getAsJsonArray("fineTuning");
    assertThat(fineTuning).hasSize(3);
    int best = 0;
    double bestRmse = Double.POSITIVE_INFINITY;
    for (JsonElement epoch : fineTuning) {
      double rmse = epoch.getAsJsonObject().get("validationRmse").getAsDouble();
      if (rmse < bestRmse) {
        bestRmse = rmse;
        best = epoch.getAsJsonObject().get("epoch").getAsInt();
      }
    }
    assertThat(glocalK.get("chosenEpoch").getAsInt()).isEqualTo(best);
    assertThat(glocalK.get("chosenValidationRmse").getAsDouble()).isEqualTo(bestRmse);
    assertThat(split.get("testRmse").getAsDouble())
        .isLessThan(split.get("baselineRmse").getAsDouble());
    assertThat(split.getAsJsonArray("history")).isEmpty();
  }
}
