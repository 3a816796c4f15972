package org.kernelnet.apps.embed;

import ai.djl.training.loss.Loss;
import org.kernelnet.djl.loss.SigmoidCrossEntropy;
import org.kernelnet.djl.loss.SoftmaxCrossEntropy;

/** What the embedding network is trained to do. */
public enum Objective {
  /** 10-way softmax cross-entropy on the digit class. */
  CLASSIFIER,
  /** Reconstruct the 784 pixels, per-pixel sigmoid cross-entropy. */
  AUTOENCODER;

  /** The lower-case name used on the command line and in file names. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A new instance of the loss the network minimises: of the logits {@code [B, 10]} against the
   * class, or of the logits {@code [B, 784]} against the pixels.
   */
  public Loss loss() {
    return this == CLASSIFIER ? new SoftmaxCrossEntropy() : new SigmoidCrossEntropy();
  }
}
