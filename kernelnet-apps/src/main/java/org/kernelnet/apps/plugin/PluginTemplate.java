package org.kernelnet.apps.plugin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * A ready-to-build Maven project for a kernel plugin, from the templates beside this class: a pom
 * importing {@code kernelnet-parent} as a BOM (the API {@code provided}, the test kit {@code
 * org.kernelnet:kernelnet-tests} in test scope, Surefire and the other plugins pinned), a kernel, the
 * plugin root, its service file, a test running {@code KernelContract} on the kernel, a README and a
 * {@code .gitignore}. Placeholders are {@code {{key}}}.
 *
 * @param name the kernel's registered name, {@code [a-z][a-z0-9-]*}, e.g. {@code my-kernel}
 * @param javaPackage the Java package of the sources
 * @param groupId the project's Maven group
 * @param kernelnetVersion the kernelnet version the project builds against
 */
public record PluginTemplate(String name, String javaPackage, String groupId,
    String kernelnetVersion) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
  private static final String SERVICE_FILE =
      "src/main/resources/META-INF/services/org.kernelnet.api.KernelnetPlugin";

  /** @throws ConfigurationException listing every bad value */
  public PluginTemplate {
    List<String> problems = new ArrayList<>();
    if (!NAME.matcher(requireNonNull(name, "name is null")).matches()) {
      problems.add("--name must be lower-case words of letters and digits joined by '-', e.g."
          + " my-kernel; got '" + name + "'");
    }
    if (!SourceVersion.isName(requireNonNull(javaPackage, "javaPackage is null"))) {
      problems.add("--package must be a Java package name, e.g. com.example.kernels; got '"
          + javaPackage + "'");
    }
    if (!requireNonNull(groupId, "groupId is null").matches("[A-Za-z0-9_.-]+")) {
      problems.add("--group-id must be letters, digits, '_', '-' and '.', got '" + groupId + "'");
    }
    requireNonNull(kernelnetVersion, "kernelnetVersion is null");
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
  }

  /** The package a plugin for {@code name} gets by default: {@code com.example.kernelnet.<name>}. */
  public static String defaultPackage(String name) {
    return "com.example.kernelnet." + name.replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** {@code my-kernel} gives {@code MyKernel}: the prefix of the kernel's and plugin's classes. */
  public String className() {
    StringBuilder out = new StringBuilder();
    for (String word : name.split("-")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  /** The Maven artifact and jar name: {@code <name>-plugin}. */
  public String artifactId() {
    return name + "-plugin";
  }

  /**
   * Writes the project into {@code dir}, which must not exist or be empty. The files are written
   * into a sibling folder first and moved into place at the end, so a failure leaves nothing.
   *
   * @return the files written, relative to {@code dir}
   * @throws ConfigurationException if {@code dir} is a file or a folder that is not empty
   */
  public List<Path> write(Path dir) {
    Path target = requireNonNull(dir, "dir is null").toAbsolutePath().normalize();
    refuseExisting(target);
    Map<String, String> files = files();
    Path staging = null;
    try {
      Files.createDirectories(target.getParent());
      staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path path = staging.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
      Files.deleteIfExists(target); // an empty folder: the move puts the project in its place
      Files.move(staging, target);
      staging = null;
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      throw new ConfigurationException(target + " was created while the project was written");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plugin project to " + target + ": " + e, e);
    } finally {
      deleteQuietly(staging);
    }
    return files.keySet().stream().map(Path::of).toList();
  }

  /** The project's files, by path relative to its folder, with the placeholders filled in. */
  Map<String, String> files() {
    String packagePath = javaPackage.replace('.', '/');
    Map<String, String> values = Map.of("name", name, "package", javaPackage, "packagePath",
        packagePath, "className", className(), "groupId", groupId, "artifactId", artifactId(),
        "kernelnetVersion", kernelnetVersion);
    Map<String, String> files = new LinkedHashMap<>();
    files.put("pom.xml", fill("pom.xml", values));
    files.put("README.md", fill("README.md", values));
    files.put(".gitignore", fill("gitignore", values));
    files.put("src/main/java/" + packagePath + "/" + className() + "Kernel.java",
        fill("Kernel.java", values));
    files.put("src/main/java/" + packagePath + "/" + className() + "Plugin.java",
        fill("Plugin.java", values));
    files.put(SERVICE_FILE, fill("service", values));
    files.put("src/test/java/" + packagePath + "/" + className() + "KernelTest.java",
        fill("KernelTest.java", values));
    return files;
  }

  private static String fill(String template, Map<String, String> values) {
    String resource = "template/" + template + ".template";
    String text;
    try (InputStream in = PluginTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the launcher lacks its resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(resource + " has an unknown placeholder " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void refuseExisting(Path target) {
    if (Files.isRegularFile(target)) {
      throw new ConfigurationException(target + " is a file; name a new or empty folder");
    }
    if (Files.isDirectory(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new ConfigurationException(target + " is not empty; name a new or empty folder"
              + " (nothing is overwritten)");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + target + ": " + e, e);
      }
    }
  }

  private static void deleteQuietly(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: the staging folder is hidden and named after the target
    }
  }
}
