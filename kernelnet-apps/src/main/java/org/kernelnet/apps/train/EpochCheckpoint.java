package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.util.Pair;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.djl.optim.ParameterAverage;
import org.kernelnet.djl.optim.ResumableAdam;

/**
 * Makes one training run of the {@link EpochTraining} loop resumable from its last completed
 * epoch: a listener whose {@link #onEpoch} writes the full training state into one {@link
 * Checkpoint} file in the run folder (atomically, replacing the previous epoch's), and {@link
 * #begin}, which puts that state back when the run resumes another.
 *
 * <p>The state is what the next epoch depends on: the block's parameters, the {@link
 * ResumableAdam}'s moments and update counts, the {@link ParameterAverage}'s averages (if any),
 * the {@link TrainingProgress} (completed epochs, training time, stop reason), the {@link
 * BestEpoch} (if any: best epoch, score and parameters), the {@link ShuffledBatches}' order and
 * {@link RestorableRandom} (if the loop's batches are those) and the random generators.
 * PyTorch's generator state cannot be read through DJL, so the generators are not saved but
 * reseeded: at the end of epoch {@code k} (and when resuming after it) {@code
 * Engine.setRandomSeed} gets a seed derived from the run's seed and {@code k + 1} ({@link
 * #epochSeed}), which sets both PyTorch's generator (dropout, noise) and DJL's {@code
 * RandomUtils} (the samplers' batch order). The first epoch runs on the generators as the caller
 * left them. An uninterrupted run and a run resumed after any epoch therefore train alike.
 *
 * <p>The checkpoint carries a key naming the run it belongs to (e.g. a variant of a study); a
 * file with another key, from an earlier training in the same folder, is ignored and replaced.
 * The file stays in the run folder when training ends: it holds the last epoch's parameters and
 * optimiser state (about three times the parameters' size).
 *
 * @param <E> the type of each epoch's evaluation
 */
public final class EpochCheckpoint<E> extends TrainingListenerAdapter {
  private static final String PARAMETER = "parameter/";
  private static final String MEAN = "adam.mean/";
  private static final String VARIANCE = "adam.variance/";
  private static final String AVERAGE = "average/";
  private static final String BEST = "best/";

  private final ResultsWriter writer;
  private final String file;
  private final String key;
  private final long seed;
  private final Type epochsType;
  private Block block;
  private ResumableAdam adam;
  private ParameterAverage average;
  private TrainingProgress<E> progress;
  private BestEpoch<E> bestEpoch;
  private ShuffledBatches batches;

  /**
   * @param writer the run folder's writer
   * @param file the checkpoint's name in the run folder, e.g. {@code checkpoint.bin}
   * @param key the training the checkpoint belongs to, e.g. {@code variant grid}
   * @param seed the run's seed, from which each epoch's seed is derived
   * @param evaluation the type of each epoch's evaluation, for reading it back
   */
  public EpochCheckpoint(ResultsWriter writer, String file, String key, long seed,
      Class<E> evaluation) {
    this.writer = requireNonNull(writer, "writer is null");
    this.file = requireNonNull(file, "file is null");
    this.key = requireNonNull(key, "key is null");
    this.seed = seed;
    this.epochsType = TypeToken.getParameterized(List.class,
        TypeToken.getParameterized(EpochResult.class, requireNonNull(evaluation)).getType())
        .getType();
  }

  /** Also checkpoints the loop's early stop (call before {@link #begin}). */
  public EpochCheckpoint<E> optBestEpoch(BestEpoch<E> best) {
    this.bestEpoch = requireNonNull(best, "best is null");
    return this;
  }

  /**
   * Also checkpoints the loop's batches: their order and generator, which must be a {@link
   * RestorableRandom} (call before {@link #begin}).
   */
  public EpochCheckpoint<E> optBatches(ShuffledBatches shuffled) {
    this.batches = requireNonNull(shuffled, "shuffled is null");
    return this;
  }

