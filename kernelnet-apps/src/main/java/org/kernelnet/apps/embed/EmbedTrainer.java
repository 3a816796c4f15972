package org.kernelnet.apps.embed;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.List;
import org.kernelnet.apps.mnist.data.MnistSet;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.train.EpochEvaluation;
import org.kernelnet.apps.train.EpochResult;

/**
 * Trains the {@link EmbeddingNetwork} of {@code embed mnist}: the embeddings family's trainer,
 * bound in {@link EmbedModule} to {@link AdamEmbedTrainer} and replaceable there ({@code
 * Modules.override}). The settings of the run come with each call. Training comes in two steps,
 * as DJL's own trainer does, so that the application can measure the initialised network before
 * it is trained: {@link #begin} initialises the parameters, {@link Training#fit} trains them.
 */
@FunctionalInterface
public interface EmbedTrainer {
  /**
   * Begins training {@code network} inside {@code model}: the network's block becomes the model's
   * and its parameters are initialised (from the engine's generator); nothing is trained yet.
   *
   * @param model a fresh model on the training device
   * @param network the network to train
   * @param config the run's settings: objective, epochs, batch size, learning rate, seed, and the
   *     k of the map score (for progress lines)
   * @param log progress lines
   */
  Training begin(Model model, EmbeddingNetwork network, EmbedConfig config, ProgressLog log);

  /** A training begun by {@link #begin}; closing it ends the training (DJL's trainer). */
  interface Training extends AutoCloseable {
    /**
     * Trains the network's parameters for the epochs not yet run, each followed by {@code
     * evaluation}; a trainer that checkpoints continues from its checkpoint when the run resumes
     * another.
     *
     * @param train the training examples
     * @param evaluation what is measured on the network after each epoch
     * @return every completed epoch of the run, resumed ones included
     * @throws IOException if a checkpoint cannot be read or a dataset fails
     * @throws TranslateException if a dataset's batch cannot be made
     */
    List<EpochResult<ValidationScores>> fit(MnistSet train,
        EpochEvaluation<ValidationScores> evaluation) throws IOException, TranslateException;

    @Override
    void close();
  }
}
