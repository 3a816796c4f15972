package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.inject.ApplicationModule;
import org.kernelnet.apps.inject.ApplicationRuns;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.MovieTitles;
import org.kernelnet.apps.movielens.data.RatingsFile;
import org.kernelnet.apps.movielens.data.RatingsFormat;
import org.kernelnet.apps.movielens.data.RatingsReader;
import org.kernelnet.apps.movielens.data.RatingsSource;
import org.kernelnet.apps.movielens.data.SyntheticRatings;
import org.kernelnet.apps.report.RunStatus;

/**
 * The MovieLens module is a seam: {@code movielens} run with its {@link RatingsSource} replaced
 * ({@code Modules.override}) trains on the replacement's ratings and never touches the data
 * directory, which here is empty (the module's own source would download into it).
 */
class MovieLensModuleTest {
  @TempDir Path home;

  /** Generated ML-100K-format ratings from a file outside the data directory. */
  private static final class GeneratedRatings implements RatingsSource {
    final List<MovieLensDataset> asked = new ArrayList<>();
    final RatingsFile file;

    GeneratedRatings(Path folder) throws IOException {
      Path path = folder.resolve("generated.tsv");
      SyntheticRatings.builder().setUsers(300).setItems(80).setRatings(6000).optSeed(5)
          .optSeparator(MovieLensDataset.ML_100K.separator()).build()
          .write(path);
      file = new RatingsFile(path, RatingsReader.of(MovieLensDataset.ML_100K).read(path, n -> {}));
    }

    @Override
    public RatingsFile ratings(Path path, RatingsFormat format) {
      throw new AssertionError("movielens --dataset asked for a file of one's own: " + path);
    }

    @Override
    public RatingsFile ratings(MovieLensDataset dataset) {
      asked.add(dataset);
      return file;
    }

    @Override
    public MovieTitles titles(MovieLensDataset dataset) {
      return MovieTitles.none();
    }
  }

  @Test
  void movielensTrainsOnTheRatingsOfAReplacedSource() throws Exception {
    Path dataDir = Files.createDirectories(home.resolve("data"));
    Path out = home.resolve("run");
    GeneratedRatings generated = new GeneratedRatings(Files.createDirectories(home.resolve("gen")));
    MovieLensConfig config = MovieLensConfig.builder().hidden(16).layers(1).iterations(2)
        .evalEvery(2).splits(1).threads(1).build();
    ApplicationModule<MovieLensConfig> application = ApplicationModule.of(
        Modules.override(new MovieLensModule())
            .with(binder -> binder.bind(RatingsSource.class).toInstance(generated)),
        config, MovieLensApp.class);

    String err = ApplicationRuns.intoFolder(home, dataDir, out, "movielens", application);

    assertThat(generated.asked).containsExactly(MovieLensDataset.ML_100K);
    assertThat(RunStatus.read(out)).get().extracting(RunStatus::status)
        .isEqualTo(RunStatus.State.COMPLETE);
    JsonObject results = JsonParser.parseString(Files.readString(out.resolve("results.json")))
        .getAsJsonObject();
    JsonObject data = results.getAsJsonObject("provenance").getAsJsonArray("data").get(0)
        .getAsJsonObject();
    assertThat(data.get("path").getAsString())
        .isEqualTo(generated.file.file().toAbsolutePath().toString());
    assertThat(data.get("sha256").getAsString())
        .isEqualTo(generated.file.ratings().sourceSha256());
    assertThat(results.get("users").getAsInt()).isEqualTo(generated.file.ratings().numUsers());
    assertThat(dataDir).isEmptyDirectory();
    assertThat(err).contains("ML-100K: 6000 ratings").contains(generated.file.file().toString());
  }
}
