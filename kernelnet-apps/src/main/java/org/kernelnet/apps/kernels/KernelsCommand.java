package org.kernelnet.apps.kernels;

import org.kernelnet.apps.inject.ApplicationCommand;
import org.kernelnet.apps.inject.ApplicationModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kernelnet kernels}: the options of the listing; the work is done by {@link KernelsApp}. */
@Command(
    name = "kernels",
    description = "Lists every kernel and sparsity regulariser, built-in and from plugins, with its"
        + " settings, the properties of its default instance and the plugin and jar it came from.")
public final class KernelsCommand extends ApplicationCommand {
  @Option(names = "--json", description = "Write one JSON document instead of aligned text.")
  private boolean json;

  @Override
  protected ApplicationModule<?> application() {
    return ApplicationModule.of(new KernelsModule(),
        new KernelsConfig(json ? KernelsConfig.Format.JSON : KernelsConfig.Format.TEXT),
        KernelsApp.class);
  }
}
