package org.kernelnet.apps.mnist;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.mnist.data.DataDirectoryMnist;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.report.ProgressLog;

/**
 * The module of the MNIST family ({@code mnist grid-prior}, {@code dimensionality}, {@code
 * predict-params}, {@code benchmark}): the collaborators its applications share, each of which a
 * test or an extension may replace ({@code Modules.override}):
 *
 * <ul>
 *   <li>{@link MnistSource}: the images, from the data directory; a missing file is downloaded
 *       and its published checksums verified;
 *   <li>{@link ProgressLog}: progress on standard error, throttled lines at most every 10 s.
 * </ul>
 *
 * The registry, terminal and device come from {@link org.kernelnet.apps.inject.CoreModule}, the run
 * folder's {@code ResultsWriter} from {@link org.kernelnet.apps.inject.ApplicationRunner}.
 */
public final class MnistModule extends AbstractModule {
  /** The least time between two throttled progress lines. */
  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    bind(MnistSource.class).to(DataDirectoryMnist.class).in(Singleton.class);
  }

  @Provides
  ProgressLog progress(Terminal terminal) {
    return new ProgressLog(terminal.err(), PROGRESS_INTERVAL);
  }
}
