package org.kernelnet.apps.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The views of every application's result files, by the command that writes them. */
final class ResultsViews {
  private final Map<String, ResultsView> byCommand = new LinkedHashMap<>();

  /** The views of kernelnet's applications, one per command. */
  ResultsViews() {
    for (ResultsView view : List.of(new MovieLensView(), new MovieLensBenchmarkView(),
        new GridPriorView(), new DimensionalityView(), new PredictParamsView(),
        new MnistBenchmarkView(), new EmbedView(), new ProbeView())) {
      ResultsView previous = byCommand.putIfAbsent(view.command(), view);
      if (previous != null) {
        throw new IllegalStateException("two views of '" + view.command() + "': "
            + previous.getClass().getName() + " and " + view.getClass().getName());
      }
    }
  }

  Optional<ResultsView> forCommand(String command) {
    return Optional.ofNullable(byCommand.get(command));
  }

  /** The commands with a view, for messages. */
  List<String> commands() {
    return List.copyOf(byCommand.keySet());
  }
}
