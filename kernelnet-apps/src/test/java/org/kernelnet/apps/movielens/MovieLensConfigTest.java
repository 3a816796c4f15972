package org.kernelnet.apps.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.movielens.data.Delimiter;
import org.kernelnet.apps.movielens.data.MontiDataset;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingColumns;
import org.kernelnet.apps.movielens.data.RatingScale;
import org.kernelnet.apps.movielens.data.RatingsFormat;
import org.kernelnet.apps.movielens.data.RatingsInput;
import org.kernelnet.apps.movielens.data.SplitProtocol;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.ModelKind;
import org.kernelnet.apps.movielens.train.GlocalKSettings;
import org.kernelnet.apps.movielens.train.OptimizerKind;
import org.kernelnet.apps.report.ResultsWriter;

class MovieLensConfigTest {
  @TempDir Path tmp;

  @Test
  void defaultsAreMl100kSparseFcTwoLayersLbfgsFiveSplitsWithTheMl100kRegularisation() {
    MovieLensConfig config = MovieLensConfig.builder().build();

    assertThat(config.dataset()).isEqualTo(new RatingsInput.MovieLens(MovieLensDataset.ML_100K));
    // recorded as before files of one's own could be read, so that older runs resume
    assertThat(ResultsWriter.gson().toJsonTree(config).getAsJsonObject().get("dataset")
        .getAsString()).isEqualTo("ML_100K");
    assertThat(config.optimizer()).isEqualTo(OptimizerKind.LBFGS);
    assertThat(config.splits()).isEqualTo(5);
    assertThat(config.iterations()).isEqualTo(150);
    assertThat(config.evalEvery()).isEqualTo(50);
    assertThat(config.testFraction()).isEqualTo(0.2);
    assertThat(config.models()).containsExactly(
        new AutoencoderSpec(ModelKind.SPARSE_FC, 2, 500, "hat-sq", 5, 30, 0.013));
  }

  @Test
  void ml1mDefaultsAreThePublishedCodesAndRpropKeepsItsThousandSteps() {
    MovieLensConfig ml1m = MovieLensConfig.builder().dataset("ml-1m")
        .build();
    MovieLensConfig rprop = MovieLensConfig.builder().optimizer("rprop")
        .build();

    assertThat(ml1m.iterations()).isEqualTo(1000);
    assertThat(ml1m.models()).containsExactly(
        new AutoencoderSpec(ModelKind.SPARSE_FC, 2, 500, "hat-sq", 5, 60, 0.013));
    assertThat(rprop.iterations()).isEqualTo(1000);
    assertThat(rprop.models().get(0).lambda2()).isEqualTo(30);
  }

  @Test
  void allGivesTheSixRowsOfTable3() {
    MovieLensConfig config = MovieLensConfig.builder().dataset("ml-1m")
        .all(true).lambda2(10.0).build();

    assertThat(config.models()).extracting(AutoencoderSpec::label).containsExactly(
        "I-AutoRec (1)", "I-AutoRec (2)", "I-KernelNet (1)", "I-KernelNet (2)", "Sparse FC (1)",
        "Sparse FC (2)");
    assertThat(config.models()).allSatisfy(s -> assertThat(s.lambda2()).isEqualTo(10.0));
    assertThat(config.models().get(2).kernel()).isEqualTo("tanh");
    assertThat(config.models().get(2).dimension()).isEqualTo(50);
    assertThat(config.testFraction()).isEqualTo(0.1);
  }

  @Test
  void everyProblemIsReportedTogetherWithTheValidNames() {
    ConfigurationException e = catchThrowableOfType(() -> MovieLensConfig.builder()
        .dataset("ml-2m").model("resnet").optimizer("sgd").layers(0).splits(0)
        .lambda2(-1.0).iterations(0).maxItems(0).build(), ConfigurationException.class);

    assertThat(e.problems()).containsExactlyInAnyOrder(
        "--dataset: unknown data set 'ml-2m'; valid: ml-100k, ml-1m, ml-10m, ml-20m, douban,"
            + " flixster, yahoomusic",
        "--model: unknown model 'resnet'; valid: autorec, kernelnet, sparse-fc, glocal-k",
        "--optimizer: unknown optimizer 'sgd'; valid: lbfgs, rprop, adam",
        "--layers must be in [1, 10], got 0",
        "--lambda2 must be a finite number >= 0, got -1.0",
        "--iterations must be >= 1, got 0",
        "--splits must be >= 1, got 0",
        "--max-items must be >= 1 (leave it out to use all items), got 0");
  }

