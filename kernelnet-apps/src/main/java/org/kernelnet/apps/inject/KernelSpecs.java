package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * The kernels a user named in an option (e.g. {@code --kernel rbf:gamma=4}), resolved against the
 * registry, plugins included; every specification the registry refuses is a configuration error
 * naming the option.
 */
public final class KernelSpecs {
  private KernelSpecs() {}

  /**
   * @param option the option the specifications were given in, for the messages
   * @return each distinct specification with its kernel, in the given order
   * @throws ConfigurationException listing every specification the registry refuses, with why
   */
  public static Map<String, Kernel> resolve(
      KernelnetRegistry registry, String option, Collection<String> specs) {
    requireNonNull(registry, "registry is null");
    requireNonNull(option, "option is null");
    Map<String, Kernel> kernels = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String spec : new LinkedHashSet<>(specs)) {
      try {
        kernels.put(spec, registry.kernel(spec));
      } catch (IllegalArgumentException e) {
        problems.add(option + " " + spec + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return kernels;
  }

  /** One specification's kernel (see {@link #resolve(KernelnetRegistry, String, Collection)}). */
  public static Kernel resolve(KernelnetRegistry registry, String option, String spec) {
    return resolve(registry, option, List.of(spec)).get(spec);
  }
}
