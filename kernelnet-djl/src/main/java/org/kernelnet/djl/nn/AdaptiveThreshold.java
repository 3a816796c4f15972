package org.kernelnet.djl.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.kernelnet.api.Scalars;
import org.kernelnet.djl.nn.internal.Formats;

/**
 * The non-linearity of the 2-D embedding layers (Eq. 9 of Mueller et al. 2018), which keeps only the
 * top of each activation vector:
 *
 * <pre>f(x) = max(0, x - (eta * max(x) + (1 - eta) * mean(x)))</pre>
 *
 * <p>with max and mean over the feature axis of each example: input and output {@code [B, n]}.
 * {@code eta = 0} thresholds at the mean; {@code eta = 1} thresholds at the maximum, so every
 * output is zero. The block has no parameters; it saves eta and refuses to load a different one.
 */
public final class AdaptiveThreshold extends AbstractBlock {
  private static final byte VERSION = 1;

  private final double eta;

  private AdaptiveThreshold(double eta) {
    super(VERSION);
    this.eta = checkEta(eta);
  }

  /**
   * The block applying {@link #apply(NDArray, double)}.
   *
   * @param eta in {@code [0, 1]}
   */
  public static AdaptiveThreshold of(double eta) {
    return new AdaptiveThreshold(eta);
  }

  /** The mixing factor eta. */
  public double getEta() {
    return eta;
  }

  /**
   * Eq. 9 on activations {@code x [B, n]} (any rank works: max and mean run over the last axis).
   *
   * @param eta in {@code [0, 1]}
   * @return same shape as x, on x's manager; differentiable
   */
  public static NDArray apply(NDArray x, double eta) {
    checkEta(eta);
    NDArray max = x.max(new int[] {-1}, true);
    NDArray mean = x.mean(new int[] {-1}, true);
    NDArray threshold = max.mul(Scalars.like(max, eta)).add(mean.mul(Scalars.like(mean, 1 - eta)));
    NDArray shifted = x.sub(threshold);
    return shifted.maximum(Scalars.like(shifted, 0));
  }

  private static double checkEta(double eta) {
    if (!(eta >= 0 && eta <= 1)) {
      throw new IllegalArgumentException("eta must be in [0, 1], got " + eta);
    }
    return eta;
  }

  /** {@inheritDoc} */
  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    return new NDList(apply(inputs.singletonOrThrow(), eta));
  }

  /** {@inheritDoc} */
  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void saveMetadata(DataOutputStream os) throws IOException {
    saveInputShapes(os);
    os.writeDouble(eta);
  }

  @Override
  public void loadMetadata(byte loadVersion, DataInputStream is)
      throws IOException, MalformedModelException {
    Formats.checkVersion("AdaptiveThreshold", version, loadVersion);
    readInputShapes(is);
    Formats.checkSame("AdaptiveThreshold", "eta", eta, is.readDouble());
  }

  @Override
  public String toString() {
    return "AdaptiveThreshold(eta=" + eta + ")";
  }
}
