package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Module;

/**
 * What one command runs: its application class, the configuration record it was given, and the
 * module of its family, which binds the collaborators the family's applications share (data
 * source, model factory, trainer, reporters). The record is bound under its own class, so an
 * application and its family's providers inject it as such; a test or an extension replaces a
 * collaborator by passing {@code Modules.override(family).with(...)} as the family.
 *
 * @param <C> the configuration record's type
 */
public final class ApplicationModule<C extends Record> extends AbstractModule {
  private final Module family;
  private final C config;
  private final Class<? extends Application> application;

  private ApplicationModule(Module family, C config, Class<? extends Application> application) {
    this.family = requireNonNull(family, "family is null");
    this.config = requireNonNull(config, "config is null");
    this.application = requireNonNull(application, "application is null");
  }

  /**
   * @param family the module of the application's family
   * @param config the validated configuration record
   * @param application the application to run
   */
  public static <C extends Record> ApplicationModule<C> of(
      Module family, C config, Class<? extends Application> application) {
    return new ApplicationModule<>(family, config, application);
  }

  /** The application to run. */
  public Class<? extends Application> application() {
    return application;
  }

  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    install(family);
    bindConfig();
    bind(application);
  }

  @SuppressWarnings("unchecked") // a record class is final: its instance's class is C itself
  private void bindConfig() {
    bind((Class<C>) config.getClass()).toInstance(config);
  }
}
