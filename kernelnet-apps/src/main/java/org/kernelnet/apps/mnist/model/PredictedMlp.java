package org.kernelnet.apps.mnist.model;

import static java.util.Objects.requireNonNull;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Locale;
import org.kernelnet.api.KernelResolver;
import org.kernelnet.apps.mnist.data.MnistData;
import org.kernelnet.djl.nn.PredictedWeightLayer;

/**
 * The {@code 784-H-H-10} MLP of Denil et al. (2013) with a fraction f of each hidden layer's weights
 * predicted:
 *
 * <pre>
 * x [B, 784] -> PredictedWeightLayer(pixel grid, sqexp, |alpha_1| = (1-f) 784) -> relu [B, H]
 *            -> PredictedWeightLayer(hidden coordinates, sqexp, |alpha_2| = (1-f) H) -> relu [B, H]
 *            -> Linear(10), never predicted
 * </pre>
 *
 * <p>A hidden layer {@code in -> H} learns only the rows {@code V [|alpha|, H]} of W at a random
 * subset alpha of its inputs; the other rows are interpolated, {@code W = K(c, c_alpha) (K(c_alpha,
 * c_alpha) + lambda I)^-1 V}, with {@code K = exp(-||c_a - c_b||^2 / (2 l^2))} on unit-spacing
 * coordinates c and {@code l = lengthFactor sqrt(in / |alpha|)} (see {@link Dictionaries}). The
 * first layer's coordinates are the 28 x 28 pixel positions, the second's the {@link
 * HiddenDictionary} choice. {@code f = 0} gives the plain MLP with dense {@link Linear} layers.
 *
 * @param hidden the width H
 * @param predicted the fraction f in {@code [0, 1)}
 * @param dictionary the second layer's coordinates
 * @param lengthFactor the length-scale factor
 * @param ridge the ridge lambda
 * @param seed the seed of the alpha subsets (layer 2 uses {@code seed + 1}) and random coordinates
 * @param kernel the dictionary's kernel specification in place of Denil et al.'s {@code
 *     sqexp:length=l} (any registered kernel, plugins included, with its own scale), or null for
 *     theirs
 */
public record PredictedMlp(int hidden, double predicted, HiddenDictionary dictionary,
    double lengthFactor, double ridge, long seed, String kernel) {
  /** The pixels of an MNIST image. */
  static final int PIXELS = MnistData.SIDE * MnistData.SIDE;

  /** Validates the values. */
  public PredictedMlp {
    requireNonNull(dictionary, "dictionary is null");
    if (hidden < 1 || !(predicted >= 0 && predicted < 1) || !(lengthFactor > 0) || !(ridge >= 0)) {
      throw new IllegalArgumentException("need hidden >= 1, predicted in [0, 1), length factor > 0,"
          + " ridge >= 0; got " + hidden + ", " + predicted + ", " + lengthFactor + ", " + ridge);
    }
  }

  /** Denil et al.'s network, with the squared-exponential kernel of length {@code l}. */
  public PredictedMlp(int hidden, double predicted, HiddenDictionary dictionary,
      double lengthFactor, double ridge, long seed) {
    this(hidden, predicted, dictionary, lengthFactor, ridge, seed, null);
  }

  /** The coordinates of the H hidden units for the second layer. */
  public double[][] hiddenCoordinates() {
    return switch (dictionary) {
      case GRID -> Dictionaries.squareGrid(hidden);
      case RANDOM -> Dictionaries.random(hidden, seed);
    };
  }

  /**
   * Builds the network (uninitialised).
   *
   * @param kernels resolves {@code sqexp:length=l}
   */
  public Block build(KernelResolver kernels) {
    requireNonNull(kernels, "kernels is null");
    SequentialBlock net = new SequentialBlock();
    if (predicted == 0) {
      net.add(Linear.builder().setUnits(hidden).build());
      net.add(Activation.reluBlock());
      net.add(Linear.builder().setUnits(hidden).build());
    } else {
      net.add(predictedLayer(kernels, Dictionaries.grid(MnistData.SIDE, MnistData.SIDE), seed));
      net.add(Activation.reluBlock());
      net.add(predictedLayer(kernels, hiddenCoordinates(), seed + 1));
    }
    net.add(Activation.reluBlock());
    return net.add(Linear.builder().setUnits(10).build());
  }

  /** The two predicted layers' kernel specifications; none for the plain MLP ({@code f = 0}). */
  public List<String> kernelSpecs() {
    return predicted == 0 ? List.of() : List.of(
        kernelSpec(PIXELS),
        kernelSpec(hiddenCoordinates().length));
  }

  /** {@link #kernel}, else {@code sqexp:length=l} for a dictionary over {@code inputs} rows. */
  private String kernelSpec(int inputs) {
    if (kernel != null) {
      return kernel;
    }
    int learned = Dictionaries.learnedRows(inputs, predicted);
    double length = Dictionaries.lengthScale(inputs, learned, lengthFactor);
    return String.format(Locale.ROOT, "sqexp:length=%.6f", length);
  }

  private PredictedWeightLayer predictedLayer(KernelResolver kernels, double[][] coordinates,
      long sampleSeed) {
    return PredictedWeightLayer.builder()
        .setUnits(hidden)
        .setCoordinates(coordinates)
        .setKernel(kernelSpec(coordinates.length), kernels)
        .setAlphaSample(Dictionaries.learnedRows(coordinates.length, predicted), sampleSeed)
        .optRidge(ridge)
        .build();
  }
}
