package org.kernelnet.apps.movielens.train;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the autoencoder is trained. The iteration count means L-BFGS iterations (accepted steps), RPROP
 * full-batch steps, or Adam epochs over the items.
 */
public enum OptimizerKind {
  /**
   * Full-batch L-BFGS ({@code org.kernelnet.djl.optim.Lbfgs}, history 10) in rounds of {@code
   * eval-every} iterations, the history restarting each round as in the authors' code (scipy
   * L-BFGS-B called repeatedly with {@code maxiter = 50}).
   */
  LBFGS("lbfgs"),
  /** Full-batch iRprop- ({@code org.kernelnet.djl.optim.Rprop}) through a DJL trainer. */
  RPROP("rprop"),
  /** DJL's Adam on shuffled mini-batches of items. */
  ADAM("adam");

  private final String id;

  OptimizerKind(String id) {
    this.id = id;
  }

  /** The command-line name. */
  public String id() {
    return id;
  }

  /** The kind named {@code id}, if any. */
  public static Optional<OptimizerKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  /** The valid names, comma separated. */
  public static String ids() {
    return Arrays.stream(values()).map(OptimizerKind::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
