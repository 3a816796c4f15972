package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.movielens.data.Delimiter;
import org.kernelnet.apps.movielens.data.Ml100kFolds;
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
import org.kernelnet.apps.movielens.train.TrainingSettings;

/**
 * The configuration of the {@code movielens} application (Tables 3 and 4): which data set (or
 * ratings file of one's own), which autoencoders (one, or the six rows of Table 3 with {@code
 * --all}), how to train them and how many random splits to average. Built by {@link Builder},
 * which reports every problem at once.
 *
 * @param dataset the ratings: a MovieLens or Monti et al. data set ({@code --dataset}, recorded
 *     as its name as before) or a file of one's own in a format ({@code --ratings}, the format
 *     options and {@code --test-ratings})
 * @param models the autoencoders to train, one table row each
 * @param optimizer the optimiser
 * @param iterations L-BFGS iterations, RPROP steps or Adam epochs per split, {@code >= 1}
 * @param evalEvery how many iterations (epochs for Adam) between train/test RMSE reports; for
 *     L-BFGS also the length of a round after which its history restarts
 * @param learningRate Adam's learning rate (unused by the full-batch optimisers)
 * @param batchSize Adam's mini-batch size in items (unused by the full-batch optimisers)
 * @param protocol how the ratings are split ({@code --protocol}): random splits, k-fold
 *     cross-validation, or the data's published split or folds (the default for data that come
 *     with a split, the Monti et al. data sets and a {@code --ratings} file with {@code
 *     --test-ratings}; random splits for the others)
 * @param splits the number of splits (random splits, folds, or published folds from the first),
 *     {@code >= 1} ({@code >= 2} for k-fold)
 * @param seed the seed of split {@code k} is {@code seed + k}; it also seeds the initialisation
 * @param testFraction the fraction of ratings held out per split
 * @param validation if {@code > 0}, this fraction of each split's training ratings is held out
 *     (seeded by the split) and scored instead of the test set, which is then never used: for
 *     choosing settings; 0 to score the test set
 * @param maxItems if {@code > 0}, only the ratings of the first {@code maxItems} items (in item-id
 *     order) are used; 0 for all (always with the published split)
 * @param ratedInputs the rated items per user assumed by the MACs count of Table 4 (10)
 * @param threads the threads that process item shards of the full-batch loss in parallel
 * @param history L-BFGS's history size (10)
 * @param save where to save the model of the first split, or null to save into the run folder
 * @param quick whether {@code --quick} chose the smoke-run defaults
 * @param glocalK GLocal-K's epochs, iterations, dot scale and epoch-validation fraction when the
 *     model is {@code glocal-k}, else null
 */
