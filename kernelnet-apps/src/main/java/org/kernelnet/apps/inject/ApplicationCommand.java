package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import com.google.inject.Module;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.DeviceOption;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.OutputOptions;
import org.kernelnet.apps.cli.RootCommand;
import org.kernelnet.apps.cli.Terminal;
import org.kernelnet.apps.report.RunFolder;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every command that runs an application. A subclass holds its options, names in its
 * constructor the module of its family and the application it runs, and builds in {@link
 * #toConfig()} the validated configuration record; this class does the rest, the same for every
 * command:
 *
 * <ul>
 *   <li>the {@link CommonOptions} ({@code --plugins}, {@code --data-dir}) are here, and the {@link
 *       Environment} comes from the root of the command tree ({@link RootCommand});
 *   <li>a command that declares the {@link DeviceOption} mixin computes on the chosen device; one
 *       without it never loads the engine;
 *   <li>a command that declares the {@link OutputOptions} mixin writes into a run folder, opened
 *       after the configuration is validated and before anything else ({@link #runFolder} may add
 *       to the request);
 *   <li>the application runs through {@link ApplicationRunner} on the command's terminal.
 * </ul>
 *
 * @param <C> the configuration record's type
 */
public abstract class ApplicationCommand<C extends Record> implements Callable<Integer> {
  private final Module family;
  private final Class<? extends Application> application;

  @Mixin private CommonOptions common;
  @Spec private CommandSpec spec;

  /**
   * @param family the module of the application's family
   * @param application the application to run
   */
  protected ApplicationCommand(Module family, Class<? extends Application> application) {
    this.family = requireNonNull(family, "family is null");
    this.application = requireNonNull(application, "application is null");
  }

  /**
   * The configuration record of the parsed options, validated.
   *
   * @throws org.kernelnet.apps.cli.ConfigurationException listing every invalid option
   */
  protected abstract C toConfig();

  /**
   * The run folder to open, from the {@link OutputOptions}; a command that writes files outside
   * it (e.g. {@code --save}) or continues a run in its own way says so here. By default a command
   * that can continue a run ({@code --resume}) records its configuration record, and a resume
   * with other settings is refused before the folder is touched.
   */
  protected RunFolder.Request runFolder(RunFolder.Request request, C config) {
    return request.resumable() ? request.recording(config) : request;
  }

  @Override
  public final Integer call() throws Exception {
    C config = toConfig();
    ApplicationModule<C> module = ApplicationModule.of(family, config, application);
    Terminal terminal = new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr());
    CoreSettings settings = new CoreSettings(common.plugins(), common.dataDir(),
        mixin(DeviceOption.class).map(DeviceOption::device), environment());
    Optional<OutputOptions> output = mixin(OutputOptions.class);
    if (output.isPresent()) {
      ApplicationRunner.run(
          settings, runFolder(output.get().request(), config), terminal, module, application);
    } else {
      ApplicationRunner.run(settings, terminal, module, application);
    }
    return ExitCode.OK;
  }

  /** The environment of the launcher, held by the root of the command tree. */
  private Environment environment() {
    if (spec.root().userObject() instanceof RootCommand root) {
      return root.environment();
    }
    throw new IllegalStateException(spec.qualifiedName() + " runs under "
        + spec.root().userObject().getClass().getName() + ", not a " + RootCommand.class.getName());
  }

  /** The command's mixin of this type, if it declares one. */
  private <T> Optional<T> mixin(Class<T> type) {
    return spec.mixins().values().stream().map(CommandSpec::userObject)
        .filter(type::isInstance).map(type::cast).findFirst();
  }
}
