package org.kernelnet.apps.movielens;

import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.inject.FamilyModule;
import org.kernelnet.apps.movielens.data.DataDirectoryRatings;
import org.kernelnet.apps.movielens.data.RatingsSource;
import org.kernelnet.apps.movielens.model.AutoencoderFactory;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.report.MovieLensBenchmarkFile;
import org.kernelnet.apps.movielens.report.MovieLensBenchmarkResults;
import org.kernelnet.apps.movielens.report.MovieLensBenchmarkTable;
import org.kernelnet.apps.movielens.report.MovieLensFiles;
import org.kernelnet.apps.movielens.report.MovieLensResults;
import org.kernelnet.apps.movielens.report.MovieLensTables;
import org.kernelnet.apps.movielens.train.AutoencoderTrainer;
import org.kernelnet.apps.movielens.train.GlocalKTrainer;
import org.kernelnet.apps.movielens.train.LbfgsGlocalKTrainer;
import org.kernelnet.apps.movielens.train.OptimizerTrainer;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * The module of the MovieLens family ({@code movielens}, {@code movielens benchmark}, {@code
 * movielens generate}, {@code recommend}): the collaborators its applications share, each of which
 * a test or an extension may replace ({@code Modules.override}) or, for reporters, add to
 * ({@code Multibinder}):
 *
 * <ul>
 *   <li>{@link RatingsSource}: the data sets' ratings and titles, from the data directory; a
 *       missing ratings file is downloaded from GroupLens and its published checksums verified;
 *   <li>{@link AutoencoderFactory}: new autoencoders, their kernels from the registry;
 *   <li>{@link AutoencoderTrainer.Factory}: the trainer of each autoencoder of {@code movielens},
 *       made from the run's {@code TrainingSettings}: an {@link OptimizerTrainer};
 *   <li>{@link GlocalKTrainer.Factory}: the trainer of each {@code glocal-k} row, made from its
 *       settings: an {@link LbfgsGlocalKTrainer};
 *   <li>the reporters of {@link MovieLensResults} ({@code movielens}): {@link MovieLensTables}
 *       prints Tables 3 and 4, then {@link MovieLensFiles} writes {@code results.json}, {@code
 *       splits.csv} and {@code summary.csv} and lists the files;
 *   <li>the reporters of {@link MovieLensBenchmarkResults} ({@code movielens benchmark}): {@link
 *       MovieLensBenchmarkTable} prints the timings, then {@link MovieLensBenchmarkFile} writes
 *       {@code benchmark.json};
 *   <li>the progress log ({@link FamilyModule}): throttled lines at most every 10 s.
 * </ul>
 *
 * The registry, data directory, downloader, terminal and device come from {@link
 * org.kernelnet.apps.inject.CoreModule}, the run folder's {@code ResultsWriter} from {@link
 * org.kernelnet.apps.inject.ApplicationRunner}. Nothing bound here needs the device, which {@code
 * movielens generate} has not: the factories take it, and the trainer's settings, per call. Nor
 * does anything bound here need a run folder, which {@code generate} and {@code recommend} have
 * not: the file reporters take the {@code ResultsWriter} as optional, present for the commands
 * that report.
 */
public final class MovieLensModule extends FamilyModule {
  /** Progress lines at most every 10 s. */
  public MovieLensModule() {
    super(Duration.ofSeconds(10));
  }

  @Override
  protected void bindCollaborators() {
    OptionalBinder.newOptionalBinder(binder(), ResultsWriter.class);
    reporters(MovieLensResults.class).addBinding().to(MovieLensTables.class);
    reporters(MovieLensResults.class).addBinding().to(MovieLensFiles.class);
    reporters(MovieLensBenchmarkResults.class).addBinding().to(MovieLensBenchmarkTable.class);
    reporters(MovieLensBenchmarkResults.class).addBinding().to(MovieLensBenchmarkFile.class);
  }

  @Provides
  @Singleton
  RatingsSource ratings(DataDirectory dataDir, Downloader downloader, Terminal terminal) {
    return new DataDirectoryRatings(dataDir, downloader, terminal::warn);
  }

  @Provides
  @Singleton
  AutoencoderFactory autoencoders(KernelnetRegistry registry) {
    return (spec, users, device) -> ItemAutoencoder.create(spec, users, registry, device);
  }

  @Provides
  @Singleton
  AutoencoderTrainer.Factory trainers() {
    return OptimizerTrainer::new;
  }

  @Provides
  @Singleton
  GlocalKTrainer.Factory glocalKTrainers() {
    return LbfgsGlocalKTrainer::new;
  }
}
