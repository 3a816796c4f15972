package org.kernelnet.apps.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.CommandRun;

class ReportCommandTest {
  private static final String PAGE = """
      # ML-100K

      <!-- results table: movielens-ml-100k.json -->
      <!-- end results -->
      """;

  @TempDir Path folder;

  @Test
  void rewritesTheTablesOfEveryPageInAFolderOnceAndThenFindsThemUpToDate() throws IOException {
    Fixtures.copy(folder, "movielens-ml-100k.json");
    Path page = Files.writeString(folder.resolve("ml-100k.md"), PAGE);

    CommandRun first = CommandRun.of(folder, "report", folder.toString());
    String rendered = Files.readString(page);
    CommandRun second = CommandRun.of(folder, "report", page.toString());

    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo(page + ": tables rewritten\n");
    assertThat(rendered)
        .contains("| 0.8867 / 0.8988 / 0.8920 / 0.8922 / 0.8961 | 0.8932 ± 0.0020 |");
    assertThat(second.status()).isZero();
    assertThat(second.out()).isEqualTo(page + ": up to date\n");
    assertThat(Files.readString(page)).isEqualTo(rendered);
  }

  @Test
  void checkWritesNothingAndFailsOnAPageOutOfDate() throws IOException {
    Fixtures.copy(folder, "movielens-ml-100k.json");
    Path page = Files.writeString(folder.resolve("ml-100k.md"), PAGE);

    CommandRun run = CommandRun.of(folder, "report", "--check", page.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(page + ": out of date\n");
    assertThat(run.err()).contains("1 page(s) out of date");
    assertThat(Files.readString(page)).isEqualTo(PAGE);
  }

  @Test
  void aMissingPageOrResultFileIsAConfigurationError() throws IOException {
    Path page = Files.writeString(folder.resolve("page.md"), PAGE);

    CommandRun run = CommandRun.of(folder, "report", page.toString(),
        folder.resolve("absent.md").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("no page or folder " + folder.resolve("absent.md"));
    assertThat(Files.readString(page)).isEqualTo(PAGE);
    CommandRun missingResults = CommandRun.of(folder, "report", page.toString());
    assertThat(missingResults.status()).isEqualTo(2);
    assertThat(missingResults.err()).contains("page.md:3: no file",
        folder.resolve("movielens-ml-100k.json").toString());
  }
}
