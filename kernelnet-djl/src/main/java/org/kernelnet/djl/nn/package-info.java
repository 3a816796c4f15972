/**
 * DJL blocks for kernelized weight matrices (Mueller, Martel and Indiveri, ICML 2018):
 *
 * <ul>
 *   <li>{@link org.kernelnet.djl.nn.KernelLayer}: {@code W_ij = alpha K(u_i, v_j)} (Eq. 1);
 *   <li>{@link org.kernelnet.djl.nn.KernelLayerStack}: L kernel layers side by side on one input,
 *       outputs concatenated, computed with one matrix product;
 *   <li>{@link org.kernelnet.djl.nn.KernelMaskedDense}: {@code W ⊙ K(U, V)}, the "sparse FC" layer
 *       (Eqs. 16-17);
 *   <li>{@link org.kernelnet.djl.nn.AdaptiveThreshold} (Eq. 9) and {@link
 *       org.kernelnet.djl.nn.CentreOfMass} (Eq. 10) for 2-D embedding maps;
 *   <li>{@link org.kernelnet.djl.nn.PredictedWeightLayer}: weights predicted by kernel ridge
 *       regression (Denil et al. 2013);
 *   <li>{@link org.kernelnet.djl.nn.GlobalKernel}: GLocal-K's global convolution kernel (Han et al.
 *       2021), computed from a network's item-averaged outputs and convolved over the rating
 *       matrix.
 * </ul>
 *
 * <p>Every layer reads parameters through the {@code ParameterStore} and attaches them temporarily to
 * the batch's manager, so nothing computed in a forward pass outlives the batch.
 */
package org.kernelnet.djl.nn;
