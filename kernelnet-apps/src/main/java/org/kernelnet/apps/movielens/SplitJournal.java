package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.movielens.report.MovieLensResults;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.report.RunJournal;

/**
 * The splits a {@code movielens} run has finished, one line each in {@value #FILE} in its run
 * folder ({@link RunJournal}), appended as each split ends (after the first split's model is
 * saved). A run resumed with {@code --resume} reads them back and trains only the others. Every
 * split starts from its own seed ({@code Engine.setRandomSeed} of the split's seed, the batch
 * order of Adam from a new generator), so it trains alike whether or not the splits before it ran
 * in the same process: a resumed run's results equal an uninterrupted run's, times and memory
 * apart. The file stays in the folder when the run ends, as the record of each split.
 */
public final class SplitJournal {
  /** The file in the run folder. */
  public static final String FILE = "splits.jsonl";

  /**
   * What every split of the run shares besides the settings (checked by {@code RecordedSettings}).
   *
   * @param ratingsSha256 the checksum of the ratings file
   */
  record Setup(String ratingsSha256) {}

  /**
   * A finished split.
   *
   * @param model the row's label
   * @param result the split's results
   * @param freeParameters the trained network's free parameters
   * @param denseEquivalentParameters the same network's parameters with dense layers
   * @param savedModel the saved model (absolute) for the first split, else null
   */
  record Entry(String model, MovieLensResults.Split result, long freeParameters,
      long denseEquivalentParameters, String savedModel) {
    Entry {
      requireNonNull(model, "model is null");
      requireNonNull(result, "result is null");
    }
  }

  private final RunJournal<Setup, Entry> journal;

  private SplitJournal(RunJournal<Setup, Entry> journal) {
    this.journal = journal;
  }

  /**
   * The journal of the run writing through {@code writer}: read back if the run resumes another,
   * else new ({@link RunJournal#inRunFolder}).
   *
   * @throws ConfigurationException if the recorded splits are of other ratings
   */
  static SplitJournal open(ResultsWriter writer, String ratingsSha256) {
    return new SplitJournal(
        RunJournal.inRunFolder(writer, FILE, new Setup(ratingsSha256), Entry.class));
  }

  /** The recorded result of split {@code split} (from 1) of the row {@code model}, if any. */
  Optional<Entry> finished(String model, int split) {
    return journal.find(e -> e.model().equals(model) && e.result().split() == split);
  }

  /** The number of splits read back when the journal was opened and recorded since. */
  int size() {
    return journal.runs().size();
  }

  /** Appends a finished split. */
  void record(Entry entry) {
    journal.append(entry);
  }
}
