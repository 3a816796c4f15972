/**
 * How kernelnet applications are wired with Guice.
 *
 * <p>The pattern, followed by every command ({@code kernels} is the reference; {@code movielens},
 * {@code mnist}, {@code cifar} and {@code embed} follow it):
 *
 * <ol>
 *   <li><b>picocli parses first.</b> The command class holds only options (the {@link
 *       org.kernelnet.apps.cli.CommonOptions} mixin, {@link org.kernelnet.apps.cli.DeviceOption} for
 *       training commands, and its own). Guice never creates a command.
 *   <li><b>One immutable configuration record per application</b> (e.g. {@code KernelsConfig}),
 *       built from the parsed options. Its constructor validates every setting and throws one
 *       {@link org.kernelnet.apps.cli.ConfigurationException} listing all problems (exit 2).
 *   <li><b>One Guice module per application</b> (e.g. {@code KernelsModule}), constructed with that
 *       record: it binds the record and the application's parts explicitly. It depends only on the
 *       services of {@link org.kernelnet.apps.inject.CoreModule}: the {@code KernelnetRegistry}, the
 *       {@code DataDirectory}, the {@link org.kernelnet.apps.cli.Terminal} and, if the command
 *       chose a device, the DJL {@code Device}.
 *   <li><b>A command that writes results</b> adds the {@link org.kernelnet.apps.cli.OutputOptions}
 *       mixin; its run folder is opened before anything else and bound as the application's
 *       {@code ResultsWriter}.
 *   <li><b>{@link org.kernelnet.apps.inject.ApplicationRunner} runs it:</b> a {@code
 *       Stage.PRODUCTION} injector with {@code requireExplicitBindings()} over {@code CoreModule}
 *       plus the application module; every singleton (registry, device) is created up front, so
 *       configuration errors surface before any work; then the {@link
 *       org.kernelnet.apps.inject.Application} runs and the plugin jars are closed.
 * </ol>
 *
 * <p>Nothing here is static or global: each command invocation gets its own injector.
 */
package org.kernelnet.apps.inject;
