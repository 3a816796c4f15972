package org.kernelnet.apps.movielens;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kernelnet.apps.VersionProvider;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.SyntheticRatings;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * Writes synthetic ratings ({@link SyntheticRatings}: long-tailed activity and popularity,
 * low-rank-plus-noise values) where the data set's ratings file belongs in the data folder, so
 * that the other {@code movielens} commands load it like the real file: for measuring memory, time
 * and learning at a size whose real data is not at hand (ML-10M, ML-20M). Prints and writes to
 * {@code <file>.summary.json} what was written, with the RMSE of the global mean and of the
 * generating model's noiseless prediction. Refuses to replace an existing ratings file.
 */
public final class GenerateApp implements Application {
  private final GenerateConfig config;
  private final DataDirectory dataDir;
  private final Terminal terminal;

  @Inject
  GenerateApp(GenerateConfig config, DataDirectory dataDir, Terminal terminal) {
    this.config = config;
    this.dataDir = dataDir;
    this.terminal = terminal;
  }

  /**
   * The contents of {@code <file>.summary.json}.
   *
   * @param command {@code movielens generate}
   * @param kernelnet the kernelnet version
   * @param configuration the data set, sizes and seed
   * @param model the content model's parameters
   * @param file the ratings file written
   * @param seconds the time taken to draw and write it
   * @param summary what the file holds
   */
  record Report(String command, String kernelnet, GenerateConfig configuration,
      SyntheticRatings.Model model, Path file, double seconds, SyntheticRatings.Summary summary) {}

  @Override
  public void run() throws Exception {
    MovieLensDataset dataset = config.dataset();
    Optional<Path> present = dataset.find(dataDir);
    if (present.isPresent()) {
      throw new ConfigurationException(List.of(dataset.label() + " ratings already exist at "
          + present.get() + "; generate into another --data-dir"));
    }
    Path file = dataDir.path(dataset.downloadTarget());
    Files.createDirectories(file.getParent());
    long start = System.nanoTime();
    SyntheticRatings.Builder builder = SyntheticRatings.builder()
        .setUsers(config.users()).setItems(config.items()).setRatings(config.ratings())
        .optScale(dataset.scale()).optSeparator(dataset.separator()).optSeed(config.seed());
    dataset.header().ifPresent(builder::optHeader);
    SyntheticRatings.Summary s = builder.build().write(file);
    double seconds = (System.nanoTime() - start) / 1e9;
    Path json = new ResultsWriter(file.getParent()).writeJson(file.getFileName()
        + ".summary.json", new Report("movielens generate", VersionProvider.kernelnetVersion(),
            config, SyntheticRatings.MODEL, file, seconds, s));

    PrintWriter out = terminal.out();
    out.printf(Locale.ROOT, "Wrote %,d synthetic %s-format ratings to %s in %.1f s%n",
        s.ratings(), dataset.label(), file, seconds);
    out.printf(Locale.ROOT, "  users    %,d active; ratings per user min %,d, median %s, max %,d%n",
        s.activeUsers(), s.perUser().min(), median(s.perUser()), s.perUser().max());
    out.printf(Locale.ROOT, "  items    %,d active; ratings per item min %,d, median %s, max %,d%n",
        s.activeItems(), s.perItem().min(), median(s.perItem()), s.perItem().max());
    out.printf(Locale.ROOT, "  ratings  mean %.3f, std %.3f on the scale %s%n", s.mean(), s.std(),
        dataset.scale());
    out.printf(Locale.ROOT, "  RMSE     global mean %.4f; noiseless rank-%d generating model %.4f"
        + " (%.2f x)%n", s.globalMeanRmse(), SyntheticRatings.MODEL.rank(), s.modelRmse(),
        s.modelRmse() / s.globalMeanRmse());
    out.printf("Summary: %s%n", json);
    out.printf("Use it with --data-dir %s --dataset %s%n", dataDir.root(),
        MovieLensConfig.datasetId(dataset));
    out.flush();
  }

  /** A median as {@code 94} or {@code 94.5}. */
  private static String median(SyntheticRatings.Counts counts) {
    double m = counts.median();
    return m == Math.rint(m) ? String.format(Locale.ROOT, "%,d", (long) m)
        : String.format(Locale.ROOT, "%,.1f", m);
  }
}
