package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.mnist.model.LayerForm;
import org.kernelnet.apps.mnist.model.PixelLocations;

/**
 * The configuration of {@code kernelnet mnist benchmark}: the grid-prior networks to time, how many
 * training steps per measurement and how many measurements, and the size of the reference matrix
 * product.
 *
 * @param seed the seed of the initialisation and the synthetic batch
 * @param locations the pixel-location variant of the timed networks
 * @param forms the layer forms to time, one network each, at least one, no repeats
 * @param layers parallel kernel layers P, {@code 1..256}
 * @param units output units h of each, {@code 1..4096}
 * @param gamma the RBF gamma, {@code > 0}
 * @param batchSize examples per step, {@code 1..60,000}
 * @param warmupSteps untimed steps first, {@code >= 0}
 * @param steps timed steps per measurement, {@code >= 1}
 * @param repeats measurements of training and of the matrix product, {@code >= 1}; medians are
 *     reported
 * @param matmulSize n of the {@code n x n} single-precision product timed for the machine's rate,
 *     {@code 16..8192}
 * @param kernel the kernel specification ({@code --kernel}) in place of {@code rbf:gamma=gamma}, or
 *     null for that
 */
public record BenchmarkConfig(
    long seed,
    PixelLocations locations,
    List<LayerForm> forms,
    int layers,
    int units,
    double gamma,
    int batchSize,
    int warmupSteps,
    int steps,
    int repeats,
    int matmulSize,
    String kernel) {

  /**
   * Validates every setting and reports all problems together.
   *
   * @throws ConfigurationException listing each bad value with its valid range
   */
  public BenchmarkConfig {
    requireNonNull(locations, "locations is null");
    forms = List.copyOf(requireNonNull(forms, "forms is null"));
    List<String> problems = new ArrayList<>();
    if (forms.isEmpty() || forms.stream().distinct().count() != forms.size()) {
      problems.add("--form must name kernel and masked at most once each and at least one of them,"
          + " got " + forms);
    }
    Checks.range(problems, "--layers", layers, 1, 256);
    Checks.range(problems, "--units", units, 1, 4096);
    Checks.positive(problems, "--gamma", gamma);
    if (kernel != null && kernel.isBlank()) {
      problems.add("--kernel must not be empty");
    }
    Checks.range(problems, "--batch-size", batchSize, 1, 60_000);
    Checks.range(problems, "--warmup-steps", warmupSteps, 0, 1_000_000);
    Checks.range(problems, "--steps", steps, 1, 1_000_000);
    Checks.range(problems, "--repeats", repeats, 1, 1000);
    Checks.range(problems, "--matmul-size", matmulSize, 16, 8192);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }
}
