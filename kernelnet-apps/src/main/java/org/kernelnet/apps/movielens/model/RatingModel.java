package org.kernelnet.apps.movielens.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A trained model of the rating matrix: from the known ratings {@code R [items, users]} (0 where
 * unrated) it predicts every pair. An {@link ItemAutoencoder} or {@link GlocalK}; what {@link
 * SavedModel} writes and reads and {@code kernelnet recommend} ranks with.
 */
public interface RatingModel extends AutoCloseable {
  /** The architecture and regularisation. */
  AutoencoderSpec spec();

  /** The columns of the rating matrix, i.e. users. */
  int users();

  /** The model whose manager holds the parameters (and takes the inputs' scopes). */
  Model model();

  /** The blocks whose parameters the model has, in the order {@link #saveParameters} writes. */
  List<Block> blocks();

  /**
   * The predictions {@code [items, users]} as a row-major array, computed without gradients.
   *
   * @param ratings the known ratings {@code R [items, users]}
   */
  float[] predict(NDArray ratings);

  /** Writes the parameters (and what else loading needs) after a saved model's header. */
  void saveParameters(DataOutputStream out) throws IOException;

  @Override
  void close();
}
