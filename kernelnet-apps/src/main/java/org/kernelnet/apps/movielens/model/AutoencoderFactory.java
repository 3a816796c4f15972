package org.kernelnet.apps.movielens.model;

import ai.djl.Device;

/**
 * Makes the item autoencoders that {@code movielens} trains and {@code movielens benchmark} times.
 * The MovieLens module binds {@link ItemAutoencoder#create} with the registry's kernels (plugins
 * included).
 */
@FunctionalInterface
public interface AutoencoderFactory {
  /**
   * A new, randomly initialised autoencoder (seed DJL's engine first for reproducible values).
   *
   * @param spec the architecture
   * @param users the number of users, i.e. input and output width
   * @param device where the parameters live
   * @throws IllegalArgumentException for an unknown kernel or bad kernel settings
   */
  ItemAutoencoder create(AutoencoderSpec spec, int users, Device device);
}
