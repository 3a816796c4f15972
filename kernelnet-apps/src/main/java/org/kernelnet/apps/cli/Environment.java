package org.kernelnet.apps.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command reads from outside its options: the environment variables and the user's home
 * folder. Passed in explicitly so that tests can run the launcher in-process with a controlled
 * environment.
 *
 * @param variables the environment variables
 * @param userHome the user's home folder
 */
public record Environment(Map<String, String> variables, Path userHome) {
  /** Copies the variables. */
  public Environment {
    variables = Map.copyOf(requireNonNull(variables, "variables is null"));
    requireNonNull(userHome, "userHome is null");
  }

  /** The real process environment and {@code user.home}. */
  public static Environment system() {
    return new Environment(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** A variable's value, absent when unset or blank. */
  public Optional<String> get(String name) {
    String value = variables.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Whether {@code KERNELNET_DEBUG} asks for stack traces ({@code 1} or {@code true}). */
  public boolean debug() {
    return get("KERNELNET_DEBUG").map(v -> v.equals("1") || v.equalsIgnoreCase("true")).orElse(false);
  }
}
