package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;

/**
 * The loss of one training batch, computed inside the step's gradient collector: the loop
 * back-propagates {@link Output#loss()} and then takes the optimiser step.
 *
 * <p>{@code data} and {@code labels} are attached to the step's scope, a manager that closes when
 * the step ends; arrays the loss makes for the step belong there ({@code
 * data.head().getManager()}).
 */
@FunctionalInterface
public interface BatchLoss {
  /**
   * The batch's loss.
   *
   * @param trainer the trainer, whose {@link Trainer#forward(NDList)} runs the model in training
   *     mode
   * @param data the batch's inputs
   * @param labels the batch's labels (may be empty)
   */
  Output compute(Trainer trainer, NDList data, NDList labels);

  /**
   * What a batch's loss computed.
   *
   * @param loss the scalar to minimise, the mean over the batch
   * @param predictions the model's outputs for the batch, empty if the loss has none to show
   * @param targets what the predictions were compared with, empty likewise
   */
  record Output(NDArray loss, NDList predictions, NDList targets) {
    /** Checks that no part is null. */
    public Output {
      requireNonNull(loss, "loss is null");
      requireNonNull(predictions, "predictions is null");
      requireNonNull(targets, "targets is null");
    }

    /** A loss with no predictions and targets to show. */
    public static Output of(NDArray loss) {
      return new Output(loss, new NDList(), new NDList());
    }
  }

  /** The trainer's loss of the model's outputs against the labels: {@code L(y, f(x))}. */
  static BatchLoss supervised() {
    return (trainer, data, labels) -> {
      NDList predictions = trainer.forward(data);
      return new Output(trainer.getLoss().evaluate(labels, predictions), predictions, labels);
    };
  }

  /** The trainer's loss of the model's outputs against its inputs: {@code L(x, f(x))}. */
  static BatchLoss reconstruction() {
    return (trainer, data, labels) -> {
      NDList predictions = trainer.forward(data);
      return new Output(trainer.getLoss().evaluate(data, predictions), predictions, data);
    };
  }
}
