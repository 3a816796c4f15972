package org.kernelnet.apps.embed;

import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.inject.FamilyModule;
import org.kernelnet.apps.inject.ComponentSpecs;
import org.kernelnet.apps.mnist.data.DataDirectoryMnist;
import org.kernelnet.apps.mnist.data.MnistSource;

/**
 * The module of the embeddings family ({@code kernelnet embed mnist}): the collaborators of its
 * application, each of which a test or an extension may replace ({@code Modules.override}):
 *
 * <ul>
 *   <li>{@link MnistSource}: the images, from the data directory (downloaded if missing);
 *   <li>{@link EmbeddingNetwork}: the network of the configured architecture around the
 *       embedding layer's {@link Kernel}, resolved from the registry, so plugin kernels work (a bad
 *       specification is a configuration error);
 *   <li>the {@link EmbedTrainer}: {@link AdamEmbedTrainer}, checkpointed after every epoch;
 *   <li>the reporters of the {@link EmbedResults}, in this order: {@link EmbedSummary} prints
 *       them, {@link EmbedFiles} writes the maps (drawn by {@link MapPlots}), the test points and
 *       {@code results.json} and lists them (another module adds to the set: {@code
 *       Multibinder.newSetBinder(binder, reporterType(EmbedResults.class))});
 *   <li>the progress log ({@link FamilyModule}): throttled lines at most every 15 s.
 * </ul>
 *
 * The registry, device and terminal come from {@link org.kernelnet.apps.inject.CoreModule}, the
 * run folder's {@code ResultsWriter} from {@link org.kernelnet.apps.inject.ApplicationRunner}.
 */
public final class EmbedModule extends FamilyModule {
  /** Progress lines at most every 15 s. */
  public EmbedModule() {
    super(Duration.ofSeconds(15));
  }

  @Override
  protected void bindCollaborators() {
    bind(MnistSource.class).to(DataDirectoryMnist.class).in(Singleton.class);
    bind(MapPlots.class);
    bind(EmbedTrainer.class).to(AdamEmbedTrainer.class);
    reporters(EmbedResults.class).addBinding().to(EmbedSummary.class);
    reporters(EmbedResults.class).addBinding().to(EmbedFiles.class);
  }

  @Provides
  @Singleton
  Kernel kernel(EmbedConfig config, KernelnetRegistry registry) {
    return ComponentSpecs.kernel(registry, "--kernel", config.kernel());
  }

  @Provides
  EmbeddingNetwork network(EmbedConfig config, Kernel kernel) {
    return new EmbeddingNetwork(config.architecture(), kernel);
  }
}
