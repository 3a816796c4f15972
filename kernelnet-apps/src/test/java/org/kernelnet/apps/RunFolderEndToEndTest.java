package org.kernelnet.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.report.AtomicFile;
import org.kernelnet.apps.report.FolderSnapshot;
import org.kernelnet.apps.report.RunFolder;
import org.kernelnet.apps.report.RunStatus;
import org.kernelnet.apps.report.TmpfsMount;

/**
 * The run folder of a real command: {@code kernelnet movielens} on a small synthetic ML-100K-format
 * data set (1,000 users, so that the saved model is about 0.5 MB) trained for two L-BFGS
 * iterations. Each refusal is checked to come before any data is read, and to leave an existing
 * run as it was.
 */
class RunFolderEndToEndTest {
  @TempDir static Path data;
  @TempDir Path home;

  private final List<AutoCloseable> mounts = new ArrayList<>();

  @BeforeAll
  static void syntheticRatings() {
    CommandRun run = CommandRun.of(data, "movielens", "generate", "--dataset", "ml-100k",
        "--users", "1000", "--items", "100", "--ratings", "20000", "--data-dir", data.toString());
    assertThat(run.status()).as(run.err()).isZero();
  }

  @AfterEach
  void unmount() throws Exception {
    for (AutoCloseable mount : mounts) {
      mount.close();
    }
  }

  private CommandRun movielens(String... more) {
    List<String> args = new ArrayList<>(List.of("movielens", "--data-dir", data.toString(),
        "--hidden", "64", "--layers", "1", "--iterations", "2", "--eval-every", "2", "--splits",
        "1", "--device", "cpu"));
    args.addAll(List.of(more));
    return CommandRun.of(home, args.toArray(String[]::new));
  }

  /** Runs a command expected to be refused before it reads any data, within three seconds. */
  private CommandRun refused(String... more) {
    long start = System.nanoTime();
    CommandRun run = movielens(more);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(seconds).as("seconds to refuse").isLessThan(3);
    assertThat(run.err()).doesNotContain("ratings,").doesNotContain("training");
    return run;
  }

  @Test
  void aSecondRunIntoTheFolderOfAFirstIsRefusedAndTouchesNothingOfIt() throws IOException {
    Path out = home.resolve("run");
    CommandRun first = movielens("--output", out.toString());
    assertThat(first.status()).as(first.err()).isZero();
    RunStatus complete = RunStatus.read(out).orElseThrow();
    assertThat(complete.status()).isEqualTo(RunStatus.State.COMPLETE);
    assertThat(complete.files()).containsExactly("settings.json", "splits.jsonl",
        "models/sparse-fc-1.knml", "results.json", "splits.csv", "summary.csv");
    FolderSnapshot before = FolderSnapshot.of(out);

    CommandRun same = refused("--output", out.toString());
    CommandRun other = refused("--output", out.toString(), "--seed", "7");

    assertThat(same.err()).contains("--output " + out + " already holds a kernelnet run"
        + " (movielens, complete, ended ");
    assertThat(other.err()).contains("pass --overwrite to replace it");
    assertThat(FolderSnapshot.of(out)).isEqualTo(before);
  }

  @Test
  void anOutputThatCannotBeWrittenIsRefusedBeforeAnyData() throws IOException {
    Path file = Files.writeString(home.resolve("file"), "x");

    CommandRun output = refused("--output", file.resolve("run").toString());
    CommandRun save = refused("--output", home.resolve("run").toString(), "--save",
        file.resolve("m.knml").toString());

    assertThat(output.err()).contains("--output " + file.resolve("run") + ": cannot create the"
        + " folder " + file.resolve("run") + ": " + file + " is a file, not a folder");
    assertThat(save.err()).contains("--save " + file.resolve("m.knml") + ": " + file
        + " is a file, not a folder");
    assertThat(home.resolve("run")).doesNotExist();
  }

  @Test
  void aReadOnlyOutputIsRefusedBeforeAnyData() throws Exception {
    Path ro = Files.createDirectories(home.resolve("ro"));
    mounts.add(TmpfsMount.mount(ro, "ro,size=1m"));

    CommandRun run = refused("--output", ro.resolve("run").toString());

    assertThat(run.err()).contains("--output " + ro.resolve("run") + ": cannot create the folder "
        + ro.resolve("run") + ": Read-only file system");
  }

  @Test
  void aFullDiskFailsTheRunLeavesNoFileThatLooksCompleteAndRecordsWhy() throws Exception {
    Path disk = Files.createDirectories(home.resolve("disk"));
    mounts.add(TmpfsMount.mount(disk, "size=256k"));
    Path out = disk.resolve("run");

    CommandRun run = movielens("--output", out.toString());

    Path model = out.resolve("models/sparse-fc-1.knml");
    String reason = "cannot write " + model + ": No space left on device";
    assertThat(run.status()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains("kernelnet: error: " + reason);
    RunStatus status = RunStatus.read(out).orElseThrow();
    assertThat(status.status()).isEqualTo(RunStatus.State.FAILED);
    assertThat(status.reason()).isEqualTo(reason);
    assertThat(status.files()).containsExactly("settings.json", "splits.jsonl");
    try (Stream<Path> files = Files.walk(out).filter(Files::isRegularFile)) {
      assertThat(files.map(f -> out.relativize(f).toString())).containsExactlyInAnyOrder(
          RunFolder.LOCK_FILE, RunFolder.STATUS_FILE, "settings.json")
          .noneMatch(name -> name.endsWith(AtomicFile.TEMP_SUFFIX));
    }
  }

  @Test
  void aRunThatFailsAfterItsFolderIsOpenRecordsFailedWithTheReason() {
    Path out = home.resolve("run");

    CommandRun run = movielens("--output", out.toString(), "--model", "kernelnet", "--kernel",
        "nosuch");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("--kernel nosuch: Unknown kernel 'nosuch'");
    RunStatus status = RunStatus.read(out).orElseThrow();
    assertThat(status.status()).isEqualTo(RunStatus.State.FAILED);
    assertThat(status.reason()).startsWith("--kernel nosuch: Unknown kernel 'nosuch'");
    assertThat(status.arguments()).contains("--kernel", "nosuch");
  }
}
