package org.kernelnet.apps.movielens.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The three item-based autoencoders of section 3.5 (Table 3) and GLocal-K's, with their default
 * kernel settings ({@code lambda_2} depends on the data set: {@link
 * org.kernelnet.apps.movielens.DatasetDefaults}, for GLocal-K {@link
 * org.kernelnet.apps.movielens.GlocalKDefaults}).
 * Every variant maps an item's rating vector {@code r [users]} through {@code layers} hidden layers
 * of sigmoid units to an identity output layer {@code [users]}; they differ in how each weight
 * matrix {@code W [in, out]} is parametrised:
 *
 * <ul>
 *   <li>{@link #AUTOREC}: dense DJL {@code Linear} layers (I-AutoRec, Eq. 13); loss weight {@code
 *       lambda_2 / 2 * sum W^2} on every weight matrix;
 *   <li>{@link #KERNELNET}: {@code KernelLayer} with {@code W_ij = alpha_j tanh(u_i . v_j)}, {@code d
 *       = 50}, one alpha per output unit (Eqs. 14-15); the l2 term acts on the effective weights (the
 *       layer has no free dense matrix) and the kernel-overlap term on {@code tanh(U V^T)};
 *   <li>{@link #SPARSE_FC}: {@code KernelMaskedDense} with {@code W_eff = W ⊙ K(U, V)}, {@code K(u,
 *       v) = max(0, 1 - ||u - v||^2)}, {@code d = 5} (Eqs. 16-17), exactly as the authors' ML-1M
 *       code: l2 on W, overlap {@code lambda_0 / 2 * sum K^2} with
 *       {@code lambda_0 = 0.013}, locations truncated-normal with std 1e-3;
 *   <li>{@link #GLOCAL_K}: the local kernel autoencoder of GLocal-K (Han et al. 2021), layers and
 *       loss as {@link #SPARSE_FC} (its {@code lambda_s} is {@code lambda_0}, both per data
 *       set), the biases initialised as its code's (TensorFlow's default, see {@link
 *       ItemAutoencoder}); it is fine-tuned with a global kernel ({@link GlocalK}).
 * </ul>
 *
 * <p>{@link #table3()} lists the three models of the paper's Table 3.
 */
public enum ModelKind {
  /** Dense I-AutoRec. */
  AUTOREC("autorec", "I-AutoRec", null, 0, 0.0),
  /** KernelNet with the tanh kernel. */
  KERNELNET("kernelnet", "I-KernelNet", "tanh", 50, 0.0),
  /** Sparse FC: dense weights masked by a finite-support kernel. */
  SPARSE_FC("sparse-fc", "Sparse FC", "hat-sq", 5, 0.013),
  /** GLocal-K's local kernel autoencoder, fine-tuned with its global kernel. */
  GLOCAL_K("glocal-k", "GLocal-K", "hat-sq", 5, null);

  private final String id;
  private final String label;
  private final String defaultKernel;
  private final int defaultDimension;
  private final Double defaultLambda0;

  ModelKind(String id, String label, String defaultKernel, int defaultDimension,
      Double defaultLambda0) {
    this.id = id;
    this.label = label;
    this.defaultKernel = defaultKernel;
    this.defaultDimension = defaultDimension;
    this.defaultLambda0 = defaultLambda0;
  }

  /** The command-line name, e.g. {@code sparse-fc}. */
  public String id() {
    return id;
  }

  /** The name in the paper's tables, e.g. {@code Sparse FC}. */
  public String label() {
    return label;
  }

  /** Whether the layers are built from a kernel (all but {@link #AUTOREC}). */
  public boolean usesKernel() {
    return defaultKernel != null;
  }

  /** The default kernel specification; empty for {@link #AUTOREC}. */
  public Optional<String> defaultKernel() {
    return Optional.ofNullable(defaultKernel);
  }

  /** The default location dimension d; 0 for {@link #AUTOREC}. */
  public int defaultDimension() {
    return defaultDimension;
  }

  /**
   * The default kernel-overlap weight {@code lambda_0} (the loss holds {@code lambda_0 / 2 sum
   * K^2}); empty for {@link #GLOCAL_K}, whose {@code lambda_s} depends on the data set.
   */
  public OptionalDouble defaultLambda0() {
    return defaultLambda0 == null ? OptionalDouble.empty() : OptionalDouble.of(defaultLambda0);
  }

  /**
   * The models of the paper's Table 3: {@link #AUTOREC}, {@link #KERNELNET}, {@link #SPARSE_FC}.
   */
  public static List<ModelKind> table3() {
    return List.of(AUTOREC, KERNELNET, SPARSE_FC);
  }

  /** The kind named {@code id}, if any. */
  public static Optional<ModelKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  /** The valid names, comma separated. */
  public static String ids() {
    return Arrays.stream(values()).map(ModelKind::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
