package org.kernelnet.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.report.RunFolder;

/**
 * {@code kernelnet movielens --resume} on synthetic ML-100K-format ratings, three splits: a run
 * killed (SIGKILL) once its first split is recorded, then resumed, ends with the results of an
 * uninterrupted run, times apart; a resume is refused for a complete run and for other settings.
 */
class MovieLensResumeTest {
  /** What differs between two runs of the same settings: times, memory and the folder's paths. */
  private static final Set<String> RUN_SPECIFIC = Set.of("startedAt", "wallSeconds",
      "peakResidentGib", "trainingSeconds", "secondsPerEvaluation", "seconds", "savedModel");

  @TempDir static Path data;
  @TempDir Path home;

  @BeforeAll
  static void syntheticRatings() {
    CommandRun run = CommandRun.of(data, "movielens", "generate", "--dataset", "ml-100k",
        "--users", "300", "--items", "120", "--ratings", "8000", "--data-dir", data.toString());
    assertThat(run.status()).as(run.err()).isZero();
  }

  /** Three splits of 40 L-BFGS iterations into {@code out}, unless {@code more} says otherwise. */
  private String[] movielens(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("movielens", "--data-dir", data.toString(),
        "--layers", "1", "--eval-every", "20", "--device", "cpu", "--output", out.toString()));
    List<String> given = List.of(more);
    for (String[] option : new String[][] {{"--hidden", "32"}, {"--iterations", "40"},
        {"--splits", "3"}}) {
      if (!given.contains(option[0])) {
        args.addAll(List.of(option));
      }
    }
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void aRunKilledAfterItsFirstSplitAndResumedEndsAsAnUninterruptedRun() throws Exception {
    Path[] runs = KilledRun.resumedAsUninterrupted(home, this::movielens,
        out -> lines(out.resolve("splits.jsonl")) >= 1,
        "resuming: [12] of 3 splits recorded in splits.jsonl are not trained again",
        "results.json", RUN_SPECIFIC);

    assertThat(lines(runs[1].resolve("splits.jsonl"))).isEqualTo(3);
    assertThat(runs[1].resolve("summary.csv"))
        .hasSameTextualContentAs(runs[0].resolve("summary.csv"));
    assertThat(Files.size(runs[1].resolve("models/sparse-fc-1.knml")))
        .isEqualTo(Files.size(runs[0].resolve("models/sparse-fc-1.knml")));
  }

  @Test
  void aResumeOfACompleteRunOrWithOtherSettingsIsRefusedLeavingItsFolderAsItWas() throws Exception {
    Path out = home.resolve("run");
    String[] args = movielens(out, "--splits", "1", "--iterations", "2");
    Path killed = home.resolve("killed");
    KilledRun.killWhen(home, () -> Files.exists(killed.resolve("settings.json")),
        movielens(killed));
    CommandRun first = CommandRun.of(home, args);
    assertThat(first.status()).as(first.err()).isZero();

    String killedStatus = Files.readString(killed.resolve(RunFolder.STATUS_FILE));
    CommandRun complete =
        CommandRun.of(home, movielens(out, "--splits", "1", "--iterations", "2", "--resume"));
    CommandRun other = CommandRun.of(home, movielens(killed, "--seed", "7", "--hidden", "16",
        "--resume"));

    assertThat(complete.status()).isEqualTo(2);
    assertThat(complete.err()).contains("--resume: --output " + out + " holds a complete run"
        + " (movielens, complete, ended ");
    assertThat(other.status()).isEqualTo(2);
    assertThat(other.err()).contains("--resume: the run in " + killed + " was started with other"
        + " settings (settings.json): models[0].hidden: recorded 32, given 16; seed: recorded 1,"
        + " given 7; resume it with the options it was started with");
    assertThat(killed.resolve(RunFolder.STATUS_FILE)).hasContent(killedStatus);
  }

  private static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank())
          .count() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
