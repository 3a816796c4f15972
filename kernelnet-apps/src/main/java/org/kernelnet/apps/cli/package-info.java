/**
 * Command-line plumbing shared by every kernelnet command: the option mixins ({@link
 * org.kernelnet.apps.cli.CommonOptions}, {@link org.kernelnet.apps.cli.DeviceOption}), the {@link
 * org.kernelnet.apps.cli.Environment} and {@link org.kernelnet.apps.cli.Terminal} a command runs in,
 * and the mapping from errors to messages and exit statuses ({@link
 * org.kernelnet.apps.cli.ErrorReporter}: 0 ok, 1 runtime failure, 2 usage or configuration error).
 */
package org.kernelnet.apps.cli;
