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
    Path whole = home.resolve("whole");
    CommandRun uninterrupted = CommandRun.of(home, embed(whole));
    assertThat(uninterrupted.status()).as(uninterrupted.err()).isZero();
    Path out = home.resolve("killed");

    String child = KilledRun.killWhen(home, () -> Files.exists(out.resolve("checkpoint.bin")),
        embed(out));

    assertThat(out.resolve("results.json")).as(child).doesNotExist();
    CommandRun resumed = CommandRun.of(home, embed(out, "--resume"));
    assertThat(resumed.status()).as(resumed.err()).isZero();
    assertThat(resumed.err()).containsPattern("resumed after epoch [12] of 3 from checkpoint.bin");
    assertThat(RunStatus.read(out).orElseThrow().status()).isEqualTo(RunStatus.State.COMPLETE);
    assertThat(ResultsJson.without(out.resolve("results.json"), RUN_SPECIFIC))
        .isEqualTo(ResultsJson.without(whole.resolve("results.json"), RUN_SPECIFIC));
    assertThat(out.resolve("test-points.csv"))
        .hasSameTextualContentAs(whole.resolve("test-points.csv"));
  }
}
