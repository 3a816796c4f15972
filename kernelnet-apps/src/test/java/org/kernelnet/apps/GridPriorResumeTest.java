package org.kernelnet.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kernelnet mnist grid-prior --resume} on the real MNIST files in a small setting (two
 * variants of three epochs, with dropout, location noise and a weight average, so that the
 * optimiser's, the average's and the random generators' state all matter): a run killed (SIGKILL)
 * once its first epoch's checkpoint is written, then resumed, ends with the results of an
 * uninterrupted run, times apart. Skipped when {@code kernelnet.data.dir} is unset.
 */
class GridPriorResumeTest {
  private static final Set<String> RUN_SPECIFIC =
      Set.of("startedAt", "trainingSeconds", "seconds");

  @TempDir Path home;

  private static String[] gridPrior(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("mnist", "grid-prior", "--data-dir",
        RealData.path().toString(), "--train-size", "1000", "--validation-size", "300",
        "--layers", "2", "--units", "25", "--epochs", "3", "--batch-size", "100",
        "--location-noise", "0.1", "--dropout", "0.3", "--ema-decay", "0.9", "--device", "cpu",
        "--output", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aRunKilledAfterItsFirstCheckpointAndResumedEndsAsAnUninterruptedRun() throws Exception {
    Path[] runs = KilledRun.resumedAsUninterrupted(home, GridPriorResumeTest::gridPrior,
        out -> Files.exists(out.resolve("checkpoint.bin")),
        "grid resumed after epoch [12] of 3 from its checkpoint", "grid-prior.json",
        RUN_SPECIFIC);

    for (String file : List.of("locations-grid.csv", "locations-random.csv")) {
      assertThat(runs[1].resolve(file)).hasSameTextualContentAs(runs[0].resolve(file));
    }
  }
}
