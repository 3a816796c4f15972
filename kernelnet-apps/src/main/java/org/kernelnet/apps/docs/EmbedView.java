package org.kernelnet.apps.docs;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * {@code embed mnist} runs ({@code results.json}, Figures 5 and 6): one row per run with the test
 * accuracy and loss of the network, the 5-NN accuracy of the test digits from their 2-D map
 * coordinates after and before training, the parameters and the training time.
 */
final class EmbedView implements ResultsView {
  private static final Set<String> SHOWN = Set.of("objective");

  @Override
  public String command() {
    return "embed mnist";
  }

  @Override
  public MarkdownTable table(List<ResultFile> files) {
    return RunRows.of(files, SHOWN, List.of("objective", "test accuracy", "test loss",
        "k-NN map accuracy, trained", "untrained", "parameters", "training"), file -> {
          JsonObject json = file.json();
          return List.of(List.of(
              Json.string(json, "objective"),
              Cells.percent(Json.number(json, "testAccuracy")),
              Cells.fixed(Json.number(json, "testLoss"), 3),
              Cells.percent(Json.number(json, "knnTrainedAccuracy")),
              Cells.percent(Json.number(json, "knnUntrainedAccuracy")),
              Cells.count(Json.number(json, "freeParameters")),
              Cells.duration(Json.number(json, "trainingSeconds"))));
        });
  }

  /** The first run's k-NN accuracy of its map, {@code 94.51 %}. */
  @Override
  public String headline(List<ResultFile> files) {
    return Cells.percent(Json.number(files.get(0).json(), "knnTrainedAccuracy"));
  }
}
