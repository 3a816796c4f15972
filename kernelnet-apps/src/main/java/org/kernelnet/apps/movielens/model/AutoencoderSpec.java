package org.kernelnet.apps.movielens.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.kernelnet.api.ComponentSpec;

/**
 * The architecture and regularisation of one item-based autoencoder: {@code layers} hidden layers of
 * {@code hidden} sigmoid units and an identity output layer, every weight matrix parametrised as
 * {@code kind} says, trained on the loss
 *
 * <pre>
 *   L = 1/2 sum_{(i,u) observed} (h(r_i)_u - R_iu)^2 + lambda_2/2 sum ||W||^2 + lambda_0/2 sum K^2
 *       + the penalties of {@code regularizers}
 * </pre>
 *
 * summed over all layers (section 3.5). The first two terms are the registry's {@code
 * l2:lambda=lambda_2} and {@code kernel-overlap:lambda=lambda_0/2}; a regulariser of {@code
 * regularizers} with either name replaces that term, any other is added (see {@link
 * #effectiveRegularizers()}).
 *
 * @param kind the parametrisation
 * @param layers the number of hidden layers, 1 or more (the paper: 1 or 2)
 * @param hidden the width of every hidden layer (the paper: 500)
 * @param kernel the kernel specification for the kernel variants, e.g. {@code hat-sq}; null for
 *     {@link ModelKind#AUTOREC}
 * @param dimension the location dimension d; 0 for {@link ModelKind#AUTOREC}
 * @param lambda2 the l2 weight {@code lambda_2 >= 0}
 * @param lambda0 the kernel-overlap weight {@code lambda_0 >= 0}; 0 for {@link ModelKind#AUTOREC}
 * @param regularizers regulariser specifications from the registry (plugins included), e.g. {@code
 *     kernel-linear:lambda=0.01}, each penalising every layer; null (as in files written before
 *     they existed) means none
 */
public record AutoencoderSpec(
    ModelKind kind, int layers, int hidden, String kernel, int dimension, double lambda2,
    double lambda0, List<String> regularizers) {
  /** The name of the default term made from {@code lambda_2}. */
  public static final String L2 = "l2";
  /** The name of the default term made from {@code lambda_0}. */
  public static final String KERNEL_OVERLAP = "kernel-overlap";

  /** A spec with only the default regularisers. */
  public AutoencoderSpec(ModelKind kind, int layers, int hidden, String kernel, int dimension,
      double lambda2, double lambda0) {
    this(kind, layers, hidden, kernel, dimension, lambda2, lambda0, List.of());
  }

  /** Checks the invariants (the configuration has reported user errors before). */
  public AutoencoderSpec {
    requireNonNull(kind, "kind is null");
    if (layers < 1 || hidden < 1) {
      throw new IllegalArgumentException(
          "layers and hidden must be >= 1, got " + layers + " and " + hidden);
    }
    if (kind.usesKernel() != (kernel != null) || kind.usesKernel() != (dimension > 0)) {
      throw new IllegalArgumentException(
          kind + " needs " + (kind.usesKernel() ? "a kernel and d >= 1" : "no kernel and d = 0")
              + ", got kernel " + kernel + ", d " + dimension);
    }
    if (!(lambda2 >= 0) || !(lambda0 >= 0) || Double.isInfinite(lambda2)
        || Double.isInfinite(lambda0)) {
      throw new IllegalArgumentException(
          "lambda2 and lambda0 must be finite and >= 0, got " + lambda2 + " and " + lambda0);
    }
    regularizers = regularizers == null ? List.of() : List.copyOf(regularizers);
  }

  /**
   * Every regulariser's specification, in order: {@code l2:lambda=lambda_2} unless {@code
   * lambda_2 = 0} or {@link #regularizers} has an {@code l2}, {@code
   * kernel-overlap:lambda=lambda_0/2} likewise, then {@link #regularizers}.
   */
  public List<String> effectiveRegularizers() {
    List<String> all = new ArrayList<>();
    if (lambda2 > 0 && !names(L2)) {
      all.add(L2 + ":lambda=" + lambda2);
    }
    if (lambda0 > 0 && !names(KERNEL_OVERLAP)) {
      all.add(KERNEL_OVERLAP + ":lambda=" + lambda0 / 2);
    }
    all.addAll(regularizers);
    return all;
  }

  private boolean names(String name) {
    return regularizers.stream().anyMatch(r -> ComponentSpec.parse(r).name().equals(name));
  }

  /** The row name of the results table, e.g. {@code Sparse FC (2)}. */
  public String label() {
    return kind.label() + " (" + layers + ")";
  }

  /** A file-name friendly name, e.g. {@code sparse-fc-2}. */
  public String slug() {
    return kind.id() + "-" + layers;
  }
}
