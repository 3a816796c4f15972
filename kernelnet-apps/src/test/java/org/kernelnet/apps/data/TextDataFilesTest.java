package org.kernelnet.apps.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDataFilesTest {
  private static byte[] bytes(String hex) {
    return hex.isEmpty() ? new byte[0] : HexFormat.of().parseHex(hex);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "efbbbf31, 31", // the mark is dropped
      "efbbbf, ''", // a file of just the mark
      "efbb31, efbb31", // a partial mark is content
      "efbb, efbb",
      "31efbbbf, 31efbbbf", // a mark inside is content
      "'', ''"})
  void onlyAWholeByteOrderMarkAtTheStartIsSkipped(String in, String out) throws IOException {
    assertThat(TextDataFiles.skipByteOrderMark(new ByteArrayInputStream(bytes(in))).readAllBytes())
        .isEqualTo(bytes(out));
  }

  @Test
  void blankLinesAreReportedInOneLineOnlyWhenThereAreAny() {
    List<String> notes = new ArrayList<>();
    Path file = Path.of("/data/movielens/ml-100k/u.data");

    TextDataFiles.reportBlankLines(file, 0, notes::add);
    TextDataFiles.reportBlankLines(file, 1, notes::add);
    TextDataFiles.reportBlankLines(file, 12, notes::add);

    assertThat(notes).containsExactly(file + ": skipped 1 blank line",
        file + ": skipped 12 blank lines");
    assertThatThrownBy(() -> TextDataFiles.reportBlankLines(file, -1, notes::add))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be >= 0, got -1");
  }
}
