package org.kernelnet.apps.movielens;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.inject.Application;
import org.kernelnet.apps.movielens.data.SyntheticRatings;

/**
 * Writes synthetic ratings ({@link SyntheticRatings}: random ratings, no structure to learn) where
 * the data set's ratings file belongs in the data folder, so that the other {@code movielens}
 * commands load it like the real file: for measuring memory and time at a size whose real data is
 * not at hand (ML-10M). Refuses to replace an existing ratings file.
 */
final class GenerateApp implements Application {
  private final GenerateConfig config;
  private final DataDirectory dataDir;
  private final Terminal terminal;

  @Inject
  GenerateApp(GenerateConfig config, DataDirectory dataDir, Terminal terminal) {
    this.config = config;
    this.dataDir = dataDir;
    this.terminal = terminal;
  }

  @Override
  public void run() throws Exception {
    Optional<Path> present = config.dataset().find(dataDir);
    if (present.isPresent()) {
      throw new ConfigurationException(List.of(config.dataset().label()
          + " ratings already exist at " + present.get() + "; generate into another --data-dir"));
    }
    Path file = dataDir.path(config.dataset().downloadTarget());
    Files.createDirectories(file.getParent());
    long start = System.nanoTime();
    SyntheticRatings.Summary summary = SyntheticRatings.builder()
        .setUsers(config.users()).setItems(config.items()).setRatings(config.ratings())
        .optScale(config.dataset().scale()).optSeparator(config.dataset().separator())
        .optSeed(config.seed()).build().write(file);
    PrintWriter out = terminal.out();
    out.printf(Locale.ROOT, "Wrote %,d synthetic %s-format ratings (%,d users x %,d items, mean"
            + " %.3f) to %s in %.1f s%n", summary.ratings(), config.dataset().label(),
        summary.activeUsers(), summary.activeItems(), summary.mean(), file,
        (System.nanoTime() - start) / 1e9);
    out.printf("Use it with --data-dir %s --dataset %s%n", dataDir.root(),
        MovieLensConfig.datasetId(config.dataset()));
    out.flush();
  }
}
