package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.PixelLocations;

/**
 * The configuration of {@code kernelnet mnist grid-prior} (Table 1 of Mueller et al. 2018): which
 * pixel-location variants to train, the network (see {@code GridPriorNetwork}) and the
 * optimisation (Adam, cosine learning-rate decay).
 *
 * @param run the shared settings
 * @param variants the pixel-location variants, each trained from scratch, at least one, no repeats
 * @param form how the kernel makes the weights of the kernel layers
 * @param layers the number P of parallel kernel layers, {@code 1..256}
 * @param units the output units h of each, {@code 1..4096}
 * @param gamma the RBF gamma in {@code 1 / pixel^2}, {@code > 0}
 * @param initScale the standard deviation of the initial per-pixel scales (kernel form) or free
 *     weights (masked form), {@code > 0}
 * @param locationNoise the standard deviation (pixels) of the noise on the input locations in
 *     training, {@code >= 0}
 * @param inputDropout the dropout on the pixels, {@code [0, 1)}
 * @param dropout the dropout before each dense layer, {@code [0, 1)}
 * @param hidden the units of a fully connected hidden layer before the softmax layer, {@code
 *     0..8192}, 0 for none (the paper's network)
 * @param epochs passes over the training set, {@code >= 1}
 * @param batchSize examples per step, {@code >= 1}
 * @param learningRate Adam's initial step size, {@code > 0}
 * @param weightDecay the L2 coefficient, {@code >= 0}
 * @param locationRateFactor the factor on the learning rate of the unit locations, {@code >= 0}
 * @param labelSmoothing the label smoothing of the loss, {@code [0, 1)}
 * @param emaDecay the decay of the exponential moving average of the weights that is evaluated and
 *     kept, {@code [0, 1)}, 0 for none
 * @param kernel the kernel specification ({@code --kernel}) in place of {@code rbf:gamma=gamma}, or
 *     null for the paper's
 */
public record GridPriorConfig(
    RunSettings run,
    List<PixelLocations> variants,
    LayerForm form,
    int layers,
    int units,
    double gamma,
    double initScale,
    double locationNoise,
    double inputDropout,
    double dropout,
    int hidden,
    int epochs,
    int batchSize,
    double learningRate,
    double weightDecay,
    double locationRateFactor,
    double labelSmoothing,
    double emaDecay,
    String kernel) {

  /**
   * Validates every setting and reports all problems together.
   *
   * @throws ConfigurationException listing each bad value with its valid range
   */
  public GridPriorConfig {
    requireNonNull(run, "run is null");
    variants = List.copyOf(requireNonNull(variants, "variants is null"));
    requireNonNull(form, "form is null");
    List<String> problems = new ArrayList<>(run.problems());
    if (variants.isEmpty() || variants.stream().distinct().count() != variants.size()) {
      problems.add("--locations must name each of grid, random, grid_trained and correlation at"
          + " most once and at least one of them, got " + variants);
    }
    Checks.range(problems, "--layers", layers, 1, 256);
    Checks.range(problems, "--units", units, 1, 4096);
    Checks.positive(problems, "--gamma", gamma);
    if (kernel != null && kernel.isBlank()) {
      problems.add("--kernel must not be empty");
    }
    Checks.positive(problems, "--init-scale", initScale);
    Checks.nonNegative(problems, "--location-noise", locationNoise);
    Checks.rate(problems, "--input-dropout", inputDropout);
    Checks.rate(problems, "--dropout", dropout);
    Checks.range(problems, "--hidden", hidden, 0, 8192);
    Checks.training(problems, epochs, batchSize, learningRate, weightDecay);
    Checks.nonNegative(problems, "--location-lr-factor", locationRateFactor);
    Checks.rate(problems, "--label-smoothing", labelSmoothing);
    Checks.rate(problems, "--ema-decay", emaDecay);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }
}
