package org.kernelnet.apps.embed;

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
}
