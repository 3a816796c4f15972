package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.inject.ApplicationRunner;
import org.kernelnet.apps.inject.CoreSettings;
import org.kernelnet.apps.report.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
        "'kernelnet movielens benchmark' times one full-batch evaluation; 'kernelnet movielens"
            + " generate' writes synthetic ratings with structure to learn, of a data set's size"
            + " and format (e.g. ML-10M, ML-20M)."},
    subcommands = {MovieLensBenchmarkCommand.class, GenerateCommand.class})
public final class MovieLensCommand implements Callable<Integer> {
  private final Environment environment;

  @Mixin private CommonOptions common;
  @Mixin private DeviceOption device;
  @Mixin private OutputOptions output;
  @Mixin private AutoencoderOptions autoencoder;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "ml-100k",
      description = "ml-100k, ml-1m, ml-10m or ml-20m (default: ${DEFAULT-VALUE}).")
  private String dataset;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "lbfgs",
      description = "lbfgs, rprop or adam (default: ${DEFAULT-VALUE}).")
  private String optimizer;

  @Option(names = "--iterations", paramLabel = "N",
      description = "L-BFGS iterations, RPROP steps or Adam epochs per split, at least 1"
          + " (default: L-BFGS 150"
          + " on ml-100k, chosen on validation ratings, 1000 on ml-1m, ml-10m and ml-20m; RPROP"
          + " 1000; Adam 200; --quick: 60, Adam 20).")
  private Integer iterations;

  @Option(names = "--eval-every", paramLabel = "N",
      description = "Iterations between RMSE reports, at least 1; also the L-BFGS round length"
          + " after which its history restarts (default: 50, Adam 10).")
  private Integer evalEvery;

  @Option(names = "--learning-rate", paramLabel = "X", defaultValue = "1e-3",
      description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
  private double learningRate;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
      description = "Adam's mini-batch size in items, at least 1 (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--splits", paramLabel = "N",
      description = "Random train/test splits to average, at least 1 (default: 5; --quick: 2).")
  private Integer splits;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Split k (from 0) and its initialisation use seed + k (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--test-fraction", paramLabel = "F",
      description = "Held-out fraction of the ratings (default: 0.2 for ML-100K, else 0.1).")
  private Double testFraction;

  @Option(names = "--validation", paramLabel = "F", defaultValue = "0",
      description = "Hold out this fraction of each split's training ratings and score it instead"
          + " of the test set, which is then not used: for choosing settings; 0 for none, score"
          + " the test set (default: ${DEFAULT-VALUE}).")
  private double validation;

  @Option(names = "--max-items", paramLabel = "N",
      description = "Use only the ratings of the first N items, N >= 1 (default: all; --quick:"
          + " 600).")
  private Integer maxItems;

  @Option(names = "--rated-inputs", paramLabel = "N", defaultValue = "10",
      description = "Rated items per prediction assumed by the MACs count, at least 1 (default:"
          + " ${DEFAULT-VALUE}).")
  private int ratedInputs;

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

  @Spec private CommandSpec spec;

  /** @param environment the environment variables and home folder the command runs with */
  public MovieLensCommand(Environment environment) {
    this.environment = requireNonNull(environment, "environment is null");
  }

  @Override
  public Integer call() throws Exception {
    MovieLensConfig config = autoencoder.applyTo(MovieLensConfig.builder())
        .dataset(dataset).optimizer(optimizer).iterations(iterations).evalEvery(evalEvery)
        .learningRate(learningRate).batchSize(batchSize).splits(splits).seed(seed)
        .testFraction(testFraction).validation(validation).maxItems(maxItems)
        .ratedInputs(ratedInputs).all(all).quick(quick).save(save)
        .build();
    RunFolder.Request request = save == null ? output.request()
        : output.request().alsoWriting("--save", save);
    Terminal terminal = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    ApplicationRunner.run(CoreSettings.of(common, device.device(), environment), request, terminal,
        new MovieLensModule(config), MovieLensApp.class);
    return ExitCode.OK;
  }
}
