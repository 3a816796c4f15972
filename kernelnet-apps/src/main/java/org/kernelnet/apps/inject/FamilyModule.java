package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Types;
import java.time.Duration;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.ProgressLog;
import org.kernelnet.apps.report.Reporter;

/**
 * The base of the module of an application family: explicit bindings only ({@code
 * requireExplicitBindings}), the collaborators the subclass binds in {@link #bindCollaborators()}
 * and its {@code @Provides} methods, the sets of {@link Reporter}s of its results ({@link
 * #reporters}), and the family's {@link ProgressLog} on standard error.
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

  /**
   * The set of reporters of {@code results}, which an application injects as {@code
   * Set<Reporter<R>>}; {@code reporters(R.class).addBinding().to(...)} adds one. Another module
   * (a test's, an extension's) adds to the same set through {@code Multibinder.newSetBinder(binder,
   * reporterType(R.class))}.
   */
  protected final <R> Multibinder<Reporter<R>> reporters(Class<R> results) {
    return Multibinder.newSetBinder(binder(), reporterType(results));
  }

  /** The Guice type {@code Reporter<R>}. */
  @SuppressWarnings("unchecked") // Types builds exactly Reporter<R>
  public static <R> TypeLiteral<Reporter<R>> reporterType(Class<R> results) {
    return (TypeLiteral<Reporter<R>>) TypeLiteral.get(
        Types.newParameterizedType(Reporter.class, results));
  }

  /** A new progress log for each application (its clock starts when the application is made). */
  @Provides
  ProgressLog progress(Terminal terminal) {
    return new ProgressLog(terminal.err(), progressInterval);
  }
}
