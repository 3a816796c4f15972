package org.kernelnet.apps.movielens.cli;

import java.util.List;
import org.kernelnet.apps.movielens.DatasetDefaults;
import org.kernelnet.apps.movielens.MovieLensConfig;
import picocli.CommandLine.Option;

/**
 * The model and training-resource options shared by {@code kernelnet movielens} and {@code
 * kernelnet movielens benchmark} (a picocli mixin); {@link #applyTo} hands them to the
 * configuration builder, which validates them.
 */
public final class AutoencoderOptions {
  @Option(names = "--model", paramLabel = "NAME",
      description = "autorec, kernelnet, sparse-fc or glocal-k (default: "
          + MovieLensConfig.DEFAULT_MODEL + ").")
  private String model;

  @Option(names = "--layers", paramLabel = "N",
      description = "Hidden layers, 1 to 10 (default: " + MovieLensConfig.DEFAULT_LAYERS + ").")
  private Integer layers;

  @Option(names = "--hidden", paramLabel = "N",
      description = "Units per hidden layer, at least 1 (default: "
          + MovieLensConfig.DEFAULT_HIDDEN + ").")
  private Integer hidden;

  @Option(names = "--kernel", paramLabel = "SPEC",
      description = "Kernel specification for kernelnet/sparse-fc/glocal-k (default: tanh for"
          + " kernelnet, hat-sq for the others); see 'kernelnet kernels'.")
  private String kernel;

  @Option(names = "--dimension", paramLabel = "D",
      description = "Location dimension d, at least 1 (default: 50 for kernelnet, 5 for"
          + " sparse-fc and glocal-k).")
  private Integer dimension;

  @Option(names = "--lambda2", paramLabel = "X",
      description = "Weight of the l2 term lambda_2/2 sum W^2 (default: "
          + DatasetDefaults.ML_100K_LAMBDA2 + " on ml-100k and " + DatasetDefaults.DOUBAN_LAMBDA2
          + " on douban, chosen on validation ratings; " + DatasetDefaults.PUBLISHED_LAMBDA2
          + ", the published code's, on the other data sets and --ratings files; glocal-k: its"
          + " authors' for the data set, 20 on ml-100k, 70 on ml-1m, 10 on douban).")
  private Double lambda2;

  @Option(names = "--lambda0", paramLabel = "X",
      description = "Weight of the kernel-overlap term lambda_0/2 sum K^2, GLocal-K's lambda_s"
          + " (default: 0.013 for sparse-fc, 0 for kernelnet; glocal-k: its authors' for the data"
          + " set, 0.006 on ml-100k, 0.018 on ml-1m).")
  private Double lambda0;

  @Option(names = "--regularizer", paramLabel = "SPEC",
      description = "A regulariser from the registry (plugins included) penalising every weight"
          + " layer, e.g. kernel-linear:lambda=0.01; repeatable. One named l2 or kernel-overlap"
          + " replaces the term --lambda2 or --lambda0 makes, any other is added. The run prints"
          + " every model's regularisers; see 'kernelnet kernels' for the available ones.")
  private List<String> regularizers;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads that process item shards of the full-batch loss in parallel, at"
          + " least 1 (default: the number of processors).")
  private Integer threads;

  @Option(names = "--history", paramLabel = "M",
      description = "L-BFGS history size, 1 to 1000; its memory is 2 (M + 1) float and 6 double"
          + " vectors of the parameter count (default: " + MovieLensConfig.DEFAULT_HISTORY + ").")
  private Integer history;

  /** Sets these options on {@code builder} and returns it. */
  MovieLensConfig.Builder applyTo(MovieLensConfig.Builder builder) {
    return builder.model(model).layers(layers).hidden(hidden).kernel(kernel).dimension(dimension)
        .lambda2(lambda2).lambda0(lambda0).regularizers(regularizers).threads(threads)
        .history(history);
  }
}
