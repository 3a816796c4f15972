package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import java.time.Duration;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.ProgressLog;

/**
 * The base of the module of an application family: explicit bindings only ({@code
 * requireExplicitBindings}), the collaborators the subclass binds in {@link #bindCollaborators()}
 * and its {@code @Provides} methods, and the family's {@link ProgressLog} on standard error.
 */
public abstract class FamilyModule extends AbstractModule {
  private final Duration progressInterval;

  /** @param progressInterval the least time between two throttled progress lines */
  protected FamilyModule(Duration progressInterval) {
    this.progressInterval = requireNonNull(progressInterval, "progressInterval is null");
  }

  @Override
  protected final void configure() {
    binder().requireExplicitBindings();
    bindCollaborators();
  }

  /** Binds what the family's {@code @Provides} methods do not provide; nothing by default. */
  protected void bindCollaborators() {}

  /** A new progress log for each application (its clock starts when the application is made). */
  @Provides
  ProgressLog progress(Terminal terminal) {
    return new ProgressLog(terminal.err(), progressInterval);
  }
}
