package org.kernelnet.apps.cli;

/**
 * The root of the launcher's command tree, which holds the {@link Environment} (variables and home
 * folder) that every command of the tree runs in; a command finds it through its spec's root.
 */
public interface RootCommand {
  /** The environment the launcher was started with. */
  Environment environment();
}
