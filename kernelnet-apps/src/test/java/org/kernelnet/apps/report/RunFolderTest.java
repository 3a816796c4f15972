package org.kernelnet.apps.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.report.RunFolder.Mode;
import org.kernelnet.apps.report.RunStatus.State;

class RunFolderTest {
  @TempDir Path dir;

  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void closeInReverse() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  private static RunFolder.Request request(Path output, Mode mode) {
    return new RunFolder.Request(Optional.of(output), Path.of("unused"), mode, false, "test",
        List.of("test", "--output", output.toString()), List.of());
  }

  private RunFolder open(Path output, Mode mode) {
    RunFolder folder = RunFolder.open(request(output, mode));
    cleanup.add(folder);
    return folder;
  }

  private static RunStatus status(Path folder) {
    return RunStatus.read(folder).orElseThrow();
  }

  @Test
  void aRunSaysRunningUntilItEndsCompleteAndListsTheFilesItWrote() throws IOException {
    Path out = dir.resolve("a/b/run");
    RunFolder folder = open(out, Mode.NEW);

    RunStatus running = status(out);
    assertThat(running.status()).isEqualTo(State.RUNNING);
    assertThat(running.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(running.arguments()).containsExactly("test", "--output", out.toString());
    assertThat(running.endedAt()).isNull();
    assertThat(out.resolve(RunFolder.RESERVE_FILE)).hasSize(RunFolder.RESERVE_BYTES);

    folder.writer().writeJson("results.json", List.of(1.5));
    folder.writer().writePng("plots/map.png", new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB));
    assertThat(status(out).files()).containsExactly("results.json", "plots/map.png");
    assertThat(status(out).status()).isEqualTo(State.RUNNING);

    folder.complete();
    RunStatus complete = status(out);
    assertThat(complete.status()).isEqualTo(State.COMPLETE);
    assertThat(complete.reason()).isNull();
    assertThat(Instant.parse(complete.endedAt())).isAfterOrEqualTo(
        Instant.parse(complete.startedAt()));
    assertThat(complete.files()).containsExactly("results.json", "plots/map.png");
    assertThat(out.resolve(RunFolder.RESERVE_FILE)).doesNotExist();
    assertThat(out.resolve(RunFolder.LOCK_FILE)).exists();

    // the status is the last word: nothing is written after it
    assertThatThrownBy(() -> folder.writer().write("late.txt", "x"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has ended (complete)");
    assertThat(out.resolve("late.txt")).doesNotExist();
    folder.fail("too late");
    assertThat(status(out)).isEqualTo(complete);
  }

  @Test
  void defaultNamedRunsStartedInTheSameSecondGetFoldersOfTheirOwn() {
    Clock second = Clock.fixed(Instant.parse("2025-03-04T05:06:07.123Z"), ZoneOffset.UTC);
    RunFolder.Request request = new RunFolder.Request(Optional.empty(), dir.resolve("results/x"),
        Mode.NEW, false, "x", List.of("x"), List.of());
    List<Path> folders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RunFolder folder = RunFolder.open(request, second);
      cleanup.add(folder);
      folders.add(folder.path());
    }

    Path parent = dir.resolve("results/x").toAbsolutePath();
    assertThat(folders).containsExactly(parent.resolve("20250304-050607"),
        parent.resolve("20250304-050607-2"), parent.resolve("20250304-050607-3"));
  }

  @Test
  void aSecondRunIntoAFinishedRunsFolderIsRefusedAndTouchesNothing() throws Exception {
    Path out = dir.resolve("run");
    try (RunFolder first = RunFolder.open(request(out, Mode.NEW))) {
      first.writer().write("results.json", "{}\n");
      first.complete();
    }
    FolderSnapshot before = FolderSnapshot.of(out);

    assertThatThrownBy(() -> open(out, Mode.NEW))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("--output " + out + " already holds a kernelnet run (test, complete")
        .hasMessageContaining("pass --overwrite to replace it or choose another --output");
    assertThatThrownBy(() -> RunFolder.open(request(out, Mode.NEW).resumable(false)))
        .hasMessageContaining("--resume to continue it");
    assertThat(FolderSnapshot.of(out)).isEqualTo(before);
  }

  @Test
  void aFolderInUseIsRefusedEvenWithOverwriteOrResume() throws Exception {
    Path out = dir.resolve("run");
    RunFolder first = open(out, Mode.NEW);
    first.writer().write("results.json", "{}\n");
    FolderSnapshot before = FolderSnapshot.of(out);

    for (Mode mode : Mode.values()) {
      assertThatThrownBy(() -> open(out, mode))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("--output " + out + " is in use: another kernelnet run (test,"
              + " process " + ProcessHandle.current().pid());
    }
    assertThat(FolderSnapshot.of(out)).isEqualTo(before);
    first.writer().write("more.json", "{}\n"); // the first run still holds its folder
    first.complete();
    assertThat(status(out).files()).containsExactly("results.json", "more.json");
  }

  @Test
  void overwriteDeletesOnlyTheFilesOfThePreviousRun() throws Exception {
    Path out = dir.resolve("run");
    try (RunFolder first = RunFolder.open(request(out, Mode.NEW))) {
      first.writer().write("results.json", "{}\n");
      first.writer().write("models/m.bin", stream -> stream.write(new byte[100]));
      Files.writeString(first.writer().resolve("journal.jsonl"), "{}\n");
      first.fail("boom");
    }
    Files.writeString(out.resolve("models/.m.bin.123" + AtomicFile.TEMP_SUFFIX), "half");
    Files.writeString(out.resolve("notes.txt"), "mine");
    FolderSnapshot withNotes = FolderSnapshot.of(out);

    assertThatThrownBy(() -> open(out, Mode.OVERWRITE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("holds files that its kernelnet run did not write: notes.txt");
    assertThat(FolderSnapshot.of(out)).isEqualTo(withNotes);

    Files.move(out.resolve("notes.txt"), dir.resolve("notes.txt"));
    RunFolder second = open(out, Mode.OVERWRITE);

    try (Stream<Path> left = Files.walk(out)) {
      assertThat(left.map(p -> out.relativize(p).toString()))
          .containsExactlyInAnyOrder("", "models", RunFolder.LOCK_FILE, RunFolder.STATUS_FILE,
              RunFolder.RESERVE_FILE);
    }
    assertThat(status(out).status()).isEqualTo(State.RUNNING);
    assertThat(status(out).files()).isEmpty();
    second.complete();
  }

  @Test
  void aFolderWithFilesOfItsOwnIsNeverARunFolder() throws IOException {
    Path out = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(out.resolve("thesis.tex"), "x");
    FolderSnapshot before = FolderSnapshot.of(out);

    assertThatThrownBy(() -> open(out, Mode.NEW))
        .hasMessageContaining("is not empty (it holds thesis.tex) and holds no kernelnet run");
    assertThatThrownBy(() -> open(out, Mode.OVERWRITE))
        .hasMessageContaining("holds no kernelnet run but thesis.tex");
    assertThat(FolderSnapshot.of(out)).isEqualTo(before);
  }

  @Test
  void resumeKeepsTheFilesAndTheirList() throws IOException {
    Path out = dir.resolve("run");
    try (RunFolder first = RunFolder.open(request(out, Mode.NEW))) {
      first.writer().write("a.json", "{}\n");
      first.fail("boom: caused by the disk");
    }
    assertThat(status(out).status()).isEqualTo(State.FAILED);
    assertThat(status(out).reason()).isEqualTo("boom: caused by the disk");

    RunFolder again = RunFolder.open(request(out, Mode.NEW).resumable(true));
    cleanup.add(again);
    assertThat(out.resolve("a.json")).hasContent("{}");
    assertThat(again.resumed()).isTrue();
    assertThat(again.writer().resumesRun()).isTrue();
    again.writer().write("b.json", "{}\n");
    again.complete();
    assertThat(status(out).files()).containsExactly("a.json", "b.json");
    assertThat(status(out).status()).isEqualTo(State.COMPLETE);
  }

  @Test
  void aResumeOfACompleteRunOrOfAnotherCommandsRunIsRefusedUntouched() throws IOException {
    Path done = dir.resolve("done");
    try (RunFolder first = RunFolder.open(request(done, Mode.NEW))) {
      assertThat(first.resumed()).isFalse();
      first.complete();
    }
    Path other = dir.resolve("other");
    try (RunFolder first = RunFolder.open(new RunFolder.Request(Optional.of(other),
        Path.of("unused"), Mode.NEW, true, "embed mnist", List.of(), List.of()))) {
      first.fail("boom");
    }
    FolderSnapshot doneBefore = FolderSnapshot.of(done);
    FolderSnapshot otherBefore = FolderSnapshot.of(other);

    assertThatThrownBy(() -> RunFolder.open(request(done, Mode.NEW).resumable(true)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("--resume: --output " + done + " holds a complete run (test,"
            + " complete, ended ")
        .hasMessageEndingWith("there is nothing to continue; pass --overwrite to run it again,"
            + " or choose another --output");
    assertThatThrownBy(() -> RunFolder.open(request(other, Mode.NEW).resumable(true)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("--resume: --output " + other + " holds a run of 'kernelnet embed mnist', not"
            + " of 'kernelnet test': resume it with its own command, or choose another --output");
    assertThat(FolderSnapshot.of(done)).isEqualTo(doneBefore);
    assertThat(FolderSnapshot.of(other)).isEqualTo(otherBefore);
    open(other, Mode.OVERWRITE).close(); // the refusals released the lock
  }

  @Test
  void overwriteAndResumeNeedAnOutputFolderAndExcludeEachOther() {
    assertThatThrownBy(() -> new RunFolder.Request(Optional.empty(), dir, Mode.OVERWRITE, false,
        "x", List.of(), List.of())).hasMessage("--overwrite needs --output DIR: a default-named"
            + " run folder is always new");
    assertThatThrownBy(() -> new RunFolder.Request(Optional.empty(), dir, Mode.NEW, false,
        "x", List.of(), List.of()).resumable(true))
        .hasMessage("--resume needs --output DIR, the folder of the run to continue");
    assertThatThrownBy(() -> request(dir, Mode.OVERWRITE).resumable(true))
        .hasMessageContaining("give one of them");
  }

  @Test
  void aFolderThatCannotBeCreatedIsRefusedNamingThePathAndTheReason() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> open(file.resolve("run"), Mode.NEW))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("--output " + file.resolve("run") + ": cannot create the folder "
            + file.resolve("run") + ": " + file + " is a file, not a folder");
    assertThatThrownBy(() -> open(file, Mode.NEW))
        .hasMessage("--output " + file + ": " + file + " is a file, not a folder");
    RunFolder.Request saving = request(dir.resolve("run"), Mode.NEW)
        .alsoWriting("--save", file.resolve("m.knml"));
    assertThatThrownBy(() -> RunFolder.open(saving))
        .hasMessage("--save " + file.resolve("m.knml") + ": " + file + " is a file, not a folder");
    assertThat(dir.resolve("run")).doesNotExist();
  }

  @Test
  void aReadOnlyFolderIsRefused() throws Exception {
    Path ro = Files.createDirectories(dir.resolve("ro"));
    cleanup.add(TmpfsMount.mount(ro, "ro,size=1m"));

    assertThatThrownBy(() -> open(ro, Mode.NEW))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("--output " + ro + ": cannot create the lock file in " + ro
            + ": Read-only file system");
    assertThatThrownBy(() -> open(ro.resolve("run"), Mode.NEW))
        .hasMessageContaining("cannot create the folder " + ro.resolve("run")
            + ": Read-only file system");
    RunFolder.Request saving = request(dir.resolve("run"), Mode.NEW)
        .alsoWriting("--save", ro.resolve("m.knml"));
    assertThatThrownBy(() -> RunFolder.open(saving))
        .hasMessage("--save " + ro.resolve("m.knml") + ": cannot write into " + ro
            + ": Read-only file system");
  }

  @Test
  void onAFullDiskAWriteFailsNamingTheFileAndTheStatusIsStillRecorded() throws Exception {
    Path disk = Files.createDirectories(dir.resolve("disk"));
    cleanup.add(TmpfsMount.mount(disk, "size=256k"));
    Path out = disk.resolve("run");
    RunFolder folder = open(out, Mode.NEW);
    folder.writer().write("small.json", "{}\n");
    fill(disk.resolve("filler"));

    assertThatThrownBy(() -> folder.writer().write("big.bin", s -> s.write(new byte[8192])))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + out.resolve("big.bin") + ": No space left on device");
    assertThatThrownBy(() -> folder.writer().writePng("plot.png",
        new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB)))
        .hasMessageStartingWith("cannot write " + out.resolve("plot.png") + ": ")
        .hasMessageContaining("No space left on device");
    folder.fail("the disk is full");

    RunStatus failed = status(out);
    assertThat(failed.status()).isEqualTo(State.FAILED);
    assertThat(failed.reason()).isEqualTo("the disk is full");
    assertThat(failed.files()).containsExactly("small.json");
    try (Stream<Path> left = Files.list(out)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("small.json", RunFolder.LOCK_FILE, RunFolder.STATUS_FILE);
    }
  }

  /** Writes zeros to {@code file} until the disk is full. */
  private static void fill(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] block = new byte[4096];
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      assertThat(e).hasMessage("No space left on device");
    }
  }

  @Test
  void aRunStoppedBySigtermRecordsInterruptedAndHoldsItsFolderUntilThen() throws Exception {
    Path out = dir.resolve("run");
    String java = ProcessHandle.current().info().command().orElseThrow();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HoldRunFolder.class.getName(), out.toString()).redirectErrorStream(true).start();
    cleanup.add(child::destroyForcibly);
    BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = lines.readLine(); // the JVM may warn first
    } while (line != null && !line.equals("open"));
    assertThat(line).as("the child's output").isEqualTo("open");

    assertThatThrownBy(() -> open(out, Mode.OVERWRITE))
        .hasMessageContaining("is in use: another kernelnet run (hold, process " + child.pid());
    child.destroy(); // SIGTERM
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    RunStatus interrupted = status(out);
    assertThat(interrupted.status()).isEqualTo(State.INTERRUPTED);
    assertThat(interrupted.reason()).contains("SIGTERM");
    assertThat(interrupted.files()).containsExactly("a.json");
    assertThatThrownBy(() -> open(out, Mode.NEW))
        .hasMessageContaining("already holds a kernelnet run (hold, interrupted (the process was"
            + " stopped");
  }
}
