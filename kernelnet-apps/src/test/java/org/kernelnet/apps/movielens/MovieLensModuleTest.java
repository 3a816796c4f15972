package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
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
import org.kernelnet.apps.inject.FamilyModule;
import org.kernelnet.apps.movielens.data.MontiDataset;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.MovieTitles;
import org.kernelnet.apps.movielens.data.RatingsFile;
import org.kernelnet.apps.movielens.data.RatingsFormat;
import org.kernelnet.apps.movielens.data.RatingsReader;
import org.kernelnet.apps.movielens.data.RatingsSource;
import org.kernelnet.apps.movielens.data.SyntheticRatings;
import org.kernelnet.apps.movielens.report.MovieLensResults;
import org.kernelnet.apps.movielens.train.AutoencoderTrainer;
import org.kernelnet.apps.movielens.train.GlocalKSettings;
import org.kernelnet.apps.movielens.train.GlocalKTrainer;
import org.kernelnet.apps.movielens.train.LbfgsGlocalKTrainer;
import org.kernelnet.apps.movielens.train.OptimizerTrainer;
import org.kernelnet.apps.movielens.train.TrainingSettings;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.report.RunStatus;

/**
 * The MovieLens module is a seam. {@code movielens} run with its {@link RatingsSource} replaced
 * ({@code Modules.override}) trains on the replacement's ratings and never touches the data
 * directory, which here is empty (the module's own source would download into it); with its
 * {@link AutoencoderTrainer.Factory} or {@link GlocalKTrainer.Factory} replaced, it trains with the
 * replacement's trainers; and a reporter added to the set of {@link MovieLensResults} reporters
 * receives the results the module's own reporters write.
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
    public RatingsFile ratings(MontiDataset dataset) {
      throw new AssertionError("movielens --dataset ml-100k asked for " + dataset);
    }

    @Override
    public MovieTitles titles(MovieLensDataset dataset) {
      return MovieTitles.none();
    }
  }

  /** Trains with {@link OptimizerTrainer}s of one iteration, recording what it was asked. */
  private static final class OneIterationTrainers implements AutoencoderTrainer.Factory {
    final List<TrainingSettings> created = new ArrayList<>();
    int trained;

    @Override
    public AutoencoderTrainer create(TrainingSettings asked) {
      created.add(asked);
      AutoencoderTrainer oneIteration = new OptimizerTrainer(new TrainingSettings(
          asked.optimizer(), 1, 1, asked.learningRate(), asked.batchSize(), asked.seed(),
          asked.threads(), asked.history()));
      return (net, items, train, test, scale, listener) -> {
        trained++;
        return oneIteration.train(net, items, train, test, scale, listener);
      };
    }
  }

  /** Trains GLocal-K one epoch of one iteration per stage, recording what it was asked. */
  private static final class OneEpochGlocalKTrainers implements GlocalKTrainer.Factory {
    final List<GlocalKSettings> created = new ArrayList<>();

    @Override
    public GlocalKTrainer create(GlocalKSettings asked, int threads, int history) {
      created.add(asked);
      return new LbfgsGlocalKTrainer(new GlocalKSettings(1, 1, 1, 1, asked.dotScale(),
          asked.validationFraction()), threads, history);
    }
  }

  private Path dataDir;
  private GeneratedRatings generated;

  /** Runs {@code movielens} into {@code out} on the generated ratings, with {@code family}. */
  private String run(Module family, MovieLensConfig config, Path out) throws Exception {
    dataDir = Files.createDirectories(home.resolve("data"));
    generated = new GeneratedRatings(Files.createDirectories(home.resolve("gen")));
    ApplicationModule<MovieLensConfig> application = ApplicationModule.of(
        Modules.override(family)
            .with(binder -> binder.bind(RatingsSource.class).toInstance(generated)),
        config, MovieLensApp.class);
    return ApplicationRuns.intoFolder(home, dataDir, out, "movielens", application);
  }

  private static JsonObject json(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  @Test
  void movielensTrainsOnTheRatingsOfAReplacedSource() throws Exception {
    Path out = home.resolve("run");
    MovieLensConfig config = MovieLensConfig.builder().hidden(16).layers(1).iterations(2)
        .evalEvery(2).splits(1).threads(1).build();

    String err = run(new MovieLensModule(), config, out);

    assertThat(generated.asked).containsExactly(MovieLensDataset.ML_100K);
    assertThat(RunStatus.read(out)).get().extracting(RunStatus::status)
        .isEqualTo(RunStatus.State.COMPLETE);
    JsonObject results = json(out.resolve("results.json"));
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

  @Test
  void movielensTrainsWithTheTrainersOfAReplacedFactory() throws Exception {
    Path out = home.resolve("run");
    MovieLensConfig config = MovieLensConfig.builder().hidden(16).layers(1).iterations(4)
        .evalEvery(2).splits(2).threads(1).build();
    OneIterationTrainers trainers = new OneIterationTrainers();

    run(Modules.override(new MovieLensModule()).with(
        binder -> binder.bind(AutoencoderTrainer.Factory.class).toInstance(trainers)),
        config, out);

    assertThat(trainers.created).containsExactly(config.training());
    assertThat(trainers.trained).isEqualTo(2);
    JsonArray splits = json(out.resolve("results.json")).getAsJsonArray("rows").get(0)
        .getAsJsonObject().getAsJsonArray("splits");
    assertThat(splits).hasSize(2);
    for (var split : splits) {
      assertThat(split.getAsJsonObject().get("iterations").getAsInt()).isEqualTo(1);
      assertThat(split.getAsJsonObject().getAsJsonArray("history")).hasSize(1);
    }
  }

  @Test
  void movielensTrainsGlocalKWithTheTrainersOfAReplacedFactory() throws Exception {
    Path out = home.resolve("run");
    MovieLensConfig config = MovieLensConfig.builder().model("glocal-k").hidden(16).layers(1)
        .splits(1).threads(1).build();
    OneEpochGlocalKTrainers trainers = new OneEpochGlocalKTrainers();

    run(Modules.override(new MovieLensModule()).with(
        binder -> binder.bind(GlocalKTrainer.Factory.class).toInstance(trainers)),
        config, out);

    assertThat(trainers.created).containsExactly(config.glocalK());
    JsonObject split = json(out.resolve("results.json")).getAsJsonArray("rows").get(0)
        .getAsJsonObject().getAsJsonArray("splits").get(0).getAsJsonObject();
    assertThat(split.get("iterations").getAsInt()).isLessThanOrEqualTo(2);
  }

  @Test
  void anAddedReporterReceivesTheResultsTheModulesReportersWrite() throws Exception {
    Path out = home.resolve("run");
    MovieLensConfig config = MovieLensConfig.builder().hidden(16).layers(1).iterations(2)
        .evalEvery(2).splits(2).threads(1).build();
    List<MovieLensResults> received = new ArrayList<>();
    List<Boolean> filesWrittenBefore = new ArrayList<>();
    Module capture = binder -> Multibinder.newSetBinder(binder,
        FamilyModule.reporterType(MovieLensResults.class)).addBinding().toInstance(results -> {
          received.add(results);
          filesWrittenBefore.add(Files.exists(out.resolve("summary.csv")));
        });

    run(Modules.combine(new MovieLensModule(), capture), config, out);

    assertThat(received).hasSize(1);
    assertThat(filesWrittenBefore).containsExactly(true); // bound after the module's reporters
    MovieLensResults results = received.get(0);
    assertThat(ResultsWriter.gson().toJson(results) + System.lineSeparator())
        .isEqualTo(Files.readString(out.resolve("results.json")));
    MovieLensResults.Row row = results.rows().get(0);
    assertThat(row.splits()).hasSize(2);
    assertThat(results.testFraction()).isEqualTo(config.testFraction());
    assertThat(results.ratedInputs()).isEqualTo(config.ratedInputs());
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertThat(summary).hasSize(2);
    assertThat(summary.get(1)).startsWith(row.model() + ",2," + row.meanTestRmse() + ","
        + row.standardError() + "," + row.meanTrainRmse() + "," + row.freeParameters() + ",");
  }
}
