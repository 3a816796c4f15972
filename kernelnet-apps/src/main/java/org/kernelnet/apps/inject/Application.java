package org.kernelnet.apps.inject;

/**
 * One kernelnet application (the work behind a command), built by Guice from its module and its
 * configuration record and run once by {@link ApplicationRunner}.
 */
public interface Application {
  /**
   * Does the work, writing results through the injected reporters.
   *
   * @throws Exception for a runtime failure; a {@link org.kernelnet.apps.cli.ConfigurationException}
   *     for a configuration problem found only now
   */
  void run() throws Exception;
}