  @Test
  void kernelOptionsAreRejectedForAutorecAndSaveForAll() {
    ConfigurationException e = catchThrowableOfType(
        () -> MovieLensConfig.builder().model("autorec").dimension(5).build(),
        ConfigurationException.class);
    assertThat(e.problems()).singleElement().asString().contains("not to autorec");

    ConfigurationException all = catchThrowableOfType(() -> MovieLensConfig.builder()
        .all(true).save(Path.of("m.knml")).kernel("rbf").build(),
        ConfigurationException.class);
    assertThat(all.problems()).hasSize(2);
  }

  @Test
  void glocalKTakesItsAuthorsSettingsForTheDataSet() {
    MovieLensConfig ml100k = MovieLensConfig.builder().model("glocal-k").build();
    MovieLensConfig ml1m = MovieLensConfig.builder().model("glocal-k").dataset("ml-1m").build();
    MovieLensConfig ml10m = MovieLensConfig.builder().model("glocal-k").dataset("ml-10m").build();

    assertThat(ml100k.models()).containsExactly(
        new AutoencoderSpec(ModelKind.GLOCAL_K, 2, 500, "hat-sq", 5, 20, 0.006));
    assertThat(ml100k.glocalK()).isEqualTo(new GlocalKSettings(30, 5, 60, 5, 1, 0.1));
    assertThat(ml100k.validation()).isZero();
    assertThat(ml1m.models()).containsExactly(
        new AutoencoderSpec(ModelKind.GLOCAL_K, 2, 500, "hat-sq", 5, 70, 0.018));
    assertThat(ml1m.glocalK()).isEqualTo(new GlocalKSettings(20, 50, 30, 10, 0.5, 0.1));
    // no published setting: ML-1M's
    assertThat(ml10m.glocalK()).isEqualTo(ml1m.glocalK());
    assertThat(ml10m.models()).isEqualTo(ml1m.models());
    assertThat(MovieLensConfig.builder().build().glocalK()).isNull();
    assertThat(GlocalKDefaults.published("Douban"))
        .contains(new GlocalKDefaults(10, 0.022, 5, 5, 20, 60, 2));
    assertThat(GlocalKDefaults.published("ML-10M")).isEmpty();
    assertThat(GlocalKDefaults.forDataset("ML-10M")).isEqualTo(GlocalKDefaults.ML_1M);
  }

  @Test
  void glocalKOptionsAndTheSharedLambdasReplaceTheDefaults() {
    MovieLensConfig config = MovieLensConfig.builder().model("glocal-k").lambda2(5.0)
        .lambda0(0.1).layers(1).hidden(100)
        .glocalK(new GlocalKOverrides(2, 3, 4, 6, 0.25, 0.2)).build();
    MovieLensConfig quick = MovieLensConfig.builder().model("glocal-k").quick(true).build();
    MovieLensConfig quickGiven = MovieLensConfig.builder().model("glocal-k").quick(true)
        .glocalK(new GlocalKOverrides(null, null, 10, null, null, null)).build();

    assertThat(config.models()).containsExactly(
        new AutoencoderSpec(ModelKind.GLOCAL_K, 1, 100, "hat-sq", 5, 5, 0.1));
    assertThat(config.glocalK()).isEqualTo(new GlocalKSettings(2, 3, 4, 6, 0.25, 0.2));
    assertThat(quick.glocalK()).isEqualTo(new GlocalKSettings(3, 5, 3, 5, 1, 0.1));
    assertThat(quick.maxItems()).isEqualTo(600);
    assertThat(quickGiven.glocalK()).isEqualTo(new GlocalKSettings(3, 5, 10, 5, 1, 0.1));
  }

  @Test
  void glocalKRefusesWhatItDoesNotTakeAndItsOptionsGoWithItOnly() {
    ConfigurationException e = catchThrowableOfType(() -> MovieLensConfig.builder()
        .model("glocal-k").optimizer("adam").iterations(10).save(Path.of("m.knml"))
        .glocalK(new GlocalKOverrides(-1, 0, 0, 0, Double.NaN, 1.0)).build(),
        ConfigurationException.class);
    ConfigurationException other = catchThrowableOfType(() -> MovieLensConfig.builder()
        .glocalK(new GlocalKOverrides(null, null, null, null, 2.0, null)).build(),
        ConfigurationException.class);

    assertThat(e.problems()).containsExactlyInAnyOrder(
        "--optimizer: glocal-k trains with lbfgs only, got adam",
        "--iterations and --eval-every do not apply to glocal-k: set its L-BFGS runs with"
            + " --pretraining-epochs, --pretraining-iterations, --fine-tuning-epochs and"
            + " --fine-tuning-iterations",
        "--pretraining-epochs must be >= 0, got -1",
        "--pretraining-iterations must be >= 1, got 0",
        "--fine-tuning-epochs must be >= 1, got 0",
        "--fine-tuning-iterations must be >= 1, got 0",
        "--dot-scale must be a finite number, got NaN",
        "--epoch-validation must be in (0, 1), got 1.0");
    assertThat(other.problems()).containsExactly("--pretraining-epochs, --pretraining-iterations,"
        + " --fine-tuning-epochs, --fine-tuning-iterations, --dot-scale and --epoch-validation"
        + " apply to --model glocal-k only");
  }

