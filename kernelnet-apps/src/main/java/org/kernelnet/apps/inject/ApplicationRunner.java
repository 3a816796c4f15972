package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.util.Collection;
import org.kernelnet.apps.cli.ErrorReporter;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.ResultsWriter;
import org.kernelnet.apps.report.RunFolder;

/**
 * Runs one application: resolves the plugin folder, opens the plugin class loader, builds a
 * production-stage injector from {@link CoreModule} and the application's module, runs the
 * application and closes the plugin jars.
 *
 * <p>An exception thrown while the injector builds a binding (a {@code PluginLoadException}, a
 * {@code ConfigurationException}) is rethrown as itself rather than wrapped in Guice's exceptions,
 * so the launcher reports it as the user's error.
 *
 * <p>An application that writes results gets a {@link RunFolder}, opened first, before plugins,
 * engine and data, and bound as the {@link ResultsWriter} the application writes through; the run's
 * status record says complete when the application returns, failed with the reason the user is
 * told when anything throws.
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
    try (ConfiguredPlugins plugins = ConfiguredPlugins.open(settings.plugins(),
        settings.environment(), ApplicationRunner.class.getClassLoader())) {
      plugins.folder().ifPresent(f -> f.warnings().forEach(terminal::warn));
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

  /**
   * Runs an application that writes its results into a run folder.
   *
   * @param output the run folder to open
   * @throws org.kernelnet.apps.cli.ConfigurationException if the run folder cannot be opened
   * @throws Exception whatever the application or the bindings threw (recorded as the reason the
   *     run failed)
   */
  public static void run(CoreSettings settings, RunFolder.Request output, Terminal terminal,
      Module appModule, Class<? extends Application> application) throws Exception {
    requireNonNull(output, "output is null");
    requireNonNull(appModule, "appModule is null");
    try (RunFolder folder = RunFolder.open(output)) {
      terminal.err().println("kernelnet: run folder " + folder.path());
      terminal.err().flush();
      try {
        run(settings, terminal, Modules.combine(appModule,
            binder -> binder.bind(ResultsWriter.class).toInstance(folder.writer())), application);
        folder.complete();
      } catch (Exception | Error e) {
        try {
          folder.fail(ErrorReporter.describe(e));
        } catch (IOException | RuntimeException notRecorded) {
          terminal.warn("the failure could not be recorded in " + folder.path() + ": "
              + notRecorded.getMessage());
        }
        throw e;
      }
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
