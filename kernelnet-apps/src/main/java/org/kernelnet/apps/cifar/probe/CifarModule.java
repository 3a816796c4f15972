package org.kernelnet.apps.cifar.probe;

import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.inject.FamilyModule;
import org.kernelnet.apps.inject.ComponentSpecs;

/**
 * The module of the CIFAR family ({@code kernelnet cifar probe}): the collaborators of its
 * application, each of which a test may replace ({@code Modules.override}):
 *
 * <ul>
 *   <li>{@link FeatureCache}: the trunk features on disk, in {@code --cache DIR} (none with
 *       {@code --no-cache});
 *   <li>{@link KernelHead}s, one per cut, around the grid layer's {@link Kernel}, resolved from the
 *       registry so that plugin kernels work (a bad specification is a configuration error);
 *   <li>the {@link HeadTrainer}: {@link AdamHeadTrainer};
 *   <li>the reporters of the {@link ProbeResults}, in this order: {@link ProbeTable} prints Table
 *       2, {@link ProbeFiles} writes the result files and lists them (another module adds to the
 *       set: {@code Multibinder.newSetBinder(binder, reporterType(ProbeResults.class))});
 *   <li>the progress log ({@link FamilyModule}): throttled lines at most every 2 s.
 * </ul>
 *
 * The data directory, terminal and device come from {@link org.kernelnet.apps.inject.CoreModule},
 * the run folder's {@code ResultsWriter} from {@link org.kernelnet.apps.inject.ApplicationRunner}.
 */
public final class CifarModule extends FamilyModule {
  /** Progress lines at most every 2 s. */
  public CifarModule() {
    super(Duration.ofSeconds(2));
  }

  @Override
  protected void bindCollaborators() {
    bind(HeadTrainer.class).to(AdamHeadTrainer.class);
    reporters(ProbeResults.class).addBinding().to(ProbeTable.class);
    reporters(ProbeResults.class).addBinding().to(ProbeFiles.class);
  }

  @Provides
  @Singleton
  FeatureCache featureCache(ProbeConfig config) {
    return new FeatureCache(config.cache());
  }

  @Provides
  @Singleton
  Kernel kernel(ProbeConfig config, KernelnetRegistry registry) {
    return ComponentSpecs.kernel(registry, "--kernel", config.kernelSpec());
  }

  /** A new, untrained head for each cut of the trunk. */
  @Provides
  KernelHead head(ProbeConfig config, Kernel kernel) {
    return new KernelHead(config.hidden(), config.grid(), config.gridExtent(), kernel,
        config.eta(), config.dropout());
  }
}
