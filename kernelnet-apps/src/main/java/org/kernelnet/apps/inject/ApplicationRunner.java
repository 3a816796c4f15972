package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import java.util.Collection;
import java.util.Optional;
import org.kernelnet.apps.cli.Terminal;

/**
 * Runs one application: resolves the plugin folder, opens the plugin class loader, builds a
 * production-stage injector from {@link CoreModule} and the application's module, runs the
 * application and closes the plugin jars.
 *
 * <p>An exception thrown while the injector builds a binding (a {@code PluginLoadException}, a
 * {@code ConfigurationException}) is rethrown as itself rather than wrapped in Guice's exceptions,
 * so the launcher reports it as the user's error.
 */
public final class ApplicationRunner {
  private ApplicationRunner() {}

  /**
   * @param settings the parsed common options
   * @param terminal where output goes
   * @param appModule the application's module, binding {@code application} and its configuration
   * @param application the application type to run
   * @throws Exception whatever the application or the bindings threw
   */
  public static void run(
      CoreSettings settings, Terminal terminal, Module appModule, Class<? extends Application> application)
      throws Exception {
    requireNonNull(settings, "settings is null");
    requireNonNull(terminal, "terminal is null");
    requireNonNull(appModule, "appModule is null");
    requireNonNull(application, "application is null");
    Optional<PluginFolder> folder = PluginFolder.resolve(settings.plugins(), settings.environment());
    folder.ifPresent(f -> f.warnings().forEach(terminal::warn));
    try (PluginClassLoader plugins =
        PluginClassLoader.open(folder, ApplicationRunner.class.getClassLoader())) {
      Application app;
      try {
        Injector injector = Guice.createInjector(
            Stage.PRODUCTION, new CoreModule(settings, terminal, plugins), appModule);
        app = injector.getInstance(application);
      } catch (CreationException e) {
        throw unwrap(e, e.getErrorMessages());
      } catch (ProvisionException e) {
        throw unwrap(e, e.getErrorMessages());
      }
      app.run();
    }
  }

  /** The single exception a provider threw, else the Guice exception itself. */
  private static RuntimeException unwrap(RuntimeException guiceError, Collection<Message> messages) {
    if (messages.size() == 1) {
      Throwable cause = messages.iterator().next().getCause();
      if (cause instanceof RuntimeException runtime) {
        return runtime;
      }
    }
    return guiceError;
  }
}