public record MovieLensConfig(
    RatingsInput dataset,
    List<AutoencoderSpec> models,
    OptimizerKind optimizer,
    int iterations,
    int evalEvery,
    double learningRate,
    int batchSize,
    SplitProtocol protocol,
    int splits,
    long seed,
    double testFraction,
    double validation,
    int maxItems,
    int ratedInputs,
    int threads,
    int history,
    Path save,
    boolean quick,
    GlocalKSettings glocalK) {

  /** Copies the model list; the builder has validated everything else. */
  public MovieLensConfig {
    requireNonNull(dataset, "dataset is null");
    models = List.copyOf(models);
    requireNonNull(optimizer, "optimizer is null");
    requireNonNull(protocol, "protocol is null");
  }

  /** How each autoencoder of the run is trained. */
  public TrainingSettings training() {
    return new TrainingSettings(
        optimizer, iterations, evalEvery, learningRate, batchSize, seed, threads, history);
  }

  /** A builder holding the raw option values; null means "not given". */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The names {@code --dataset} accepts: {@code ml-100k}, {@code ml-1m}, {@code ml-10m}, {@code
   * ml-20m}.
   */
  static String datasetId(MovieLensDataset dataset) {
    return dataset.label().toLowerCase(Locale.ROOT);
  }

  /** The data set with the command-line id {@code id} (e.g. {@code ml-1m}). */
  static Optional<MovieLensDataset> datasetById(String id) {
    return Arrays.stream(MovieLensDataset.values()).filter(d -> datasetId(d).equals(id))
        .findFirst();
  }

  /** The valid command-line MovieLens data set ids, comma separated. */
  static String datasetIds() {
    return Arrays.stream(MovieLensDataset.values()).map(MovieLensConfig::datasetId)
        .collect(Collectors.joining(", "));
  }

  /**
   * The data set {@code --dataset id} trains on: a MovieLens data set ({@link #datasetById}) or a
   * Monti et al. one ({@code douban}, {@code flixster}, {@code yahoomusic}: the label in lower
   * case).
   */
  static Optional<RatingsInput> trainingDataById(String id) {
    Optional<RatingsInput> movieLens =
        datasetById(id).map(RatingsInput.MovieLens::new);
    return movieLens.isPresent() ? movieLens : Arrays.stream(MontiDataset.values())
        .filter(d -> d.label().toLowerCase(Locale.ROOT).equals(id)).findFirst()
        .map(RatingsInput.Monti::new);
  }

  /** The ids {@code --dataset} accepts, comma separated. */
  static String trainingDataIds() {
    return datasetIds() + ", " + Arrays.stream(MontiDataset.values())
        .map(d -> d.label().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
  }

  /** {@code --dataset} when left out. */
  public static final String DEFAULT_DATASET = "ml-100k";
  /** {@code --model} when left out. */
  public static final String DEFAULT_MODEL = "sparse-fc";
  /** {@code --layers} when left out. */
  public static final int DEFAULT_LAYERS = 2;
  /** {@code --hidden} when left out. */
  public static final int DEFAULT_HIDDEN = 500;
  /** {@code --optimizer} when left out. */
  public static final String DEFAULT_OPTIMIZER = "lbfgs";
  /** RPROP steps per split when {@code --iterations} is left out. */
  public static final int RPROP_STEPS = 1000;
  /** Adam epochs per split when {@code --iterations} is left out. */
  public static final int ADAM_EPOCHS = 200;
  /** L-BFGS iterations or RPROP steps per split with {@code --quick}. */
  public static final int QUICK_ITERATIONS = 60;
  /** Adam epochs per split with {@code --quick}. */
  public static final int QUICK_ADAM_EPOCHS = 20;
  /** {@code --eval-every} when left out (at most the iterations). */
  public static final int EVAL_EVERY = 50;
  /** {@code --eval-every} for Adam when left out (at most the epochs). */
  public static final int ADAM_EVAL_EVERY = 10;
  /** {@code --learning-rate} when left out. */
  public static final double DEFAULT_LEARNING_RATE = 1e-3;
  /** {@code --batch-size} when left out. */
  public static final int DEFAULT_BATCH_SIZE = 64;
  /** {@code --splits} when left out. */
  public static final int DEFAULT_SPLITS = 5;
  /** {@code --splits} with {@code --quick}. */
  public static final int QUICK_SPLITS = 2;
  /** {@code --seed} when left out. */
  public static final long DEFAULT_SEED = 1;
  /** {@code --max-items} with {@code --quick} (all items without). */
  public static final int QUICK_MAX_ITEMS = 600;
  /** {@code --rated-inputs} when left out. */
  public static final int DEFAULT_RATED_INPUTS = 10;
  /** {@code --history} when left out. */
  public static final int DEFAULT_HISTORY = 10;

  /**
   * Collects the options and validates them together in {@link #build()}. Every setter takes the
   * option's value, or null where the option was left out: the default is then this class's
   * ({@code DEFAULT_...}, {@code --quick}'s {@code QUICK_...}), or the data set's ({@link
   * DatasetDefaults}), or the model's ({@link ModelKind}).
   */
  public static final class Builder {
    private String dataset;
    private Path ratings;
    private Path testRatings;
    private String delimiter;
    private Boolean header;
    private String columns;
    private String scale;
    private String model;
    private Integer layers;
    private Integer hidden;
    private String kernel;
    private Integer dimension;
    private Double lambda2;
    private Double lambda0;
    private List<String> regularizers = List.of();
    private String optimizer;
    private Integer iterations;
    private Integer evalEvery;
    private Double learningRate;
    private Integer batchSize;
    private Integer splits;
    private Long seed;
    private Double testFraction;
    private String protocol;
    private Double validation;
    private Integer maxItems;
    private Integer ratedInputs;
    private Integer threads;
    private Integer history;
    private Path save;
    private boolean all;
    private boolean quick;
    private GlocalKOverrides glocalK = GlocalKOverrides.NONE;

    private Builder() {}

    /** {@code ml-100k}, {@code ml-1m}, {@code ml-10m} or {@code ml-20m}. */
    public Builder dataset(String dataset) {
      this.dataset = dataset;
      return this;
    }

    /** A ratings file of one's own, instead of a data set. */
    public Builder ratings(Path ratings) {
      this.ratings = ratings;
      return this;
    }

    /** The test file of the {@link #ratings} file, which then gives the split; null for none. */
    public Builder testRatings(Path testRatings) {
      this.testRatings = testRatings;
      return this;
    }

    /** The ratings file's delimiter: a {@link Delimiter} name, or {@code detect}. */
    public Builder delimiter(String delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /** Whether the ratings file has a header row; null to detect it. */
    public Builder header(Boolean header) {
      this.header = header;
      return this;
    }

    /** The ratings file's {@link RatingColumns#parse columns}. */
    public Builder columns(String columns) {
      this.columns = columns;
      return this;
    }

    /** The ratings file's rating scale, {@code min:max:step}; null to infer it. */
    public Builder scale(String scale) {
      this.scale = scale;
      return this;
    }

    /** {@code autorec}, {@code kernelnet}, {@code sparse-fc} or {@code glocal-k}. */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    /** Hidden layers. */
    public Builder layers(Integer layers) {
      this.layers = layers;
      return this;
    }

    /** Hidden units per layer. */
    public Builder hidden(Integer hidden) {
      this.hidden = hidden;
      return this;
    }

    /** The kernel specification. */
    public Builder kernel(String kernel) {
      this.kernel = kernel;
      return this;
    }

    /** The location dimension. */
    public Builder dimension(Integer dimension) {
      this.dimension = dimension;
      return this;
    }

    /** {@code lambda_2}. */
    public Builder lambda2(Double lambda2) {
      this.lambda2 = lambda2;
      return this;
    }

    /** {@code lambda_0}. */
    public Builder lambda0(Double lambda0) {
      this.lambda0 = lambda0;
      return this;
    }

    /** Regulariser specifications added to (or replacing) the defaults; null means none. */
    public Builder regularizers(List<String> regularizers) {
      this.regularizers = regularizers == null ? List.of() : List.copyOf(regularizers);
      return this;
    }

    /** {@code lbfgs}, {@code rprop} or {@code adam}. */
    public Builder optimizer(String optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    /** Iterations, steps or epochs per split. */
    public Builder iterations(Integer iterations) {
      this.iterations = iterations;
      return this;
    }

    /** The reporting interval. */
    public Builder evalEvery(Integer evalEvery) {
      this.evalEvery = evalEvery;
      return this;
    }

    /** Adam's learning rate. */
    public Builder learningRate(Double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /** Adam's batch size in items. */
    public Builder batchSize(Integer batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Random splits. */
    public Builder splits(Integer splits) {
      this.splits = splits;
      return this;
    }

    /** The base seed. */
    public Builder seed(Long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * How the ratings are split: {@code random}, {@code kfold}, {@code official}; null for {@code
     * official} on data that come with a split, {@code random} on others.
     */
    public Builder protocol(String protocol) {
      this.protocol = protocol;
      return this;
    }

    /** The test fraction. */
    public Builder testFraction(Double testFraction) {
      this.testFraction = testFraction;
      return this;
    }

    /** The validation fraction of each split's training ratings, 0 for none (the default). */
    public Builder validation(Double validation) {
      this.validation = validation;
      return this;
    }

    /** Items to keep (all by default). */
    public Builder maxItems(Integer maxItems) {
      this.maxItems = maxItems;
      return this;
    }

    /** Rated items assumed by the MACs count. */
    public Builder ratedInputs(Integer ratedInputs) {
      this.ratedInputs = ratedInputs;
      return this;
    }

    /** Shard threads (the number of processors by default). */
    public Builder threads(Integer threads) {
      this.threads = threads;
      return this;
    }

    /** L-BFGS's history size. */
    public Builder history(Integer history) {
      this.history = history;
      return this;
    }

    /** The model file, or null to save into the run folder. */
    public Builder save(Path save) {
      this.save = save;
      return this;
    }

    /** Train the six rows of Table 3 instead of one model. */
    public Builder all(boolean all) {
      this.all = all;
      return this;
    }

    /** Smoke-run defaults for the options not given. */
    public Builder quick(boolean quick) {
      this.quick = quick;
      return this;
    }

    /** The GLocal-K options (for {@code glocal-k} only). */
    public Builder glocalK(GlocalKOverrides glocalK) {
      this.glocalK = requireNonNull(glocalK, "glocalK is null");
      return this;
    }

    /**
     * Validates every option.
     *
     * @throws ConfigurationException listing every problem, valid names and ranges included
     */
    public MovieLensConfig build() {
      List<String> problems = new ArrayList<>();
      RatingsInput data = ratings == null ? dataset(problems) : ownFile(problems);
      if (testRatings != null && ratings == null) {
        problems.add("--test-ratings is the test file of a --ratings file; give --ratings FILE");
      }
      String modelId = requireNonNullElse(model, DEFAULT_MODEL);
      ModelKind kind = ModelKind.byId(modelId).orElse(null);
      if (kind == null) {
        problems.add("--model: unknown model '" + modelId + "'; valid: " + ModelKind.ids());
      }
      String optimizerId = requireNonNullElse(optimizer, DEFAULT_OPTIMIZER);
      OptimizerKind opt = OptimizerKind.byId(optimizerId).orElse(null);
      if (opt == null) {
        problems.add("--optimizer: unknown optimizer '" + optimizerId + "'; valid: "
            + OptimizerKind.ids());
      }
      int hiddenLayers = requireNonNullElse(layers, DEFAULT_LAYERS);
      if (hiddenLayers < 1 || hiddenLayers > 10) {
        problems.add("--layers must be in [1, 10], got " + hiddenLayers);
      }
      int units = requireNonNullElse(hidden, DEFAULT_HIDDEN);
      if (units < 1) {
        problems.add("--hidden must be >= 1, got " + units);
      }
      if (kernel != null && kernel.isBlank()) {
        problems.add("--kernel must not be empty");
      }
      if (kind == ModelKind.AUTOREC && !all && (kernel != null || dimension != null
          || lambda0 != null)) {
        problems.add("--kernel, --dimension and --lambda0 apply to kernelnet and sparse-fc, not"
            + " to autorec");
      }
      if (all && (kernel != null || dimension != null)) {
        problems.add("--kernel and --dimension cannot be combined with --all (its kernel rows use"
            + " different kernels); --lambda2 and --lambda0 apply to every row");
      }
      if (dimension != null && dimension < 1) {
        problems.add("--dimension must be >= 1, got " + dimension);
      }
      checkLambda(problems, "--lambda2", lambda2);
      checkLambda(problems, "--lambda0", lambda0);
      for (String regularizer : regularizers) {
        if (regularizer.isBlank()) {
          problems.add("--regularizer must not be empty");
        }
      }
      int its = iterations != null ? iterations : defaultIterations(opt, data);
      if (its < 1) {
        problems.add("--iterations must be >= 1, got " + its);
      }
      int every = evalEvery != null ? evalEvery : defaultEvalEvery(opt, its);
      if (every < 1) {
        problems.add("--eval-every must be >= 1, got " + every);
      }
      double rate = requireNonNullElse(learningRate, DEFAULT_LEARNING_RATE);
      if (!(rate > 0) || Double.isInfinite(rate)) {
        problems.add("--learning-rate must be a finite number > 0, got " + rate);
      }
      int batch = requireNonNullElse(batchSize, DEFAULT_BATCH_SIZE);
      if (batch < 1) {
        problems.add("--batch-size must be >= 1, got " + batch);
      }
      boolean published = data != null && data.hasPublishedSplit();
      SplitProtocol split = protocol == null
          ? (published ? SplitProtocol.OFFICIAL : SplitProtocol.RANDOM)
          : SplitProtocol.byId(protocol).orElse(SplitProtocol.RANDOM);
      if (protocol != null && SplitProtocol.byId(protocol).isEmpty()) {
        problems.add("--protocol: unknown protocol '" + protocol + "'; valid: "
            + SplitProtocol.ids());
      }
      if (testRatings != null && ratings != null && split != SplitProtocol.OFFICIAL) {
        problems.add("--protocol " + split.id() + ": --test-ratings gives the split; leave out"
            + " --protocol or give official");
      }
      boolean oneSplit = split == SplitProtocol.OFFICIAL && published;
      int k = splits != null ? splits : oneSplit ? 1 : quick ? QUICK_SPLITS : DEFAULT_SPLITS;
      if (k < 1 || (split == SplitProtocol.KFOLD && k < 2)) {
        problems.add("--splits must be >= " + (split == SplitProtocol.KFOLD ? "2 folds" : "1")
            + ", got " + k);
      }
      if (split == SplitProtocol.OFFICIAL) {
        if (data != null && !published && !data.is(MovieLensDataset.ML_100K)) {
          problems.add("--protocol official: " + data.label() + " has no published split (ML-100K"
              + " has the folds u1..u5, douban, flixster and yahoomusic the Monti et al. split)");
        } else if (oneSplit && k != 1) {
          problems.add("--protocol official: " + data.label() + " has one published split,"
              + " --splits asked for " + k);
        } else if (k > Ml100kFolds.FOLDS) {
          problems.add("--protocol official: ML-100K has " + Ml100kFolds.FOLDS + " folds, --splits"
              + " asked for " + k);
        }
        if (maxItems != null) {
          problems.add("--protocol official: the published split needs every rating of the data"
              + " (leave out --max-items; --quick keeps every item with it)");
        }
      }
      double f = testFraction != null ? testFraction
          : data != null ? data.defaultTestFraction() : 0.1;
      if (!(f > 0 && f < 1)) {
        problems.add("--test-fraction must be in (0, 1), got " + f);
      }
      double held = requireNonNullElse(validation, 0.0);
      if (!(held >= 0 && held < 1)) {
        problems.add("--validation must be in [0, 1), got " + held);
      }
      if (maxItems != null && maxItems < 1) { // 0 would mean no items; leave it out for all
        problems.add("--max-items must be >= 1 (leave it out to use all items), got " + maxItems);
      }
      int items = maxItems != null ? maxItems
          : quick && split != SplitProtocol.OFFICIAL ? QUICK_MAX_ITEMS : 0;
      int rated = requireNonNullElse(ratedInputs, DEFAULT_RATED_INPUTS);
      if (rated < 1) {
        problems.add("--rated-inputs must be >= 1, got " + rated);
      }
      int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      if (t < 1) {
        problems.add("--threads must be >= 1, got " + t);
      }
      int m = requireNonNullElse(history, DEFAULT_HISTORY);
      if (m < 1 || m > 1000) {
        problems.add("--history must be in 1..1000, got " + m);
      }
      if (all && save != null) {
        problems.add("--save names one model file but --all trains six models; drop --save (the"
            + " models go into the run folder)");
      }
      GlocalKSettings glocal = null;
      if (kind == ModelKind.GLOCAL_K && !all) {
        checkGlocalK(problems, opt);
        if (data != null) {
          glocal = glocalK.resolve(GlocalKDefaults.forDataset(data.label()), quick, problems);
        }
      } else if (glocalK.any()) {
        problems.add("--pretraining-epochs, --pretraining-iterations, --fine-tuning-epochs,"
            + " --fine-tuning-iterations, --dot-scale and --epoch-validation apply to --model"
            + " glocal-k only");
      }
      if (!problems.isEmpty()) {
        throw new ConfigurationException(problems);
      }
      List<AutoencoderSpec> models = new ArrayList<>();
      if (all) {
        for (ModelKind each : ModelKind.table3()) {
          for (int l = 1; l <= 2; l++) {
            models.add(spec(each, l, units, data));
          }
        }
      } else {
        models.add(spec(kind, hiddenLayers, units, data));
      }
      return new MovieLensConfig(data, models, opt, its, every, rate, batch, split, k,
          requireNonNullElse(seed, DEFAULT_SEED), f, held, items, rated, t, m, save, quick,
          glocal);
    }

    /** What GLocal-K does not take: another optimiser, its iteration options. */
    private void checkGlocalK(List<String> problems, OptimizerKind opt) {
      if (opt != null && opt != OptimizerKind.LBFGS) {
        problems.add("--optimizer: glocal-k trains with lbfgs only, got " + opt);
      }
      if (iterations != null || evalEvery != null) {
        problems.add("--iterations and --eval-every do not apply to glocal-k: set its L-BFGS runs"
            + " with --pretraining-epochs, --pretraining-iterations, --fine-tuning-epochs and"
            + " --fine-tuning-iterations");
      }
    }

    /** {@code --dataset}, checking that no format option is given. */
    private RatingsInput dataset(List<String> problems) {
      if (delimiter != null || header != null || columns != null || scale != null) {
        problems.add("--delimiter, --header/--no-header, --columns and --scale describe a"
            + " --ratings file; give --ratings FILE or leave them out");
      }
      String datasetId = requireNonNullElse(dataset, DEFAULT_DATASET);
      RatingsInput data = trainingDataById(datasetId).orElse(null);
      if (data == null) {
        problems.add("--dataset: unknown data set '" + datasetId + "'; valid: "
            + trainingDataIds());
      }
      return data;
    }

    /** {@code --ratings} and its format: what is not given is detected when it is read. */
    private RatingsInput ownFile(List<String> problems) {
      if (dataset != null) {
        problems.add("--dataset and --ratings are alternatives: give one");
      }
      if (!Files.isRegularFile(ratings)) {
        problems.add("--ratings: no such file: " + ratings.toAbsolutePath());
      }
      if (testRatings != null && !Files.isRegularFile(testRatings)) {
        problems.add("--test-ratings: no such file: " + testRatings.toAbsolutePath());
      }
      RatingsFormat format = RatingsFormat.DETECT;
      if (delimiter != null && !delimiter.equals("detect")) {
        Delimiter d = Delimiter.byName(delimiter).orElse(null);
        if (d == null) {
          problems.add("--delimiter: unknown delimiter '" + delimiter + "'; valid: detect, "
              + Delimiter.ids());
        } else {
          format = format.withDelimiter(d);
        }
      }
      try {
        format = columns == null ? format : format.withColumns(RatingColumns.parse(columns));
      } catch (IllegalArgumentException e) {
        problems.add("--columns: " + e.getMessage());
      }
      try {
        format = scale == null ? format : format.withScale(RatingScale.parse(scale));
      } catch (IllegalArgumentException e) {
        problems.add("--scale: " + e.getMessage());
      }
      if (header != null) {
        try {
          format = format.withHeader(header ? RatingsFormat.Header.PRESENT
              : RatingsFormat.Header.ABSENT);
        } catch (IllegalArgumentException e) {
          problems.add("--no-header: " + e.getMessage());
        }
      }
      return new RatingsInput.OwnFile(ratings, format, testRatings);
    }

    private AutoencoderSpec spec(
        ModelKind kind, int hiddenLayers, int units, RatingsInput data) {
      boolean kernelled = kind.usesKernel();
      return new AutoencoderSpec(
          kind,
          hiddenLayers,
          units,
          kernelled ? (kernel != null ? kernel : kind.defaultKernel().orElseThrow()) : null,
          kernelled ? (dimension != null ? dimension : kind.defaultDimension()) : 0,
          lambda2 != null ? lambda2 : kind == ModelKind.GLOCAL_K
              ? GlocalKDefaults.forDataset(data.label()).lambda2()
              : DatasetDefaults.of(data).lambda2(),
          kernelled ? (lambda0 != null ? lambda0 : kind.defaultLambda0().orElseGet(
              () -> GlocalKDefaults.forDataset(data.label()).lambdaS())) : 0,
          regularizers);
    }

    private int defaultIterations(OptimizerKind opt, RatingsInput data) {
      if (quick) {
        return opt == OptimizerKind.ADAM ? QUICK_ADAM_EPOCHS : QUICK_ITERATIONS;
      }
      if (opt == OptimizerKind.ADAM) {
        return ADAM_EPOCHS;
      }
      if (opt == OptimizerKind.LBFGS) {
        // data is null only while an invalid --dataset is being reported
        return data != null ? DatasetDefaults.of(data).lbfgsIterations()
            : DatasetDefaults.PUBLISHED_LBFGS_ITERATIONS;
      }
      return RPROP_STEPS;
    }

    private static int defaultEvalEvery(OptimizerKind opt, int iterations) {
      int every = opt == OptimizerKind.ADAM ? ADAM_EVAL_EVERY : EVAL_EVERY;
      return Math.max(1, Math.min(every, iterations));
    }

    private static void checkLambda(List<String> problems, String option, Double value) {
      if (value != null && (!(value >= 0) || value.isInfinite())) {
        problems.add(option + " must be a finite number >= 0, got " + value);
      }
    }
  }
}
