package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Batches over the indices {@code 0 .. n-1}, assembled from Java arrays one batch at a time. Each
 * epoch first shuffles the order left by the previous epoch (Fisher-Yates: for {@code i = n-1 ..
 * 1}, swap {@code i} with {@code random.nextInt(i + 1)}), then serves it in consecutive slices of
 * {@code batchSize} (the last may be smaller), each assembled when the loop asks for it, in a new
 * sub-manager of the trainer's manager.
 */
public final class ShuffledBatches implements EpochBatches {
  /** Builds one batch's arrays. */
  @FunctionalInterface
  public interface Assembler {
    /**
     * The inputs and labels of the examples {@code indices}, in that order.
     *
     * @param scope the batch's manager, where its arrays must live
     * @param indices a slice of the epoch's order
     */
    Contents assemble(NDManager scope, int[] indices);
  }

  /**
   * One batch's arrays.
   *
   * @param data the inputs
   * @param labels the labels, empty if there are none
   */
  public record Contents(NDList data, NDList labels) {
    /** Checks that neither is null. */
    public Contents {
      requireNonNull(data, "data is null");
      requireNonNull(labels, "labels is null");
    }
  }

  private final int[] order;
  private final int batchSize;
  private final Random random;
  private final Assembler assembler;

  /**
   * @param size the number of examples {@code n}, {@code >= 1}
   * @param batchSize examples per batch, {@code >= 1}
   * @param random the generator of the shuffles; an assembler may draw from it too
   * @param assembler builds each batch
   */
  public ShuffledBatches(int size, int batchSize, Random random, Assembler assembler) {
    if (size < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "size and batchSize must be >= 1, got " + size + " and " + batchSize);
    }
    this.order = new int[size];
    Arrays.setAll(order, i -> i);
    this.batchSize = batchSize;
    this.random = requireNonNull(random, "random is null");
    this.assembler = requireNonNull(assembler, "assembler is null");
  }

  @Override
  public int steps() {
    return (order.length + batchSize - 1) / batchSize;
  }

  @Override
  public Iterable<Batch> batches(Trainer trainer, int epoch) {
    requireNonNull(trainer, "trainer is null");
    shuffle();
    Iterator<Batch> iterator = new Iterator<>() {
      private int from;

      @Override
      public boolean hasNext() {
        return from < order.length;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("epoch " + epoch + " has no batch after " + from);
        }
        int to = Math.min(order.length, from + batchSize);
        int[] indices = Arrays.copyOfRange(order, from, to);
        NDManager scope = trainer.getManager().newSubManager();
        Contents contents;
        try {
          contents = assembler.assemble(scope, indices);
        } catch (RuntimeException e) {
          scope.close();
          throw e;
        }
        from = to;
        return new Batch(scope, contents.data(), contents.labels(), indices.length,
            Batchifier.STACK, Batchifier.STACK, to, order.length);
      }
    };
    return () -> iterator;
  }

  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
