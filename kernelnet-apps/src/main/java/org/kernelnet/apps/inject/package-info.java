/**
 * How kernelnet applications are wired with Guice.
 *
 * <p>The pattern, followed by every command that runs an application:
 *
 * <ol>
 *   <li><b>picocli parses first.</b> The command extends {@link
 *       org.kernelnet.apps.inject.ApplicationCommand} and holds only options: its own, the mixins
 *       it needs ({@link org.kernelnet.apps.cli.DeviceOption} to compute on a device, {@link
 *       org.kernelnet.apps.cli.OutputOptions} to write a run folder) and, from the base, the
 *       {@link org.kernelnet.apps.cli.CommonOptions}. {@code --help}, {@code --version} and
 *       {@code --verbose} are inherited from the top command. Guice never creates a command.
 *   <li><b>One immutable configuration record per application</b> (e.g. {@code MovieLensConfig}),
 *       built from the parsed options by the command's {@code toConfig()}. It validates every
 *       setting and throws one {@link org.kernelnet.apps.cli.ConfigurationException} listing all
 *       problems (exit 2). Each default lives in one place: the option's, or the record's (then
 *       the option is left null and its help quotes the record's constant).
 *   <li><b>One Guice module per application family</b> ({@code MovieLensModule}, {@code
 *       MnistModule}, {@code CifarModule}, {@code EmbedModule}, each a {@link
 *       org.kernelnet.apps.inject.FamilyModule}; {@code kernels} has its own): it binds the
 *       collaborators the family's applications share (data source, model factory, trainer,
 *       reporters, progress log), so that a test or an extension replaces one with {@code
 *       Modules.override}. It depends only on the services of {@link
 *       org.kernelnet.apps.inject.CoreModule} (the {@code KernelnetRegistry}, the {@code
 *       DataDirectory}, the {@code Downloader}, the {@link org.kernelnet.apps.cli.Terminal} and, if
 *       the command chose one, the DJL {@code Device}), on the run folder's {@code ResultsWriter}
 *       where every application of the family has one (else as an {@code Optional}, as the
 *       MovieLens family's file reporters do), and on the configuration records.
 *   <li><b>{@link org.kernelnet.apps.inject.ApplicationModule}</b> binds the record under its own
 *       class and the application, and installs the family module.
 *   <li><b>{@link org.kernelnet.apps.inject.ApplicationRunner} runs it</b>, from the base command:
 *       the run folder first (if any), then a {@code Stage.PRODUCTION} injector with {@code
 *       requireExplicitBindings()} over {@code CoreModule} plus the application module; every
 *       singleton (registry, device, kernels) is created up front, so configuration errors surface
 *       before any work; then the {@link org.kernelnet.apps.inject.Application} runs and the plugin
 *       jars are closed.
 * </ol>
 *
 * <p>Nothing here is static or global: each command invocation gets its own injector.
 */
package org.kernelnet.apps.inject;
