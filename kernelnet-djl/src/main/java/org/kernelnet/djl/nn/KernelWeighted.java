package org.kernelnet.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.kernelnet.api.LayerMatrices;

/**
 * A layer whose weight matrix is built from a kernel between unit locations: it exposes its kernel
 * matrix {@code K(U, V) [in, out]}, its effective weights {@code W [in, out]} (what multiplies the
 * input, {@code y = x W + b}) and the {@link LayerMatrices} a {@link
 * org.kernelnet.api.SparsityRegularizer} penalises.
 *
 * <p>Every result is attached to {@code scope}: pass the batch's manager inside a training step (the
 * parameters are attached to it temporarily, so gradients flow and nothing leaks into the model's
 * manager), or a sub-manager you close after reading the values. Needs initialised parameters.
 */
public interface KernelWeighted {
  /**
   * The kernel matrix {@code K(U, V)}, shape {@code [in, out]}.
   *
   * @param parameterStore where the parameter values come from
   * @param scope the manager that owns the result; its device selects the parameter copy
   * @param training whether the values take part in a training step (gradients)
   */
  NDArray kernelMatrix(ParameterStore parameterStore, NDManager scope, boolean training);

  /** The effective weights {@code W}, shape {@code [in, out]}: {@code y = x W + b}. */
  NDArray effectiveWeights(ParameterStore parameterStore, NDManager scope, boolean training);

  /** The matrices a sparsity regulariser may penalise. */
  LayerMatrices layerMatrices(ParameterStore parameterStore, NDManager scope, boolean training);
}
