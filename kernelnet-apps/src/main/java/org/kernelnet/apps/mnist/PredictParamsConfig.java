package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.mnist.model.HiddenDictionary;

/**
 * The configuration of {@code kernelnet mnist predict-params} (Denil et al. 2013): a {@code
 * 784-H-H-10} MLP whose two hidden layers have a fraction of their weights predicted by kernel ridge
 * regression with the squared-exponential kernel ({@code sqexp}), over the pixel grid for the first
 * layer and over the {@link HiddenDictionary} for the second; the output layer is never predicted.
 *
 * @param run the shared settings
 * @param fractions fractions of the hidden layers' weights predicted, each in {@code [0, 0.99]}, no
 *     repeats; 0 is the plain MLP
 * @param hidden the hidden width H, {@code 1..4096}
 * @param hiddenDictionary the coordinates of the first layer's units for the second layer
 * @param lengthFactor the sqexp length scale as a multiple of the mean spacing of the learned rows,
 *     {@code > 0}
 * @param ridge the ridge lambda, {@code >= 0}
 * @param epochs passes over the training set, {@code >= 1}
 * @param batchSize examples per step, {@code >= 1}
 * @param learningRate Adam's initial step size (cosine decay), {@code > 0}
 * @param weightDecay the L2 coefficient, {@code >= 0}
 * @param kernel the dictionaries' kernel specification ({@code --kernel}) in place of {@code
 *     sqexp:length=l}, or null for that
 */
public record PredictParamsConfig(
    RunSettings run,
    List<Double> fractions,
    int hidden,
    HiddenDictionary hiddenDictionary,
    double lengthFactor,
    double ridge,
    int epochs,
    int batchSize,
    double learningRate,
    double weightDecay,
    String kernel) {

  /**
   * Validates every setting and reports all problems together.
   *
   * @throws ConfigurationException listing each bad value with its valid range
   */
  public PredictParamsConfig {
    requireNonNull(run, "run is null");
    fractions = List.copyOf(requireNonNull(fractions, "fractions is null"));
    requireNonNull(hiddenDictionary, "hiddenDictionary is null");
    List<String> problems = new ArrayList<>(run.problems());
    if (kernel != null && kernel.isBlank()) {
      problems.add("--kernel must not be empty");
    }
    if (fractions.isEmpty() || fractions.stream().distinct().count() != fractions.size()) {
      problems.add("--fractions must list at least one fraction, without repeats, got " + fractions);
    }
    for (double f : fractions) {
      if (!(f >= 0 && f <= 0.99)) {
        problems.add("--fractions values must be in [0, 0.99], got " + f);
      }
    }
    Checks.range(problems, "--hidden", hidden, 1, 4096);
    Checks.positive(problems, "--length-factor", lengthFactor);
    Checks.nonNegative(problems, "--ridge", ridge);
    Checks.training(problems, epochs, batchSize, learningRate, weightDecay);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }
}
