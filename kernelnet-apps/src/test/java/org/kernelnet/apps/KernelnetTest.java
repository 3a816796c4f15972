package org.kernelnet.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.cli.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class KernelnetTest {
  @TempDir Path home;

  @Test
  void kernelsListsTheBuiltinsAsAlignedText() {
    CommandRun run = CommandRun.of(home, "kernels");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("Kernels (8)")
        .containsPattern("(?m)^  dot     dot product")
        .containsPattern("(?m)^  hat-sq  finite-support")
        .containsPattern("(?m)^  rbf     Gaussian RBF")
        .contains("    settings    gamma (number in (0, inf), default 1.0): inverse squared width")
        .contains("    default     rbf:gamma=1.0")
        .contains("    properties  symmetric: yes, positive semi-definite: yes, finite support: no")
        .contains("kernelnet-builtin (org.kernelnet.kernels.BuiltinPlugin) in ")
        .contains("    properties  symmetric: yes, positive semi-definite: no, finite support: yes")
        .contains("Regularizers (3)")
        .containsPattern("(?m)^  kernel-overlap  ")
        .contains("Plugins (1)")
        .doesNotContain("Plugin folder");
  }

  @Test
  void kernelsJsonIsMachineReadable() {
    CommandRun run = CommandRun.of(home, "kernels", "--json");

    assertThat(run.status()).as(run.err()).isZero();
    JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(root.get("api").getAsString()).isEqualTo("1.0");
    assertThat(root.get("pluginFolder").isJsonNull()).isTrue();
    JsonArray kernels = root.getAsJsonArray("kernels");
    assertThat(kernels).hasSize(8);
    JsonObject rbf = kernels.get(5).getAsJsonObject();
    assertThat(rbf.get("name").getAsString()).isEqualTo("rbf");
    assertThat(rbf.get("default").getAsString()).isEqualTo("rbf:gamma=1.0");
    JsonObject gamma = rbf.getAsJsonArray("settings").get(0).getAsJsonObject();
    assertThat(gamma.get("type").getAsString()).isEqualTo("double");
    assertThat(gamma.get("default").getAsDouble()).isEqualTo(1.0);
    assertThat(gamma.get("min").getAsDouble()).isEqualTo(0.0);
    assertThat(gamma.get("max").getAsString()).isEqualTo("inf");
    assertThat(gamma.get("minInclusive").getAsBoolean()).isFalse();
    JsonObject properties = rbf.getAsJsonObject("properties");
    assertThat(properties.get("symmetric").getAsBoolean()).isTrue();
    assertThat(properties.get("positiveSemiDefinite").getAsBoolean()).isTrue();
    assertThat(properties.get("finiteSupport").getAsBoolean()).isFalse();
    assertThat(rbf.getAsJsonObject("plugin").get("class").getAsString())
        .isEqualTo("org.kernelnet.kernels.BuiltinPlugin");
    JsonArray regularizers = root.getAsJsonArray("regularizers");
    assertThat(regularizers).hasSize(3);
    JsonObject overlap = regularizers.get(1).getAsJsonObject();
    assertThat(overlap.get("name").getAsString()).isEqualTo("kernel-overlap");
    // lambda is required, so there is no default instance, and the listing says why.
    assertThat(overlap.get("default").isJsonNull()).isTrue();
    assertThat(overlap.get("defaultProblem").getAsString()).contains("missing required setting lambda");
  }

  @Test
  void versionNamesKernelnetDjlAndPytorch() {
    CommandRun run = CommandRun.of(home, "--version");

    assertThat(run.status()).isZero();
    assertThat(run.out().lines().toList())
        .startsWith("kernelnet " + VersionProvider.kernelnetVersion() + " (plugin API 1.0)", "DJL 0.35.1")
        .anySatisfy(line -> assertThat(line).startsWith("PyTorch 2.7.1 (devices: ["));
    assertThat(VersionProvider.kernelnetVersion()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void helpListsTheSubcommandsAndExitStatuses() {
    CommandRun run = CommandRun.of(home, "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: kernelnet").contains("kernels").contains("Exit status: 0 ok");
  }

  /**
   * {@code --help} and {@code --version} are inherited from the top command: every command and
   * subcommand answers both, and its help ends with the top command's exit statuses (picocli's own
   * {@code help} command, which has its own {@code -h}, left out).
   */
  @Test
  void everyCommandInheritsHelpAndVersion() {
    CommandLine root = Kernelnet.commandLine(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), new Environment(Map.of(), home));
    List<List<String>> paths = new ArrayList<>();
    Deque<CommandLine> commands = new ArrayDeque<>(List.of(root));
    while (!commands.isEmpty()) {
      CommandLine command = commands.pop();
      commands.addAll(command.getSubcommands().values());
      if (command.getCommandSpec().helpCommand()) {
        continue;
      }
      List<String> path = new ArrayList<>();
      for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
        path.add(0, c.getCommandName());
      }
      paths.add(path);
    }
    String version = "kernelnet " + VersionProvider.kernelnetVersion() + " (plugin API 1.0)";

    assertThat(paths).hasSizeGreaterThan(15);
    for (List<String> path : paths) {
      List<String> help = new ArrayList<>(path);
      help.add("--help");
      List<String> versionArgs = new ArrayList<>(path);
      versionArgs.add("--version");
      CommandRun helpRun = CommandRun.of(home, help.toArray(String[]::new));
      CommandRun versionRun = CommandRun.of(home, versionArgs.toArray(String[]::new));

      assertThat(helpRun.status()).as("%s: %s", help, helpRun.err()).isZero();
      assertThat(helpRun.out()).as("%s", help)
          .startsWith(("Usage: kernelnet " + String.join(" ", path)).trim())
          .contains("-h, --help").contains("-V, --version").contains("Exit status: 0 ok");
      assertThat(versionRun.status()).as("%s: %s", versionArgs, versionRun.err()).isZero();
      assertThat(versionRun.out()).as("%s", versionArgs).startsWith(version);
    }
  }

  /**
   * picocli renders every description with {@link String#format}; a lone {@code %} (as in "99 %")
   * makes it print a warning and the raw text with {@code %n} unexpanded.
   */
  @Test
  void everyHelpTextIsAValidFormatString() {
    CommandLine root = Kernelnet.commandLine(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), new Environment(Map.of(), home));
    List<String> invalid = new ArrayList<>();
    Deque<CommandLine> commands = new ArrayDeque<>(List.of(root));
    int checked = 0;
    while (!commands.isEmpty()) {
      CommandLine command = commands.pop();
      commands.addAll(command.getSubcommands().values());
      CommandSpec spec = command.getCommandSpec();
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      texts.addAll(List.of(spec.usageMessage().header()));
      texts.addAll(List.of(spec.usageMessage().footer()));
      spec.options().forEach(option -> texts.addAll(List.of(option.description())));
      for (String text : texts) {
        checked++;
        try {
          String.format(text);
        } catch (IllegalFormatException e) {
          invalid.add(spec.qualifiedName() + ": " + e + " in '" + text + "'");
        }
      }
    }

    assertThat(checked).isGreaterThan(100);
    assertThat(invalid).isEmpty();
  }

  /**
   * Every option that takes a size or a count says in its help what 0 means: either "0 for none"
   * or the valid range that leaves 0 out ("at least 1", "N >= 20", "1 to 256", ...). 0 never
   * means "all" or "the default": leaving an option out does. Ids, seeds and the ResNet depth are
   * numbers but not sizes; --keep lists layer counts of the form 1 + 2k, as its help says.
   */
  @Test
  void everySizeOrCountOptionSaysWhatZeroMeans() {
    Set<String> notSizes = Set.of("--seed", "--user", "--depth", "--keep");
    Set<Class<?>> integers = Set.of(int.class, Integer.class, long.class, Long.class);
    Pattern zeroStated = Pattern.compile(
        "0 for none|at least 1|N >= \\d+|\\b\\d+ to \\S|up to \\d|from --knn-k");
    CommandLine root = Kernelnet.commandLine(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), new Environment(Map.of(), home));
    List<String> silent = new ArrayList<>();
    int checked = 0;
    Deque<CommandLine> commands = new ArrayDeque<>(List.of(root));
    while (!commands.isEmpty()) {
      CommandLine command = commands.pop();
      commands.addAll(command.getSubcommands().values());
      for (OptionSpec option : command.getCommandSpec().options()) {
        boolean integer = integers.contains(option.type())
            || option.isMultiValue() && integers.contains(option.auxiliaryTypes()[0]);
        if (!integer || notSizes.contains(option.longestName())) {
          continue;
        }
        checked++;
        String help = String.join(" ", option.description());
        if (!zeroStated.matcher(help).find()) {
          silent.add(command.getCommandSpec().qualifiedName() + " " + option.longestName() + ": "
              + help);
        }
      }
    }

    assertThat(checked).isGreaterThan(50);
    assertThat(silent).isEmpty();
  }

  @Test
  void usageErrorsAreOneMessageAndStatusTwo() {
    CommandRun unknown = CommandRun.of(home, "kernels", "--bogus");
    CommandRun none = CommandRun.of(home);
    CommandRun typo = CommandRun.of(home, "kernel");

    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("kernelnet: Unknown option: '--bogus'")
        .contains("Try 'kernelnet kernels --help'").doesNotContain("\tat ");
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err())
        .contains("Missing a command; one of: kernels, movielens, recommend, mnist, embed, cifar,"
            + " report, plugin, help");
    assertThat(typo.status()).isEqualTo(2);
    assertThat(typo.err()).contains("Did you mean: kernelnet kernels");
  }

  @Test
  void missingPluginFolderIsAConfigurationError() {
    Path missing = home.resolve("no-such-folder");
    CommandRun fromOption = CommandRun.of(home, "kernels", "--plugins", missing.toString());
    CommandRun fromEnv = CommandRun.of(Map.of("KERNELNET_PLUGINS", missing.toString()), home, "kernels");

    assertThat(fromOption.status()).isEqualTo(2);
    assertThat(fromOption.err()).isEqualTo("kernelnet: invalid configuration: plugin folder " + missing
        + " (from --plugins) does not exist" + System.lineSeparator());
    assertThat(fromEnv.status()).isEqualTo(2);
    assertThat(fromEnv.err()).contains("(from environment variable KERNELNET_PLUGINS) does not exist");
  }

  @AfterEach
  void forgetLogLevelsRaisedByVerbose() {
    System.clearProperty(Kernelnet.LOG_LEVEL_PROPERTY);
    System.clearProperty(Kernelnet.CUDA_LOG_LEVEL_PROPERTY);
  }

  @Test
  void verboseAddsTheStackTraceAndRaisesTheLogLevel() {
    CommandRun run = CommandRun.of(home, "-v", "kernels", "--plugins", home.resolve("x").toString());
    CommandRun debug = CommandRun.of(
        Map.of("KERNELNET_DEBUG", "1"), home, "kernels", "--plugins", home.resolve("x").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("does not exist").contains("\tat org.kernelnet.apps.inject.ConfiguredPlugins");
    assertThat(debug.err()).contains("\tat org.kernelnet.apps.inject.ConfiguredPlugins");
    assertThat(System.getProperty(Kernelnet.LOG_LEVEL_PROPERTY)).isEqualTo("info");
  }

  @Test
  void emptyPluginFolderAndJarWithoutServiceFileAreWarnings() throws IOException {
    Path empty = Files.createDirectory(home.resolve("empty"));
    Path plain = Files.createDirectory(home.resolve("plain"));
    Path jar = plain.resolve("plain.jar");
    try (OutputStream out = Files.newOutputStream(jar)) {
      new JarOutputStream(out, new Manifest()).close(); // a valid jar with a manifest only
    }

    CommandRun emptyRun = CommandRun.of(home, "kernels", "--plugins", empty.toString());
    CommandRun plainRun = CommandRun.of(home, "kernels", "--plugins", plain.toString());

    assertThat(emptyRun.status()).isZero();
    assertThat(emptyRun.err()).isEqualTo("kernelnet: warning: plugin folder " + empty
        + " holds no .jar files and no folders; only the built-in kernels are available"
        + System.lineSeparator());
    assertThat(emptyRun.out()).contains("Plugin folder " + empty + " (from --plugins, 0 plugins)");
    assertThat(plainRun.status()).isZero();
    assertThat(plainRun.err()).contains("plugin " + jar + " has no META-INF/services/"
        + "org.kernelnet.api.KernelnetPlugin; it contributes nothing");
    assertThat(plainRun.out()).contains("Plugin folder " + plain + " (from --plugins, 1 plugin)")
        .contains("  " + jar);
  }

  @Test
  void unreadableJarsAreAllReported() throws IOException {
    Path dir = Files.createDirectory(home.resolve("bad"));
    Files.writeString(dir.resolve("a.jar"), "not a zip");
    Files.writeString(dir.resolve("b.jar"), "not a zip either");

    CommandRun run = CommandRun.of(home, "kernels", "--plugins", dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("plugins could not be loaded (2 problems):")
        .contains("  - plugin jar " + dir.resolve("a.jar") + " cannot be read as a jar")
        .contains("  - plugin jar " + dir.resolve("b.jar") + " cannot be read as a jar");
  }
}
