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
 * {@code kernelnet embed mnist --resume} on the real MNIST files, a small autoencoder of three
 * epochs: a run killed (SIGKILL) once its first epoch's checkpoint is written, then resumed, ends
 * with the results of an uninterrupted run, times apart. Skipped when {@code kernelnet.data.dir}
 * is unset.
 */
class EmbedResumeTest {
  private static final Set<String> RUN_SPECIFIC =
      Set.of("startedAt", "trainingSeconds", "totalSeconds", "seconds", "files");

  @TempDir Path home;

  private static String[] embed(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("embed", "mnist", "--quick", "--objective",
        "autoencoder", "--epochs", "3", "--train-size", "1500", "--test-size", "300",
        "--traversal-steps", "3", "--device", "cpu", "--data-dir", RealData.path().toString(),
        "--output", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aRunKilledAfterItsFirstCheckpointAndResumedEndsAsAnUninterruptedRun() throws Exception {
    Path[] runs = KilledRun.resumedAsUninterrupted(home, EmbedResumeTest::embed,
        out -> Files.exists(out.resolve("checkpoint.bin")),
        "resumed after epoch [12] of 3 from checkpoint.bin", "results.json", RUN_SPECIFIC);

    assertThat(runs[1].resolve("test-points.csv"))
        .hasSameTextualContentAs(runs[0].resolve("test-points.csv"));
  }
}
