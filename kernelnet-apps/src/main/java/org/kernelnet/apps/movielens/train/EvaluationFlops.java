package org.kernelnet.apps.movielens.train;

/**
 * Floating-point operations of the matrix products in one full-batch loss-and-gradient evaluation
 * of an item autoencoder with widths {@code n_0 = users, n_1 .. n_L = hidden, n_{L+1} = users} on
 * {@code I} items with {@code nnz} training ratings (a multiply-add counts 2).
 *
 * <ul>
 *   <li>{@code dense}: as if every entry of {@code R [I, users]} were an input and an output (the
 *       dense autograd computation): forward and weight gradient {@code 4 I n_0 n_1} for the input
 *       layer, forward, weight and input gradient {@code 6 I n_{l-1} n_l} for the others;
 *   <li>{@code sparse}: what {@link SparseAutoencoderLoss} needs: {@code 4 nnz n_1} for the
 *       input layer, {@code 6 I n_{l-1} n_l} for hidden-to-hidden layers, and for the output layer
 *       {@code 2 nnz n_L} for the predictions at the ratings ({@link SampledProduct}) plus {@code 4
 *       nnz n_L} for its two sparse gradient products. (Where ratings are dense enough, {@link
 *       SampledProduct} computes a block as a full product, which performs more FLOPs in less
 *       time.)
 * </ul>
 *
 * @param dense the dense-equivalent FLOPs
 * @param sparse the FLOPs the sparse evaluation needs
 */
public record EvaluationFlops(double dense, double sparse) {
  /**
   * @param items the rows I
   * @param users the input and output width
   * @param ratings the training ratings nnz
   * @param hidden the hidden width
   * @param layers the hidden layers L, {@code >= 1}
   */
  public static EvaluationFlops of(int items, int users, long ratings, int hidden, int layers) {
    if (items < 1 || users < 1 || ratings < 0 || hidden < 1 || layers < 1) {
      throw new IllegalArgumentException("items, users, hidden and layers must be >= 1 and ratings"
          + " >= 0, got " + items + ", " + users + ", " + hidden + ", " + layers + ", " + ratings);
    }
    double i = items;
    double dense = 4 * i * users * hidden + 6 * i * hidden * users;
    double sparse = 4.0 * ratings * hidden + 2.0 * ratings * hidden + 4.0 * ratings * hidden;
    double hiddenToHidden = 6 * i * hidden * hidden * (layers - 1);
    return new EvaluationFlops(dense + hiddenToHidden, sparse + hiddenToHidden);
  }
}
