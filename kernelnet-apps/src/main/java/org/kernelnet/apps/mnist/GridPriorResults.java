package org.kernelnet.apps.mnist;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.kernelnet.apps.mnist.analysis.PixelLayout;
import org.kernelnet.apps.mnist.model.ModelSize;
import org.kernelnet.apps.mnist.model.PixelLocations;
import org.kernelnet.apps.mnist.model.PixelTopology;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;
import org.kernelnet.apps.report.Provenance;

/**
 * The results of {@code mnist grid-prior}, which its reporters receive and write as {@code
 * grid-prior.json}.
 *
 * @param provenance where they came from; its configuration is the run's {@link GridPriorConfig}
 * @param network the network every variant trained, described
 * @param variants one entry per trained variant, in the configured order
 */
public record GridPriorResults(Provenance provenance, String network, List<Variant> variants) {
  /** Checks presence. */
  public GridPriorResults {
    requireNonNull(provenance, "provenance is null");
    requireNonNull(network, "network is null");
    variants = List.copyOf(requireNonNull(variants, "variants is null"));
  }

  /**
   * The run's configuration, as its provenance records it.
   *
   * @throws ClassCastException if the provenance records another configuration
   */
  public GridPriorConfig config() {
    return (GridPriorConfig) provenance.configuration();
  }

  /** The file of a variant's pixel locations in the run folder, written as the variant ends. */
  public static String locationsFile(PixelLocations variant) {
    return "locations-" + variant.label() + ".csv";
  }

  /** {@code 99.03 %}, or {@code -} for NaN (a variant the paper does not have). */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
  }

  /**
   * One trained variant.
   *
   * @param locations the pixel-location variant
   * @param testAccuracy the accuracy on the official test set
   * @param validationAccuracy the accuracy on the validation split after the last epoch, NaN
   *     without one ({@code --validation-size 0})
   * @param paperTestAccuracy the paper's figure, NaN if the paper has none
   * @param size parameters and MACs
   * @param layout how far the pixel locations moved and how much of the image's layout they hold
   * @param learnedLayout how the starting layout was learned, for {@link
   *     PixelLocations#CORRELATION} only (else null)
   * @param trainingSeconds the wall-clock time of the training steps
   * @param history one entry per epoch
   */
  public record Variant(PixelLocations locations, double testAccuracy, double validationAccuracy,
      double paperTestAccuracy, ModelSize size, PixelLayout layout, LearnedLayout learnedLayout,
      double trainingSeconds, List<ClassifierTrainer.Epoch> history) {}

  /**
   * How {@link PixelTopology} learned a layout.
   *
   * @param neighbours the chosen k of the neighbour graph
   * @param residualVariance {@code 1 - r^2} between graph and embedded distances
   * @param embeddedPixels the pixels placed by the embedding (the others at random)
   * @param candidates every k tried
   * @param seconds the time it took
   */
  public record LearnedLayout(int neighbours, double residualVariance, int embeddedPixels,
      List<PixelTopology.Candidate> candidates, double seconds) {}
}
