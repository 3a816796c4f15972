package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.data.DataDirectory;

class MovieTitlesTest {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path root;
  private final List<String> notes = new ArrayList<>();

  private MovieTitles titles(MovieLensDataset dataset) throws IOException {
    return MovieTitles.find(DataDirectory.of(root), dataset, notes::add);
  }

  private Path write(String relative, byte[]... parts) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      bytes.write(part);
    }
    return Files.write(file, bytes.toByteArray());
  }

  @Test
  void readsMoviesDatOfMl1mInLatin1() throws IOException {
    Path folder = Files.createDirectories(root.resolve("movielens/ml-1m"));
    Files.write(folder.resolve("movies.dat"),
        "1::Toy Story (1995)::Animation|Children's\n73::Misérables, Les (1995)::Drama\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    MovieTitles titles = titles(MovieLensDataset.ML_1M);

    assertThat(titles.title("1")).hasValue("Toy Story (1995)");
    assertThat(titles.title("73")).hasValue("Misérables, Les (1995)");
    assertThat(titles.title("2")).isEmpty();
  }

  @Test
  void readsUItemOfMl100kAndIsEmptyWithoutTheFile() throws IOException {
    assertThat(titles(MovieLensDataset.ML_100K).title("1")).isEmpty();
    Path folder = Files.createDirectories(root.resolve("movielens/ml-100k"));
    Files.writeString(folder.resolve("u.item"), "1|Toy Story (1995)|01-Jan-1995||http://x|0|0\n");

    assertThat(titles(MovieLensDataset.ML_100K).title("1"))
        .hasValue("Toy Story (1995)");
  }

  @Test
  void readsMoviesCsvOfMl20mWithQuotedTitles() throws IOException {
    Path folder = Files.createDirectories(root.resolve("movielens/ml-20m"));
    Files.writeString(folder.resolve("movies.csv"), "movieId,title,genres\n"
        + "1,Toy Story (1995),Adventure|Animation\n"
        + "11,\"American President, The (1995)\",Comedy|Drama|Romance\n"
        + "12,\"Say \"\"Hi\"\", Again (2000)\",Comedy\n", StandardCharsets.UTF_8);

    MovieTitles titles = titles(MovieLensDataset.ML_20M);

    assertThat(titles.title("1")).hasValue("Toy Story (1995)");
    assertThat(titles.title("11")).hasValue("American President, The (1995)");
    assertThat(titles.title("12")).hasValue("Say \"Hi\", Again (2000)");
    assertThat(titles.title("2")).isEmpty();
  }

  @Test
  void aMalformedCsvLineNamesFileAndLine() throws IOException {
    Path folder = Files.createDirectories(root.resolve("movielens/ml-20m"));
    Files.writeString(folder.resolve("movies.csv"), "movieId,title,genres\n1,A,B\n2,\"Open,C\n");

    assertThatThrownBy(() -> titles(MovieLensDataset.ML_20M))
        .isInstanceOf(IOException.class).hasMessageContaining("movies.csv line 3");
  }

  @Test
  void aMalformedLineNamesFileAndLine() throws IOException {
    Path folder = Files.createDirectories(root.resolve("movielens/ml-1m"));
    Files.writeString(folder.resolve("movies.dat"), "1::A::B\nx::Bad::C\n");

    assertThatThrownBy(() -> titles(MovieLensDataset.ML_1M))
        .isInstanceOf(IOException.class).hasMessageContaining("movies.dat line 2");
  }

  @Test
  void aByteOrderMarkIsSkippedAndBlankLinesAreSkippedAndReportedOnce() throws IOException {
    Path file = write("movielens/ml-1m/movies.dat", BYTE_ORDER_MARK,
        "1::Toy Story (1995)::Animation\n\n \t\r\n73::Misérables, Les (1995)::Drama\n\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    MovieTitles titles = titles(MovieLensDataset.ML_1M);

    assertThat(titles.title("1")).hasValue("Toy Story (1995)");
    assertThat(titles.title("73")).hasValue("Misérables, Les (1995)");
    assertThat(notes).containsExactly(file + ": skipped 3 blank lines");
  }

  @Test
  void aUtf8FileWithAByteOrderMarkKeepsItsFirstTitle() throws IOException {
    write("movielens/ml-10m/movies.dat", BYTE_ORDER_MARK,
        "1::Amélie (2001)::Comedy\n".getBytes(StandardCharsets.UTF_8));

    assertThat(titles(MovieLensDataset.ML_10M).title("1")).hasValue("Amélie (2001)");
    assertThat(notes).isEmpty();
  }

  @Test
  void aCsvHeaderAfterAByteOrderMarkAndBlankLinesIsStillTheHeader() throws IOException {
    Path file = write("movielens/ml-20m/movies.csv", BYTE_ORDER_MARK,
        "\nmovieId,title,genres\n1,Toy Story (1995),Adventure\n\n".getBytes(
            StandardCharsets.UTF_8));

    MovieTitles titles = titles(MovieLensDataset.ML_20M);

    assertThat(titles.title("1")).hasValue("Toy Story (1995)");
    assertThat(notes).containsExactly(file + ": skipped 2 blank lines");
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorNamingTheFile() throws IOException {
    Path file = write("movielens/ml-10m/movies.dat",
        "1::Heat (1995)::Action\n2::Am\u00e9lie (2001)::Comedy\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> titles(MovieLensDataset.ML_10M))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": not UTF-8 text (")
        .hasCauseInstanceOf(CharacterCodingException.class);
  }
}
