package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;

/**
 * The training batches of each epoch. The loop asks once per epoch, in order, and closes every
 * batch after its step.
 */
public interface EpochBatches {
  /** The number of batches (optimiser steps) of every epoch, {@code >= 1}. */
  int steps();

  /**
   * The batches of epoch {@code epoch}, to be iterated once; each batch's arrays live in its own
   * manager ({@link Batch#getManager()}).
   *
   * @param trainer the trainer the batches are for; its manager may parent theirs
   * @param epoch 1-based
   */
  Iterable<Batch> batches(Trainer trainer, int epoch) throws IOException, TranslateException;

  /**
   * The batches of a DJL dataset through {@link Trainer#iterateDataset}, in the order of its
   * sampler (a shuffling sampler draws a new order every epoch).
   *
   * @param dataset the dataset, sampled in batches of {@code batchSize} with the last batch kept
   * @param batchSize the sampler's batch size, {@code >= 1}
   */
  static EpochBatches of(RandomAccessDataset dataset, int batchSize) {
    requireNonNull(dataset, "dataset is null");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    int steps = Math.toIntExact((dataset.size() + batchSize - 1) / batchSize);
    return new EpochBatches() {
      @Override
      public int steps() {
        return steps;
      }

      @Override
      public Iterable<Batch> batches(Trainer trainer, int epoch)
          throws IOException, TranslateException {
        return trainer.iterateDataset(dataset);
      }
    };
  }
}
