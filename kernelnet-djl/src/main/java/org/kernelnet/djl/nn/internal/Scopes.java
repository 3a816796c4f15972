package org.kernelnet.djl.nn.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Moves parameter arrays temporarily into a short-lived manager, so that every array computed from
 * them belongs to that manager and is freed with it (DJL attaches an operation's result to the
 * manager of its first operand; computing on parameters directly would leak into the model's
 * manager on every step). The parameters return to their own manager when the scope closes.
 */
public final class Scopes {
  private Scopes() {}

  /**
   * Temporarily attaches each non-null array that is not already on {@code scope} to it.
   *
   * @param scope the manager that will own results computed from the arrays
   * @param arrays parameter arrays; nulls are skipped
   */
  public static void tempAttach(NDManager scope, NDArray... arrays) {
    for (NDArray array : arrays) {
      if (array != null && array.getManager() != scope) {
        scope.tempAttachAll(array);
      }
    }
  }

  /**
   * The number of non-zero entries of {@code array}, computed in a sub-manager of the array's own
   * manager that is closed before returning.
   */
  public static long countNonZero(NDArray array) {
    try (NDManager scope = array.getManager().newSubManager()) {
      scope.tempAttachAll(array);
      return array.countNonzero().getLong();
    }
  }
}