  @Test
  void quickShrinksOnlyWhatIsNotGiven() {
    MovieLensConfig quick = MovieLensConfig.builder().quick(true).splits(3)
        .build();

    assertThat(quick.iterations()).isEqualTo(60);
    assertThat(quick.maxItems()).isEqualTo(600);
    assertThat(quick.splits()).isEqualTo(3);
  }

  @Test
  void theSplitProtocolIsCheckedAgainstTheDataSetAndTheSplitCount() {
    assertThat(MovieLensConfig.builder().build().protocol()).isEqualTo(SplitProtocol.RANDOM);
    assertThat(MovieLensConfig.builder().protocol("official").splits(1).build().protocol())
        .isEqualTo(SplitProtocol.OFFICIAL);

    assertThat(catchThrowableOfType(() -> MovieLensConfig.builder().protocol("loo").build(),
        ConfigurationException.class).problems())
        .containsExactly("--protocol: unknown protocol 'loo'; valid: random, kfold, official");
    assertThat(catchThrowableOfType(() -> MovieLensConfig.builder().protocol("kfold").splits(1)
        .build(), ConfigurationException.class).problems())
        .containsExactly("--splits must be >= 2 folds, got 1");
    assertThat(catchThrowableOfType(() -> MovieLensConfig.builder().dataset("ml-1m")
        .protocol("official").build(), ConfigurationException.class).problems())
        .containsExactly("--protocol official: ML-1M has no published split (ML-100K has the"
            + " folds u1..u5, douban, flixster and yahoomusic the Monti et al. split)");
    assertThat(catchThrowableOfType(() -> MovieLensConfig.builder().protocol("official")
        .splits(6).maxItems(100).build(), ConfigurationException.class).problems())
        .containsExactly("--protocol official: ML-100K has 5 folds, --splits asked for 6",
            "--protocol official: the published split needs every rating of the data (leave out"
                + " --max-items; --quick keeps every item with it)");
    MovieLensConfig quickFolds = MovieLensConfig.builder().protocol("official").quick(true).build();
    assertThat(quickFolds.maxItems()).isZero();
    assertThat(quickFolds.splits()).isEqualTo(MovieLensConfig.QUICK_SPLITS);
  }

  @Test
  void aTestFileGivesTheSplitOfItsRatingsFile() throws IOException {
    Path train = Files.writeString(tmp.resolve("u1.base"), "1\t1\t5\n");
    Path test = Files.writeString(tmp.resolve("u1.test"), "1\t2\t3\n");

    MovieLensConfig given = MovieLensConfig.builder().ratings(train).testRatings(test).build();

    assertThat(given.dataset()).isEqualTo(new RatingsInput.OwnFile(train, RatingsFormat.DETECT,
        test));
    assertThat(given.protocol()).isEqualTo(SplitProtocol.OFFICIAL);
    assertThat(given.splits()).isEqualTo(1);
    assertThat(catchThrowableOfType(() -> MovieLensConfig.builder().ratings(train)
        .testRatings(tmp.resolve("missing")).protocol("kfold").build(),
        ConfigurationException.class).problems())
        .containsExactly("--test-ratings: no such file: " + tmp.resolve("missing"),
            "--protocol kfold: --test-ratings gives the split; leave out --protocol or give"
                + " official");
    assertThat(catchThrowableOfType(() -> MovieLensConfig.builder().testRatings(test).build(),
        ConfigurationException.class).problems())
        .containsExactly("--test-ratings is the test file of a --ratings file; give --ratings"
            + " FILE");
  }

