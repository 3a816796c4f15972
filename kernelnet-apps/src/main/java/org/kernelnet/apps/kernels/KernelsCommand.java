package org.kernelnet.apps.kernels;

import org.kernelnet.apps.inject.ApplicationCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kernelnet kernels}: the options of the listing; the work is done by {@link KernelsApp}. */
@Command(
    name = "kernels",
    description = "Lists every kernel and sparsity regulariser, built-in and from plugins, with its"
        + " settings, the properties of its default instance and the plugin and jar it came from.")
public final class KernelsCommand extends ApplicationCommand<KernelsConfig> {
  @Option(names = "--json", description = "Write one JSON document instead of aligned text.")
  private boolean json;

  /** Runs {@link KernelsApp} with the {@link KernelsModule}. */
  public KernelsCommand() {
    super(new KernelsModule(), KernelsApp.class);
  }

  @Override
  protected KernelsConfig toConfig() {
    return new KernelsConfig(json ? KernelsConfig.Format.JSON : KernelsConfig.Format.TEXT);
  }
}
