package org.kernelnet.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.report.RunStatus;

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
    Path whole = home.resolve("whole");
    CommandRun uninterrupted = CommandRun.of(home, gridPrior(whole));
    assertThat(uninterrupted.status()).as(uninterrupted.err()).isZero();
    Path out = home.resolve("killed");

    String child = KilledRun.killWhen(home, () -> Files.exists(out.resolve("checkpoint.bin")),
        gridPrior(out));

    assertThat(out.resolve("grid-prior.json")).as(child).doesNotExist();
    CommandRun resumed = CommandRun.of(home, gridPrior(out, "--resume"));
    assertThat(resumed.status()).as(resumed.err()).isZero();
    assertThat(resumed.err()).containsPattern("grid resumed after epoch [12] of 3 from its"
        + " checkpoint");
    assertThat(RunStatus.read(out).orElseThrow().status()).isEqualTo(RunStatus.State.COMPLETE);
    assertThat(ResultsJson.without(out.resolve("grid-prior.json"), RUN_SPECIFIC))
        .isEqualTo(ResultsJson.without(whole.resolve("grid-prior.json"), RUN_SPECIFIC));
    for (String file : List.of("locations-grid.csv", "locations-random.csv")) {
      assertThat(out.resolve(file)).hasSameTextualContentAs(whole.resolve(file));
    }
  }
}
