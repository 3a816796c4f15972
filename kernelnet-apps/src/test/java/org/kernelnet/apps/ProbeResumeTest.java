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
 * {@code kernelnet cifar probe --resume} on the shared data, a small head on 500 training images
 * trained for three epochs: a run killed (SIGKILL) once its head's first checkpoint is written,
 * then resumed, ends with the results of an uninterrupted run, times and feature-cache outcomes apart. Skipped when
 * {@code kernelnet.data.dir} is unset.
 */
class ProbeResumeTest {
  private static final Set<String> RUN_SPECIFIC =
      Set.of("startedAt", "seconds", "trainingSeconds", "featureCache");

  @TempDir Path home;

  private String[] probe(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("cifar", "probe", "--quick", "--epochs", "3",
        "--train-limit", "500", "--test-limit", "200", "--validation", "100", "--hidden", "64",
        "--grid", "12", "--format", "folder", "--data-dir", RealData.path().toString(),
        "--device", "cpu",
        "--cache", home.resolve("cache").toString(), "--output", out.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aRunKilledAfterItsFirstCheckpointAndResumedEndsAsAnUninterruptedRun() throws Exception {
    Path[] runs = KilledRun.resumedAsUninterrupted(home, this::probe,
        out -> Files.exists(out.resolve("checkpoint-L31.bin")),
        "L=31: resumed after epoch [12] from its checkpoint", "results.json", RUN_SPECIFIC);

    assertThat(runs[1].resolve("map-coordinates.csv"))
        .hasSameTextualContentAs(runs[0].resolve("map-coordinates.csv"));
  }
}
