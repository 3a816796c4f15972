package org.kernelnet.apps.kernels;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kernelnet.api.ConfigKey;
import org.kernelnet.api.KernelProperty;
import org.kernelnet.api.PluginFolder;
import org.kernelnet.api.PluginSource;
import org.kernelnet.apps.cli.Terminal;

/** Writes the listing as aligned text, one block per kernel or regulariser. */
final class TextListingReporter implements ListingReporter {
  private static final String LABEL_FORMAT = "    %-11s %s%n";
  private static final String CONTINUATION = "                ";
  private final Terminal terminal;

  @Inject
  TextListingReporter(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public void report(ComponentListing listing) {
    PrintWriter out = terminal.out();
    section(out, "Kernels", listing.kernels(), true);
    out.println();
    section(out, "Regularizers", listing.regularizers(), false);
    out.println();
    plugins(out, listing.plugins());
    listing.pluginFolder().folder().ifPresent(folder -> {
      out.println();
      out.println("Plugin folder " + listing.pluginFolder());
      for (PluginFolder.Plugin plugin : folder.plugins()) {
        out.println("  " + plugin.location());
        if (!plugin.jars().equals(List.of(plugin.location()))) {
          plugin.jars().forEach(jar -> out.println("    " + jar.getFileName()));
        }
      }
    });
    out.flush();
  }

  private static void section(PrintWriter out, String title, List<ComponentListing.Entry> entries, boolean kernels) {
    out.println(title + " (" + entries.size() + ")");
    if (entries.isEmpty()) {
      out.println("  none");
      return;
    }
    int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
    for (ComponentListing.Entry e : entries) {
      out.println();
      out.printf("  %-" + width + "s  %s%n", e.name(), e.description());
      multiline(out, "settings", e.settings().isEmpty()
          ? List.of("none")
          : e.settings().stream().map(ConfigKey::summary).toList());
      out.printf(LABEL_FORMAT, "default",
          e.defaultSpec().orElseGet(() -> "none: " + e.defaultProblem().orElse("unknown reason")));
      if (kernels) {
        out.printf(LABEL_FORMAT, "properties", e.properties().map(p -> Stream.of(KernelProperty.values())
            .map(k -> label(k) + ": " + (p.contains(k) ? "yes" : "no"))
            .collect(Collectors.joining(", "))).orElse("unknown (no default instance)"));
      }
      out.printf(LABEL_FORMAT, "from", e.source().pluginName() + " (" + e.source().pluginClass()
          + ") in " + e.source().location());
    }
  }

  private static void multiline(PrintWriter out, String label, List<String> lines) {
    out.printf(LABEL_FORMAT, label, lines.get(0));
    lines.subList(1, lines.size()).forEach(line -> out.println(CONTINUATION + line));
  }

  private static void plugins(PrintWriter out, List<PluginSource> plugins) {
    out.println("Plugins (" + plugins.size() + ")");
    int nameWidth = plugins.stream().mapToInt(p -> p.pluginName().length()).max().orElse(0);
    int classWidth = plugins.stream().mapToInt(p -> p.pluginClass().length()).max().orElse(0);
    for (PluginSource p : plugins) {
      out.printf("  %-" + nameWidth + "s  %-" + classWidth + "s  %s%n",
          p.pluginName(), p.pluginClass(), p.location());
    }
  }

  static String label(KernelProperty property) {
    return switch (property) {
      case SYMMETRIC -> "symmetric";
      case POSITIVE_SEMI_DEFINITE -> "positive semi-definite";
      case FINITE_SUPPORT -> "finite support";
    };
  }
}
