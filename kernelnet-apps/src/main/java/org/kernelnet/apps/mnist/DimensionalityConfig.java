package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * The configuration of {@code kernelnet mnist dimensionality} (Figure 3 of Mueller et al. 2018):
 * the classifier {@code 784 -> KernelLayer(kernel, d, H) -> relu -> Linear(10)} for every kernel
 * and d, Adam over the grid of learning rates and L2 coefficients, R repetitions each.
 *
 * @param run the shared settings
 * @param kernels kernel specs from the registry (e.g. {@code dot}, {@code poly:degree=2}, {@code
 *     rbf}), at least one, no repeats; checked against the registry when the application starts
 * @param dimensions the location dimensions d, each in {@code 1..784}, no repeats
 * @param hidden the hidden units H, {@code 1..4096}
 * @param learningRates Adam learning rates, each {@code > 0}
 * @param weightDecays L2 coefficients, each {@code >= 0}
 * @param repetitions runs per configuration R, {@code 1..100}
 * @param epochs passes over the training set per run, {@code >= 1}
 * @param batchSize examples per step, {@code >= 1}
 * @param resume whether to continue the study whose journal is in the output folder
 */
public record DimensionalityConfig(
    RunSettings run,
    List<String> kernels,
    List<Integer> dimensions,
    int hidden,
    List<Double> learningRates,
    List<Double> weightDecays,
    int repetitions,
    int epochs,
    int batchSize,
    boolean resume) {

  /**
   * Validates every setting and reports all problems together.
   *
   * @throws ConfigurationException listing each bad value with its valid range
   */
  public DimensionalityConfig {
    requireNonNull(run, "run is null");
    kernels = List.copyOf(requireNonNull(kernels, "kernels is null"));
    dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
    learningRates = List.copyOf(requireNonNull(learningRates, "learningRates is null"));
    weightDecays = List.copyOf(requireNonNull(weightDecays, "weightDecays is null"));
    List<String> problems = new ArrayList<>(run.problems());
    if (run.validationSize() == 0) {
      problems.add("--validation-size must be >= 1: the study picks its settings on validation");
    }
    if (kernels.isEmpty() || kernels.stream().distinct().count() != kernels.size()) {
      problems.add("--kernels must list at least one kernel spec, without repeats, got " + kernels);
    }
    if (dimensions.isEmpty() || dimensions.stream().distinct().count() != dimensions.size()) {
      problems.add("--dimensions must list at least one d, without repeats, got " + dimensions);
    }
    dimensions.forEach(d -> Checks.range(problems, "--dimensions", d, 1, 784));
    Checks.range(problems, "--hidden", hidden, 1, 4096);
    if (learningRates.isEmpty()) {
      problems.add("--lr must list at least one learning rate");
    }
    learningRates.forEach(lr -> Checks.positive(problems, "--lr", lr));
    if (weightDecays.isEmpty()) {
      problems.add("--weight-decay must list at least one L2 coefficient");
    }
    weightDecays.forEach(l2 -> Checks.nonNegative(problems, "--weight-decay", l2));
    Checks.range(problems, "--repetitions", repetitions, 1, 100);
    Checks.range(problems, "--epochs", epochs, 1, 10_000);
    Checks.range(problems, "--batch-size", batchSize, 1, 60_000);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /** The number of training runs: kernels x dimensions x learning rates x L2 x repetitions. */
  public long runs() {
    return (long) kernels.size() * dimensions.size() * learningRates.size() * weightDecays.size()
        * repetitions;
  }
}
