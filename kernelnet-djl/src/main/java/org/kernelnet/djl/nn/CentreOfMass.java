package org.kernelnet.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * The 2-D position of an example in an embedding layer (Eq. 10 of Mueller et al. 2018): the centre
 * of mass of the unit locations weighted by the (non-negative) activations,
 *
 * <pre>c = sum_i x_i v_i / sum_i x_i</pre>
 */
public final class CentreOfMass {
  private CentreOfMass() {}

  /**
   * Eq. 10 for a batch.
   *
   * <p>An example whose activations sum to zero (an all-zero row, which Eq. 9 produces when every
   * unit ties with the threshold) has no centre of mass: its row of the result is NaN in every
   * coordinate, never an arbitrary point, so plots and statistics can leave it out explicitly.
   *
   * @param activations {@code x [B, n]}, non-negative (e.g. the output of {@link AdaptiveThreshold})
   * @param locations {@code v [n, c]} (c = 2 for the paper's maps)
   * @return {@code [B, c]} on the activations' manager
   * @throws IllegalArgumentException if the shapes do not fit
   */
  public static NDArray of(NDArray activations, NDArray locations) {
    if (activations.getShape().dimension() != 2
        || locations.getShape().dimension() != 2
        || activations.getShape().get(1) != locations.getShape().get(0)) {
      throw new IllegalArgumentException(
          "Centre of mass needs activations [B, n] and locations [n, c], got "
              + activations.getShape() + " and " + locations.getShape());
    }
    NDArray total = activations.sum(new int[] {1}, true);
    NDArray empty = total.eq(0);
    NDArray safeTotal = NDArrays.where(empty, total.onesLike(), total);
    NDArray centre = activations.matMul(locations).div(safeTotal);
    NDArray nan = centre.zerosLike().add(Float.NaN);
    return NDArrays.where(empty.broadcast(centre.getShape()), nan, centre);
  }
}
