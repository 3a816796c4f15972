/**
 * The {@code kernelnet} command-line launcher: {@link org.kernelnet.apps.Kernelnet} (entry point,
 * error handling and exit statuses), {@link org.kernelnet.apps.KernelnetCommand} (the top command
 * and its subcommands) and {@link org.kernelnet.apps.VersionProvider}. Each application lives in its
 * own sub-package and is wired as described in {@link org.kernelnet.apps.inject}.
 */
package org.kernelnet.apps;
