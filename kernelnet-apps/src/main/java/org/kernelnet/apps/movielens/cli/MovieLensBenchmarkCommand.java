package org.kernelnet.apps.movielens.cli;

import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.movielens.MovieLensBenchmarkApp;
import org.kernelnet.apps.movielens.MovieLensBenchmarkConfig;
import org.kernelnet.apps.movielens.MovieLensConfig;
import org.kernelnet.apps.movielens.MovieLensModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kernelnet movielens benchmark}: the speed of one full-batch evaluation. */
@Command(
    name = "benchmark",
    description = {
        "Times the full-batch loss-and-gradient evaluation of an item autoencoder (default: ML-1M,"
            + " Sparse FC (2)) on the first random split: median seconds per evaluation, GFLOP/s"
            + " of the work needed and dense-equivalent, the dense autograd evaluation for"
            + " comparison, the prediction of the training and test ratings that a checkpoint"
            + " makes, L-BFGS iterations timed as in training, and the machine's float32 matmul"
            + " rate measured in the same run.",
        "Writes benchmark.json. On a shared machine, match PyTorch's threads to the free cores"
            + " (OMP_NUM_THREADS or JAVA_OPTS=-Dai.djl.pytorch.num_threads=N)."})
public final class MovieLensBenchmarkCommand extends ApplicationCommand<MovieLensBenchmarkConfig> {
  @Mixin private DeviceOption device;
  @Mixin private OutputOptions output;
  @Mixin private AutoencoderOptions autoencoder;

  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "ml-1m",
      description = "ml-100k, ml-1m, ml-10m or ml-20m (default: ${DEFAULT-VALUE}).")
  private String dataset;

  @Option(names = "--evaluations", paramLabel = "N", defaultValue = "7",
      description = "Timed evaluations at a fixed point, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  private int evaluations;

  @Option(names = "--lbfgs-iterations", paramLabel = "N", defaultValue = "10",
      description = "L-BFGS iterations timed as in training, up to 100000; 0 for none, which"
          + " skips that timing (default: ${DEFAULT-VALUE}).")
  private int lbfgsIterations;

  @Option(names = "--dense", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Also time the dense autograd evaluation (default: on; --no-dense to skip).")
  private boolean compareDense;

  @Option(names = "--matmul-size", paramLabel = "N", defaultValue = "2048",
      description = "n of the n x n float32 product timed for the machine's rate, 16 to 8192"
          + " (default: ${DEFAULT-VALUE}).")
  private int matmulSize;

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
      description = "Timed matrix products, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  private int repeats;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the split and the initialisation (default: "
          + MovieLensConfig.DEFAULT_SEED + ").")
  private Long seed;

  /** Runs {@link MovieLensBenchmarkApp} with the {@link MovieLensModule}. */
  public MovieLensBenchmarkCommand() {
    super(new MovieLensModule(), MovieLensBenchmarkApp.class);
  }

  @Override
  protected MovieLensBenchmarkConfig toConfig() {
    MovieLensConfig run = autoencoder.applyTo(MovieLensConfig.builder())
        .dataset(dataset).splits(1).seed(seed).build();
    return new MovieLensBenchmarkConfig(
        run, evaluations, lbfgsIterations, compareDense, matmulSize, repeats);
  }
}
