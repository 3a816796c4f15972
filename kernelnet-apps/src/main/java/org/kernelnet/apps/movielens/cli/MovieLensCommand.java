package org.kernelnet.apps.movielens.cli;

import java.nio.file.Path;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.movielens.DatasetDefaults;
import org.kernelnet.apps.movielens.MovieLensApp;
import org.kernelnet.apps.movielens.MovieLensConfig;
import org.kernelnet.apps.movielens.MovieLensModule;
import org.kernelnet.apps.movielens.SplitJournal;
import org.kernelnet.apps.report.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kernelnet movielens}: the options of the MovieLens experiment (section 3.5, Tables 3 and
 * 4); the work is done by {@link MovieLensApp}.
 */
@Command(
    name = "movielens",
    description = {
        "Trains item-based autoencoders (I-AutoRec, KernelNet, Sparse FC) on MovieLens and reports"
            + " the test RMSE over random splits (Table 3) and parameters and MACs (Table 4).",
        "Default: ML-100K, sparse-fc with 2 hidden layers, L-BFGS, 5 random 80/20 splits.",
        "--ratings FILE trains on a ratings file of one's own instead: one rating per line, any"
            + " delimiter, with or without a header row, ids of any text, plain or gzip; what"
            + " --delimiter, --header/--no-header, --columns and --scale do not give is detected"
            + " and printed.",
        "--dataset douban, flixster or yahoomusic trains on the Monti et al. (2017) sub-matrices"
            + " and tests on their published split; --ratings FILE --test-ratings FILE on a"
            + " training file and its test file.",
        "--model glocal-k trains GLocal-K (Han et al. 2021) with its authors' settings for the"
            + " data set and keeps the fine-tuning epoch with the lowest RMSE on held-out training"
            + " ratings (--epoch-validation).",
        "'kernelnet movielens benchmark' times one full-batch evaluation; 'kernelnet movielens"
            + " generate' writes synthetic ratings with structure to learn, of a data set's size"
            + " and format (e.g. ML-10M, ML-20M).",
        "Each finished split is recorded in the run folder (" + SplitJournal.FILE + "): --resume"
            + " trains only the others, with the same results as an uninterrupted run."},
    subcommands = {MovieLensBenchmarkCommand.class, GenerateCommand.class})
public final class MovieLensCommand extends ApplicationCommand<MovieLensConfig> {
  @Mixin private DeviceOption device;
  @Mixin private OutputOptions.Resumable output;
  @Mixin private AutoencoderOptions autoencoder;
  @Mixin private GlocalKOptions glocalK;

  @Option(names = "--dataset", paramLabel = "NAME",
      description = "ml-100k, ml-1m, ml-10m, ml-20m, or douban, flixster, yahoomusic (the Monti"
          + " et al. 2017 sub-matrices with their published split) (default: "
          + MovieLensConfig.DEFAULT_DATASET + ").")
  private String dataset;

  @Option(names = "--ratings", paramLabel = "FILE",
      description = "A ratings file of one's own instead of --dataset: user, item, rating and"
          + " optionally a timestamp per line; user and item ids of any text (indexed in numeric"
          + " order if all are integers, else in text order). The results name it and its"
          + " SHA-256.")
  private Path ratings;

  @Option(names = "--test-ratings", paramLabel = "FILE",
      description = "The test file of the --ratings file, in the same layout (e.g. u1.test next to"
          + " u1.base): the run trains on --ratings and tests on this file's ratings, the"
          + " official protocol.")
  private Path testRatings;

  @Option(names = "--delimiter", paramLabel = "NAME",
      description = "The --ratings file's delimiter: comma, tab, ::, semicolon, whitespace"
          + " (runs of spaces and tabs) or detect (the default: the first of ::, tab, comma,"
          + " semicolon, whitespace that splits the first data line into enough fields).")
  private String delimiter;

  @Option(names = "--header", negatable = true,
      description = "Whether the --ratings file's first line is a header row naming the columns"
          + " (default: detected; it is one if its rating field is not a number).")
  private Boolean header;

  @Option(names = "--columns", paramLabel = "LIST",
      description = "The --ratings file's user,item,rating[,timestamp] columns, as header names"
          + " or 1-based positions, e.g. userId,movieId,rating or 2,1,3 (default: 1,2,3, and a"
          + " timestamp in 4 if the lines have 4 fields).")
  private String columns;

  @Option(names = "--scale", paramLabel = "MIN:MAX:STEP",
      description = "The --ratings file's rating scale, e.g. 1:5:1 or 0.5:5:0.5 (default:"
          + " inferred from the distinct ratings: least, greatest, and the largest step dividing"
          + " their differences; refused for more than 100 levels).")
  private String scale;

  @Option(names = "--optimizer", paramLabel = "NAME",
      description = "lbfgs, rprop or adam (default: " + MovieLensConfig.DEFAULT_OPTIMIZER + ").")
  private String optimizer;

