package org.kernelnet.djl.optim;

/** Receives one {@link LbfgsProgress} after every accepted L-BFGS step; for logging and plots. */
@FunctionalInterface
public interface LbfgsListener {
  /** Called on the optimiser's thread after iteration {@code progress.iteration()} is complete. */
  void onIteration(LbfgsProgress progress);
}
