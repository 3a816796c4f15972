package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.DataUnavailableException;
import org.kernelnet.apps.data.Downloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensDatasetTest {
  @TempDir Path tmp;

  @Test
  void describesThePapersThreeDataSets() {
    assertThat(MovieLensDataset.ML_100K.candidates())
        .containsExactly("movielens/ml-100k/u.data", "movielens/ml-100k/u.data.gz");
    assertThat(MovieLensDataset.ML_1M.candidates()).containsExactly("movielens/ml-1m/ratings.dat",
        "movielens/ml-1m/ratings.dat.gz", "movielens/ml-1m/ratings_no_timestamps.dat.gz");
    assertThat(MovieLensDataset.ML_10M.downloadTarget()).isEqualTo("movielens/ml-10m/ratings.dat");
    assertThat(MovieLensDataset.ML_100K.separator()).isEqualTo("\t");
    assertThat(MovieLensDataset.ML_10M.separator()).isEqualTo("::");
    assertThat(MovieLensDataset.ML_1M.scale()).isEqualTo(RatingScale.STARS_1_TO_5);
    assertThat(MovieLensDataset.ML_10M.scale()).isEqualTo(RatingScale.HALF_STARS_05_TO_5);
    assertThat(MovieLensDataset.ML_100K.defaultTestFraction()).isEqualTo(0.2);
    assertThat(MovieLensDataset.ML_1M.defaultTestFraction()).isEqualTo(0.1);
    assertThat(MovieLensDataset.ML_10M.defaultTestFraction()).isEqualTo(0.1);
    assertThat(MovieLensDataset.ML_10M.source().entryName()).isEqualTo("ml-10M100K/ratings.dat");
    assertThat(MovieLensDataset.ML_1M.source().archive())
        .hasToString("https://files.grouplens.org/datasets/movielens/ml-1m.zip");
    assertThat(MovieLensDataset.ML_1M.source().checksums().get(0))
        .hasToString("MD5 c4d9eecfca2ab87c1945afe126590906");
    assertThat(MovieLensDataset.ML_1M.header()).isEmpty();
  }

  @Test
  void describesMl20m() {
    MovieLensDataset d = MovieLensDataset.ML_20M;
    assertThat(d.label()).isEqualTo("ML-20M");
    assertThat(d.candidates())
        .containsExactly("movielens/ml-20m/ratings.csv", "movielens/ml-20m/ratings.csv.gz");
    assertThat(d.separator()).isEqualTo(",");
    assertThat(d.header()).hasValue("userId,movieId,rating,timestamp");
    assertThat(d.scale()).isEqualTo(RatingScale.HALF_STARS_05_TO_5);
    assertThat(d.defaultTestFraction()).isEqualTo(0.1);
    assertThat(d.source().archive())
        .hasToString("https://files.grouplens.org/datasets/movielens/ml-20m.zip");
    assertThat(d.source().entryName()).isEqualTo("ml-20m/ratings.csv");
    assertThat(d.source().checksums()).extracting(Object::toString)
        .containsExactly("MD5 cd245b17a1ae2cc31bb14903e1204af3");
  }

  @Test
  void loadsTheGzipCsvOfMl20m() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("movielens/ml-20m"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write("userId,movieId,rating,timestamp\n1,2,3.5,1112486027\n2,2,0.5,1112484676\n"
          .getBytes(US_ASCII));
    }
    Files.write(folder.resolve("ratings.csv.gz"), bytes.toByteArray());

    Ratings r =
        MovieLensDataset.ML_20M.load(DataDirectory.of(tmp), Downloader.offline(), note -> {});

    assertThat(r.size()).isEqualTo(2);
    assertThat(r.mean()).isEqualTo(2.0);
  }

  @Test
  void findsTheThreeFieldGzipFormOfMl1m() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("movielens/ml-1m"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write("1::1193::5\n1::661::3\n2::1193::4\n".getBytes(US_ASCII));
    }
    Path file = Files.write(folder.resolve("ratings_no_timestamps.dat.gz"), bytes.toByteArray());

    Ratings r =
        MovieLensDataset.ML_1M.load(DataDirectory.of(tmp), Downloader.offline(), note -> {});

    assertThat(r.source()).isEqualTo(file.toString());
    assertThat(r.size()).isEqualTo(3);
    assertThat(r.mean()).isEqualTo(4.0);
  }

  @Test
  void offlineSaysWhichFileIsExpectedWhere() {
    DataDirectory dir = DataDirectory.of(tmp);

    assertThatThrownBy(() -> MovieLensDataset.ML_10M.locate(dir, Downloader.offline()))
        .isInstanceOf(DataUnavailableException.class)
        .hasMessageStartingWith("ML-10M ratings are missing. Data file movielens/ml-10m/ratings.dat"
            + " not found: expected at " + tmp.toAbsolutePath().resolve("movielens/ml-10m/ratings.dat"))
        .hasMessageContaining("Download https://files.grouplens.org/datasets/movielens/ml-10m.zip"
            + " (MD5 ce571fd55effeba0271552578f2648bd) and extract its entry ml-10M100K/ratings.dat")
        .hasMessageEndingWith("Also accepted in the same folder instead: ratings.dat.gz.");
    assertThat(tmp.resolve("movielens")).doesNotExist();
  }
}
