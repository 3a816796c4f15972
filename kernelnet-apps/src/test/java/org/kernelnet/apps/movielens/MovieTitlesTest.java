package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.movielens.data.MovieLensDataset;

class MovieTitlesTest {
  @TempDir Path root;

  @Test
  void readsMoviesDatOfMl1mInLatin1() throws IOException {
    Path folder = Files.createDirectories(root.resolve("movielens/ml-1m"));
    Files.write(folder.resolve("movies.dat"),
        "1::Toy Story (1995)::Animation|Children's\n73::Misérables, Les (1995)::Drama\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    MovieTitles titles = MovieTitles.find(DataDirectory.of(root), MovieLensDataset.ML_1M);

    assertThat(titles.title(1)).hasValue("Toy Story (1995)");
    assertThat(titles.title(73)).hasValue("Misérables, Les (1995)");
    assertThat(titles.title(2)).isEmpty();
  }

  @Test
  void readsUItemOfMl100kAndIsEmptyWithoutTheFile() throws IOException {
    assertThat(MovieTitles.find(DataDirectory.of(root), MovieLensDataset.ML_100K).title(1)).isEmpty();
    Path folder = Files.createDirectories(root.resolve("movielens/ml-100k"));
    Files.writeString(folder.resolve("u.item"), "1|Toy Story (1995)|01-Jan-1995||http://x|0|0\n");

    assertThat(MovieTitles.find(DataDirectory.of(root), MovieLensDataset.ML_100K).title(1))
        .hasValue("Toy Story (1995)");
  }

  @Test
  void readsMoviesCsvOfMl20mWithQuotedTitles() throws IOException {
    Path folder = Files.createDirectories(root.resolve("movielens/ml-20m"));
    Files.writeString(folder.resolve("movies.csv"), "movieId,title,genres\n"
        + "1,Toy Story (1995),Adventure|Animation\n"
        + "11,\"American President, The (1995)\",Comedy|Drama|Romance\n"
        + "12,\"Say \"\"Hi\"\", Again (2000)\",Comedy\n", StandardCharsets.UTF_8);

    MovieTitles titles = MovieTitles.find(DataDirectory.of(root), MovieLensDataset.ML_20M);

    assertThat(titles.title(1)).hasValue("Toy Story (1995)");
    assertThat(titles.title(11)).hasValue("American President, The (1995)");
    assertThat(titles.title(12)).hasValue("Say \"Hi\", Again (2000)");
    assertThat(titles.title(2)).isEmpty();
  }

  @Test
  void aMalformedCsvLineNamesFileAndLine() throws IOException {
    Path folder = Files.createDirectories(root.resolve("movielens/ml-20m"));
    Files.writeString(folder.resolve("movies.csv"), "movieId,title,genres\n1,A,B\n2,\"Open,C\n");

    assertThatThrownBy(() -> MovieTitles.find(DataDirectory.of(root), MovieLensDataset.ML_20M))
        .isInstanceOf(IOException.class).hasMessageContaining("movies.csv line 3");
  }

  @Test
  void aMalformedLineNamesFileAndLine() throws IOException {
    Path folder = Files.createDirectories(root.resolve("movielens/ml-1m"));
    Files.writeString(folder.resolve("movies.dat"), "1::A::B\nx::Bad::C\n");

    assertThatThrownBy(() -> MovieTitles.find(DataDirectory.of(root), MovieLensDataset.ML_1M))
        .isInstanceOf(IOException.class).hasMessageContaining("movies.dat line 2");
  }
}