  @Option(names = "--iterations", paramLabel = "N",
      description = "L-BFGS iterations, RPROP steps or Adam epochs per split, at least 1"
          + " (default: L-BFGS " + DatasetDefaults.ML_100K_LBFGS_ITERATIONS + " on ml-100k and "
          + DatasetDefaults.DOUBAN_LBFGS_ITERATIONS + " on douban, chosen on validation ratings, "
          + DatasetDefaults.PUBLISHED_LBFGS_ITERATIONS
          + " on the other data sets and --ratings files; RPROP " + MovieLensConfig.RPROP_STEPS
          + "; Adam "
          + MovieLensConfig.ADAM_EPOCHS + "; --quick: " + MovieLensConfig.QUICK_ITERATIONS
          + ", Adam " + MovieLensConfig.QUICK_ADAM_EPOCHS + ").")
  private Integer iterations;

  @Option(names = "--eval-every", paramLabel = "N",
      description = "Iterations between RMSE reports, at least 1; also the L-BFGS round length"
          + " after which its history restarts (default: " + MovieLensConfig.EVAL_EVERY
          + ", Adam " + MovieLensConfig.ADAM_EVAL_EVERY + ").")
  private Integer evalEvery;

  @Option(names = "--learning-rate", paramLabel = "X",
      description = "Adam's learning rate (default: " + MovieLensConfig.DEFAULT_LEARNING_RATE
          + ").")
  private Double learningRate;

  @Option(names = "--batch-size", paramLabel = "N",
      description = "Adam's mini-batch size in items, at least 1 (default: "
          + MovieLensConfig.DEFAULT_BATCH_SIZE + ").")
  private Integer batchSize;

  @Option(names = "--protocol", paramLabel = "NAME",
      description = "How the ratings are split: random (--splits random splits holding out"
          + " --test-fraction, split k drawn with seed + k), kfold (--splits-fold cross-validation"
          + " drawn with --seed) or official (the split douban, flixster and yahoomusic come with,"
          + " or --test-ratings gives;"
          + " on ml-100k the published folds u1..u<splits>, as mku.sh makes them from u.data,"
          + " --splits 1 being u1, the fold GC-MC, IGMC and GLocal-K report) (default: official"
          + " for data that come with a split, else random).")
  private String protocol;

  @Option(names = "--splits", paramLabel = "N",
      description = "Splits to average, at least 1: random splits, folds (at least 2) or published"
          + " folds from u1 (default: " + MovieLensConfig.DEFAULT_SPLITS + "; --quick: "
          + MovieLensConfig.QUICK_SPLITS + "; 1 for a published split).")
  private Integer splits;

  @Option(names = "--seed", paramLabel = "N",
      description = "Split k (from 0) and its initialisation use seed + k (default: "
          + MovieLensConfig.DEFAULT_SEED + ").")
  private Long seed;

  @Option(names = "--test-fraction", paramLabel = "F",
      description = "Held-out fraction of the ratings (default: 0.2 for ML-100K, 0.1 for the"
          + " other data sets and for a --ratings file).")
  private Double testFraction;

  @Option(names = "--validation", paramLabel = "F",
      description = "Hold out this fraction of each split's training ratings and score it instead"
          + " of the test set, which is then not used: for choosing settings; 0 for none, score"
          + " the test set (default: 0).")
  private Double validation;

  @Option(names = "--max-items", paramLabel = "N",
      description = "Use only the ratings of the first N items in id order, N >= 1 (default:"
          + " all; --quick: " + MovieLensConfig.QUICK_MAX_ITEMS + ", all with --protocol"
          + " official).")
  private Integer maxItems;

  @Option(names = "--rated-inputs", paramLabel = "N",
      description = "Rated items per prediction assumed by the MACs count, at least 1 (default: "
          + MovieLensConfig.DEFAULT_RATED_INPUTS + ").")
  private Integer ratedInputs;

  @Option(names = "--all", description = "Train the six rows of Table 3 (autorec, kernelnet,"
      + " sparse-fc with 1 and 2 hidden layers).")
  private boolean all;

  @Option(names = "--quick", description = "Smoke run: fewer iterations, items and splits unless"
      + " given.")
  private boolean quick;

  @Option(names = "--save", paramLabel = "FILE",
      description = "Where to save the first split's model; its folder is checked for writing"
          + " before any work (default: <output>/models/<model>.knml).")
  private Path save;

  /** Runs {@link MovieLensApp} with the {@link MovieLensModule}. */
  public MovieLensCommand() {
    super(new MovieLensModule(), MovieLensApp.class);
  }

  @Override
  protected MovieLensConfig toConfig() {
    return autoencoder.applyTo(MovieLensConfig.builder())
        .dataset(dataset).ratings(ratings).testRatings(testRatings).delimiter(delimiter)
        .header(header).columns(columns)
        .scale(scale).optimizer(optimizer).iterations(iterations).evalEvery(evalEvery)
        .learningRate(learningRate).batchSize(batchSize).protocol(protocol).splits(splits)
        .seed(seed)
        .testFraction(testFraction).validation(validation).maxItems(maxItems)
        .ratedInputs(ratedInputs).all(all).quick(quick).save(save).glocalK(glocalK.overrides())
        .build();
  }

  /** {@code --save FILE} is written besides the run folder, so it is checked with it. */
  @Override
  protected RunFolder.Request runFolder(RunFolder.Request request, MovieLensConfig config) {
    RunFolder.Request recorded = super.runFolder(request, config);
    return save == null ? recorded : recorded.alsoWriting("--save", save);
  }
}
