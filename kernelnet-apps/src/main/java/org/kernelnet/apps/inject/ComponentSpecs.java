package org.kernelnet.apps.inject;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kernelnet.api.Kernel;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.SparsityRegularizer;
import org.kernelnet.apps.cli.CommonOptions;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * The kernels and regularisers a user named in an option (e.g. {@code --kernel rbf:gamma=4}),
 * resolved against the registry, plugins included; every specification the registry refuses is a
 * configuration error naming the option (an unknown name also says where plugins go).
 */
public final class ComponentSpecs {
  private ComponentSpecs() {}

  /**
   * @param option the option the specifications were given in, for the messages
   * @return each distinct specification with its kernel, in the given order
   * @throws ConfigurationException listing every specification the registry refuses, with why
   */
  public static Map<String, Kernel> kernels(
      KernelnetRegistry registry, String option, Collection<String> specs) {
    requireNonNull(registry, "registry is null");
    return resolve(registry::kernel, option, specs);
  }

  /** One specification's kernel (see {@link #kernels}). */
  public static Kernel kernel(KernelnetRegistry registry, String option, String spec) {
    return kernels(registry, option, List.of(spec)).get(spec);
  }

  /**
   * @param option the option the specifications were given in, for the messages
   * @return each distinct specification with its regulariser, in the given order
   * @throws ConfigurationException listing every specification the registry refuses, with why
   */
  public static Map<String, SparsityRegularizer> regularizers(
      KernelnetRegistry registry, String option, Collection<String> specs) {
    requireNonNull(registry, "registry is null");
    return resolve(registry::regularizer, option, specs);
  }

  private static <T> Map<String, T> resolve(
      Function<String, T> registry, String option, Collection<String> specs) {
    requireNonNull(option, "option is null");
    Map<String, T> resolved = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String spec : new LinkedHashSet<>(specs)) {
      try {
        resolved.put(spec, registry.apply(spec));
      } catch (IllegalArgumentException e) {
        String hint = e.getMessage().startsWith("Unknown") ? " (from a plugin? put its jar in"
            + " the folder given by --plugins or " + CommonOptions.PLUGINS_ENV_VAR + ")" : "";
        problems.add(option + " " + spec + ": " + e.getMessage() + hint);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return resolved;
  }
}
