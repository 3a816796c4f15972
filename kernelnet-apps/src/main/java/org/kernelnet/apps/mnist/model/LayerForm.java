package org.kernelnet.apps.mnist.model;

/**
 * How the grid-prior network turns the RBF kernel between pixel locations {@code u} and unit
 * locations {@code v} into the weights of its P parallel layers of h units each (Table 1 of
 * Mueller et al. 2018).
 */
public enum LayerForm {
  /**
   * The kernelNet layer of Eq. 1 with one scale per pixel: layer p has {@code W_p[i, j] = alpha_pi
   * K(u_pi, v_pj)}, so each layer is one 784-pixel template {@code alpha_p} seen through h Gaussian
   * windows. Each layer has its own input locations {@code u_p}.
   */
  KERNEL,
  /**
   * The "sparse FC" form of Eqs. 16-17: {@code W[i, j] = A_ij K(u_i, v_j)} over all {@code P h}
   * units, with a free matrix {@code A [784, P h]}: every unit has its own weights under its own
   * Gaussian window, a locally connected layer whose receptive fields sit where the trained output
   * locations put them. One set of input locations {@code u} serves all units.
   */
  MASKED
}