  @Test
  void theMontiDataSetsDefaultToTheirPublishedSplitAndMayBeSplitAtRandom() {
    MovieLensConfig douban = MovieLensConfig.builder().dataset("douban").quick(true).build();
    assertThat(douban.dataset()).isEqualTo(new RatingsInput.Monti(MontiDataset.DOUBAN));
    assertThat(douban.protocol()).isEqualTo(SplitProtocol.OFFICIAL);
    assertThat(douban.splits()).isEqualTo(1);
    assertThat(douban.maxItems()).isZero();

    MovieLensConfig full = MovieLensConfig.builder().dataset("douban").build();
    assertThat(full.models().get(0).lambda2()).isEqualTo(DatasetDefaults.DOUBAN_LAMBDA2);
    assertThat(full.iterations()).isEqualTo(DatasetDefaults.DOUBAN_LBFGS_ITERATIONS);

    MovieLensConfig random = MovieLensConfig.builder().dataset("yahoomusic").protocol("random")
        .build();
    assertThat(random.models().get(0).lambda2()).isEqualTo(DatasetDefaults.PUBLISHED_LAMBDA2);
    assertThat(random.iterations()).isEqualTo(DatasetDefaults.PUBLISHED_LBFGS_ITERATIONS);
    assertThat(random.dataset()).isEqualTo(new RatingsInput.Monti(MontiDataset.YAHOO_MUSIC));
    assertThat(random.splits()).isEqualTo(MovieLensConfig.DEFAULT_SPLITS);
    assertThat(random.testFraction()).isEqualTo(0.1);

    assertThat(catchThrowableOfType(() -> MovieLensConfig.builder().dataset("flixster").splits(2)
        .build(), ConfigurationException.class).problems())
        .containsExactly("--protocol official: Flixster has one published split, --splits asked"
            + " for 2");
    assertThat(catchThrowableOfType(() -> MovieLensConfig.builder().dataset("netflix").build(),
        ConfigurationException.class).problems())
        .containsExactly("--dataset: unknown data set 'netflix'; valid: ml-100k, ml-1m, ml-10m,"
            + " ml-20m, douban, flixster, yahoomusic");
  }

  @Test
  void aRatingsFileOfOnesOwnHasTheLargerDataSetsDefaultsAndTheFormatItsOptionsGive()
      throws IOException {
    Path file = Files.writeString(tmp.resolve("mine.csv"), "u,i,r\nu1,i1,4\n");

    MovieLensConfig detected = MovieLensConfig.builder().ratings(file).build();
    MovieLensConfig given = MovieLensConfig.builder().ratings(file).delimiter(";").header(false)
        .columns("2,1,3").scale("1:10:1").build();

    assertThat(detected.dataset())
        .isEqualTo(new RatingsInput.OwnFile(file.toAbsolutePath(), RatingsFormat.DETECT));
    assertThat(detected.dataset().label()).isEqualTo("mine.csv");
    assertThat(detected.testFraction()).isEqualTo(0.1);
    assertThat(detected.iterations()).isEqualTo(1000);
    assertThat(detected.models().get(0).lambda2()).isEqualTo(60);
    assertThat(given.dataset()).isEqualTo(new RatingsInput.OwnFile(file, RatingsFormat.of(
        Delimiter.SEMICOLON, RatingsFormat.Header.ABSENT, RatingColumns.parse("2,1,3"),
        new RatingScale(1, 10, 1))));
    assertThat(ResultsWriter.gson().toJsonTree(given).getAsJsonObject().get("dataset").toString())
        .isEqualTo("{\"file\":\"" + file.toAbsolutePath() + "\",\"delimiter\":\"semicolon\","
            + "\"header\":\"absent\",\"columns\":\"2,1,3\",\"scale\":\"1:10:1\"}");
  }

  @Test
  void ratingsFileProblemsAreReportedTogether() {
    Path missing = tmp.resolve("missing.csv");
    ConfigurationException own = catchThrowableOfType(() -> MovieLensConfig.builder()
        .ratings(missing).dataset("ml-1m").delimiter("pipe").columns("user,item").scale("1:5")
        .build(), ConfigurationException.class);
    ConfigurationException named = catchThrowableOfType(() -> MovieLensConfig.builder()
        .ratings(tmp).columns("user,item,rating").header(false).build(),
        ConfigurationException.class);
    ConfigurationException formatWithoutFile = catchThrowableOfType(() -> MovieLensConfig.builder()
        .scale("1:5:1").build(), ConfigurationException.class);

    assertThat(own.problems()).containsExactly(
        "--dataset and --ratings are alternatives: give one",
        "--ratings: no such file: " + missing.toAbsolutePath(),
        "--delimiter: unknown delimiter 'pipe'; valid: detect, ::, tab, comma, semicolon,"
            + " whitespace",
        "--columns: expected user,item,rating[,timestamp] (names or 1-based positions), got"
            + " 'user,item'",
        "--scale: expected min:max:step, e.g. 1:5:1 or 0.5:5:0.5, got '1:5'");
    assertThat(named.problems()).containsExactly(
        "--ratings: no such file: " + tmp.toAbsolutePath(),
        "--no-header: columns given by name (user,item,rating) need a header row, but the format"
            + " has none");
    assertThat(formatWithoutFile.problems()).containsExactly("--delimiter,"
        + " --header/--no-header, --columns and --scale describe a --ratings file; give --ratings"
        + " FILE or leave them out");
  }
}
