package org.kernelnet.apps.train;

/**
 * What is measured after each epoch's steps (a validation score, a map's k-NN accuracy...). It runs
 * in inference mode on the parameters as they are; its arrays belong to scopes of its own.
 *
 * @param <E> the type of the measurement, recorded in {@link EpochResult#evaluation()}
 */
@FunctionalInterface
public interface EpochEvaluation<E> {
  /**
   * Measures the model after epoch {@code epoch}.
   *
   * @param epoch 1-based
   */
  E evaluate(int epoch);
}