  /**
   * The seed of epoch {@code epoch} ({@code >= 2}) of a run with seed {@code seed}: a SplitMix64
   * mix of the two.
   */
  public static int epochSeed(long seed, int epoch) {
    return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * epoch)).nextInt();
  }

  /**
   * Takes the training state to checkpoint, and, when the run resumes another ({@link
   * ResultsWriter#resumesRun()}) and the checkpoint file has this key, puts the recorded state
   * back and reseeds the generators for the next epoch. Call it after the trainer has initialised
   * the block (and the average was made), before {@link EpochTraining#fit}.
   *
   * @param average the weight average, or null for none
   * @return the number of epochs restored, 0 for a run that starts from its first epoch
   * @throws IOException naming the file and the reason if the checkpoint cannot be read or does
   *     not fit this training
   */
  public int begin(Block block, ResumableAdam adam, ParameterAverage average,
      TrainingProgress<E> progress) throws IOException {
    this.block = requireNonNull(block, "block is null");
    this.adam = requireNonNull(adam, "adam is null");
    this.average = average;
    this.progress = requireNonNull(progress, "progress is null");
    Path path = writer.folder().resolve(file);
    if (!writer.resumesRun() || !Files.exists(path)) {
      return 0;
    }
    Checkpoint checkpoint = Checkpoint.read(path);
    try {
      JsonObject state = ResultsWriter.gson().fromJson(checkpoint.json(), JsonObject.class);
      if (!key.equals(state.get("key").getAsString())) {
        return 0; // an earlier training's checkpoint
      }
      restore(checkpoint, state);
    } catch (JsonParseException | IllegalArgumentException | IllegalStateException
        | NullPointerException e) {
      throw new IOException("cannot resume from the checkpoint " + path + ": " + e.getMessage(),
          e);
    }
    if (!progress.finished()) {
      Engine.getInstance().setRandomSeed(epochSeed(seed, progress.epoch() + 1));
    }
    return progress.epoch();
  }

  private void restore(Checkpoint checkpoint, JsonObject state) {
    List<EpochResult<E>> epochs = ResultsWriter.gson().fromJson(state.get("epochs"), epochsType);
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, float[]> means = new LinkedHashMap<>();
    Map<String, float[]> variances = new LinkedHashMap<>();
    state.getAsJsonObject("updateCounts").entrySet()
        .forEach(e -> counts.put(e.getKey(), e.getValue().getAsInt()));
    for (Pair<String, Parameter> entry : block.getParameters()) {
      String name = entry.getKey();
      entry.getValue().getArray().set(checkpoint.array(PARAMETER + name));
      if (counts.containsKey(name)) {
        means.put(name, checkpoint.array(MEAN + name));
        variances.put(name, checkpoint.array(VARIANCE + name));
      }
    }
    adam.restore(block, new ResumableAdam.State(state.get("updates").getAsInt(), counts, means,
        variances));
    boolean averaged = state.has("averageUpdates") && !state.get("averageUpdates").isJsonNull();
    if (averaged != (average != null)) {
      throw new IllegalArgumentException("the checkpoint was made "
          + (averaged ? "with" : "without") + " a weight average, this training runs "
          + (average != null ? "with" : "without"));
    }
    if (average != null) {
      List<float[]> averages = new ArrayList<>();
      for (int i = 0; checkpoint.arrays().containsKey(AVERAGE + i); i++) {
        averages.add(checkpoint.array(AVERAGE + i));
      }
      average.restore(new ParameterAverage.State(state.get("averageUpdates").getAsLong(),
          averages));
    }
    if (bestEpoch != null) {
      Map<String, float[]> best = null;
      if (state.get("bestEpoch").getAsInt() > 0) {
        best = new LinkedHashMap<>();
        for (Pair<String, Parameter> entry : block.getParameters()) {
          best.put(entry.getKey(), checkpoint.array(BEST + entry.getKey()));
        }
      }
      bestEpoch.continueFrom(state.get("bestEpoch").getAsInt(),
          state.get("bestScore").getAsDouble(), best);
    }
    if (batches != null) {
      int[] order = ResultsWriter.gson().fromJson(state.get("order"), int[].class);
      batches.restore(new ShuffledBatches.Saved(order, ResultsWriter.gson().fromJson(
          state.get("random"), RestorableRandom.State.class)));
    }
    progress.restore(epochs, state.get("trainingNanos").getAsLong(),
        state.get("stopReason").isJsonNull() ? null : state.get("stopReason").getAsString());
  }

  /**
   * Writes the state at the end of the epoch just completed, then reseeds the generators for the
   * next one.
   *
   * @throws IllegalStateException if {@link #begin} was not called
   * @throws UncheckedIOException naming the file and the reason if it cannot be written
   */
  @Override
  public void onEpoch(Trainer trainer) {
    if (progress == null) {
      throw new IllegalStateException("EpochCheckpoint.begin was not called before training");
    }
    ResumableAdam.State optimiser = adam.state(block);
    Map<String, float[]> arrays = new LinkedHashMap<>();
    for (Pair<String, Parameter> entry : block.getParameters()) {
      arrays.put(PARAMETER + entry.getKey(), entry.getValue().getArray().toFloatArray());
    }
    optimiser.means().forEach((name, values) -> arrays.put(MEAN + name, values));
    optimiser.variances().forEach((name, values) -> arrays.put(VARIANCE + name, values));
    JsonObject state = new JsonObject();
    state.addProperty("key", key);
    state.add("epochs", ResultsWriter.gson().toJsonTree(progress.history(), epochsType));
    state.addProperty("trainingNanos", progress.trainingNanos());
    state.addProperty("stopReason", progress.stopReason().orElse(null));
    state.addProperty("updates", optimiser.updates());
    state.add("updateCounts", ResultsWriter.gson().toJsonTree(optimiser.updateCounts()));
    if (average != null) {
      ParameterAverage.State averaged = average.state();
      state.addProperty("averageUpdates", averaged.updates());
      for (int i = 0; i < averaged.averages().size(); i++) {
        arrays.put(AVERAGE + i, averaged.averages().get(i));
      }
    }
    if (bestEpoch != null) {
      state.addProperty("bestEpoch", bestEpoch.epoch());
      state.addProperty("bestScore", bestEpoch.score());
      if (bestEpoch.parameters() != null) {
        bestEpoch.parameters().forEach((name, values) -> arrays.put(BEST + name, values));
      }
    }
    if (batches != null) {
      ShuffledBatches.Saved saved = batches.saved();
      state.add("order", ResultsWriter.gson().toJsonTree(saved.order()));
      state.add("random", ResultsWriter.gson().toJsonTree(saved.random()));
    }
    Checkpoint checkpoint = new Checkpoint(ResultsWriter.gson().toJson(state), arrays);
    writer.write(file, checkpoint::writeTo);
    if (!progress.finished()) {
      Engine.getInstance().setRandomSeed(epochSeed(seed, progress.epoch() + 1));
    }
  }
}
