package org.kernelnet.djl.nn;

/**
 * Where the scale factors alpha of a {@link KernelLayer} sit in {@code W_ij = alpha K(u_i, v_j)}.
 */
public enum AlphaMode {
  /** No scale: {@code W = K(U, V)}. */
  NONE((byte) 0),
  /** One scale per input unit, {@code alpha [in]}: {@code W_ij = alpha_i K(u_i, v_j)} (Eq. 1). */
  PER_INPUT((byte) 1),
  /**
   * One scale per output unit, {@code alpha [out]}: {@code W_ij = alpha_j K(u_i, v_j)}, as in the
   * MovieLens models (Eqs. 14-15).
   */
  PER_OUTPUT((byte) 2);

  private final byte code;

  AlphaMode(byte code) {
    this.code = code;
  }

  /** The byte stored in saved models. */
  byte code() {
    return code;
  }

  /** The mode stored as {@code code}, or null if no mode has that code. */
  static AlphaMode ofCode(byte code) {
    for (AlphaMode mode : values()) {
      if (mode.code == code) {
        return mode;
      }
    }
    return null;
  }
}
