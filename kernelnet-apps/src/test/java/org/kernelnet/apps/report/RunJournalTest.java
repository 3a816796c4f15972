package org.kernelnet.apps.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
  record Setup(int epochs, long seed) {}

  record Size(long parameters) {}

  record Run(String kernel, double lr, double accuracy, Size size) {}

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("out").resolve("runs.jsonl");
  }

  @Test
  void runsAppendedOneByOneAreReadBackWhenResuming() throws IOException {
    RunJournal<Setup, Run> journal = RunJournal.open(file(), new Setup(5, 42), Run.class, false);
    assertThat(journal.runs()).isEmpty();
    Run dot = new Run("dot", 0.01, 0.9123, new Size(100));
    Run rbf = new Run("rbf:gamma=4", 0.001, Double.NaN, new Size(200));
    journal.append(dot);
    journal.append(rbf);
    assertThat(Files.readAllLines(file())).hasSize(2).allMatch(line -> line.startsWith("{\"setup\""));

    RunJournal<Setup, Run> resumed = RunJournal.open(file(), new Setup(5, 42), Run.class, true);
    assertThat(resumed.runs()).containsExactly(dot, rbf); // NaN included, records compare fields
    assertThat(resumed.unreadableLines()).isZero();
    assertThat(resumed.find(r -> r.kernel().equals("rbf:gamma=4"))).contains(rbf);
    assertThat(resumed.find(r -> r.lr() == 0.5)).isEmpty();
  }

  @Test
  void aStudyIsNeverOverwrittenByMistake() throws IOException {
    RunJournal.open(file(), new Setup(5, 42), Run.class, false)
        .append(new Run("dot", 0.01, 0.9, new Size(1)));

    assertThatThrownBy(() -> RunJournal.open(file(), new Setup(5, 42), Run.class, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already records runs").hasMessageContaining("--resume");
    assertThat(Files.readAllLines(file())).hasSize(1);
  }

  @Test
  void resumingUnderAnotherSetupIsRefused() throws IOException {
    RunJournal.open(file(), new Setup(5, 42), Run.class, false)
        .append(new Run("dot", 0.01, 0.9, new Size(1)));

    assertThatThrownBy(() -> RunJournal.open(file(), new Setup(2, 42), Run.class, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"epochs\":5").hasMessageContaining("\"epochs\":2");
  }

  @Test
  void aLineCutOffMidWriteIsSkippedAndTheNextRunStartsItsOwnLine() throws IOException {
    Run first = new Run("dot", 0.01, 0.9, new Size(1));
    RunJournal.open(file(), new Setup(5, 42), Run.class, false).append(first);
    Files.writeString(file(), "{\"setup\":{\"epochs\":5,\"se", StandardOpenOption.APPEND);

    RunJournal<Setup, Run> resumed = RunJournal.open(file(), new Setup(5, 42), Run.class, true);
    assertThat(resumed.runs()).containsExactly(first);
    assertThat(resumed.unreadableLines()).isEqualTo(1);
    Run second = new Run("poly", 0.01, 0.8, new Size(2));
    resumed.append(second);

    RunJournal<Setup, Run> again = RunJournal.open(file(), new Setup(5, 42), Run.class, true);
    assertThat(again.runs()).containsExactly(first, second);
    assertThat(again.unreadableLines()).isEqualTo(1);
  }

  @Test
  void journalsOfPartsOfOneStudyJoinByConcatenation() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Run dot = new Run("dot", 0.01, 0.9, new Size(1));
    Run rbf = new Run("rbf", 0.01, 0.8, new Size(2));
    RunJournal.open(a, new Setup(5, 42), Run.class, false).append(dot);
    RunJournal.open(b, new Setup(5, 42), Run.class, false).append(rbf);
    Files.createDirectories(file().getParent());
    Files.write(file(), Files.readAllBytes(a));
    Files.write(file(), Files.readAllBytes(b), StandardOpenOption.APPEND);

    assertThat(RunJournal.open(file(), new Setup(5, 42), Run.class, true).runs())
        .containsExactly(dot, rbf);
  }

  @Test
  void aFileWithNothingReadableIsStartedAfresh() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "not json\n", StandardCharsets.UTF_8);

    RunJournal<Setup, Run> journal = RunJournal.open(file(), new Setup(5, 42), Run.class, false);
    assertThat(journal.runs()).isEmpty();
    assertThat(file()).doesNotExist();
    journal.append(new Run("dot", 0.01, 0.9, new Size(1)));
    assertThat(Files.readAllLines(file())).hasSize(1);
  }
}
