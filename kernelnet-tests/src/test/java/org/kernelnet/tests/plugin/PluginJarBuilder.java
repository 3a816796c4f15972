package org.kernelnet.tests.plugin;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.kernelnet.api.KernelnetPlugin;

/**
 * Builds a real plugin jar from a plugin project's main sources ({@code src/main/java} and {@code
 * src/main/resources}, e.g. of {@code src/plugin/cauchy}) quickly, without Maven: {@link
 * JavaCompiler} against only
 * the kernelnet-api and DJL api jars of the test class path, then a jar holding the classes and the
 * {@code META-INF/services} file.
 *
 * <p>Variants for failure tests are made by text edits: {@link #replace} (e.g. another package for a
 * duplicate, another {@code @BuiltForApi} version) and {@link #serviceEntries} (e.g. a class that does
 * not exist). An edit that matches nothing fails the build, so a variant cannot silently equal the
 * original.
 *
 * <pre>{@code
 * Path jar = PluginJarBuilder.cauchyJar(tempDir);
 * try (URLClassLoader loader = PluginJarBuilder.classLoader(jar)) {
 *   Kernel cauchy = KernelnetRegistry.load(loader).kernel("cauchy:gamma=2");
 * }
 * }</pre>
 */
public final class PluginJarBuilder {
  /** The package of the Cauchy example plugin. */
  public static final String CAUCHY_PACKAGE = "com.example.kernelnet.cauchy";
  /** The plugin root class of the Cauchy example plugin. */
  public static final String CAUCHY_PLUGIN_CLASS = CAUCHY_PACKAGE + ".CauchyPlugin";
  /** The kernel factory class of the Cauchy example plugin. */
  public static final String CAUCHY_FACTORY_CLASS = CAUCHY_PACKAGE + ".CauchyKernel$Factory";

  private static final String SERVICE_FILE = "META-INF/services/" + KernelnetPlugin.class.getName();

  private final Path sourceTree;
  private final Map<String, String> replacements = new LinkedHashMap<>();
  private List<String> serviceEntries;

  private PluginJarBuilder(Path sourceTree) {
    this.sourceTree = requireNonNull(sourceTree, "sourceTree is null");
  }

  /** A builder over a plugin project with {@code src/main/java} (and {@code src/main/resources}). */
  public static PluginJarBuilder of(Path sourceTree) {
    if (!Files.isDirectory(sourceTree.resolve("src/main/java"))) {
      throw new IllegalArgumentException("plugin source tree " + sourceTree + " has no src/main/java folder");
    }
    return new PluginJarBuilder(sourceTree);
  }

  /** A builder over the Cauchy example plugin, {@code kernelnet-tests/src/plugin/cauchy}. */
  public static PluginJarBuilder cauchy() {
    return of(moduleDir().resolve("src/plugin/cauchy"));
  }

  /** Builds the unmodified Cauchy plugin as {@code dir/cauchy.jar}. */
  public static Path cauchyJar(Path dir) {
    return cauchy().build(dir.resolve("cauchy.jar"));
  }

  /** A class loader over plugin jars whose parent is the test class loader (which has the API). */
  public static URLClassLoader classLoader(Path... jars) {
    URL[] urls = Stream.of(jars).map(PluginJarBuilder::url).toArray(URL[]::new);
    return new URLClassLoader("plugin-jars", urls, PluginJarBuilder.class.getClassLoader());
  }

  /**
   * Replaces every occurrence of {@code target} in the Java sources and the service file.
   *
   * @throws IllegalStateException from {@link #build} if {@code target} occurs nowhere
   */
  public PluginJarBuilder replace(String target, String replacement) {
    requireNonNull(target, "target is null");
    requireNonNull(replacement, "replacement is null");
    if (target.isEmpty() || replacements.putIfAbsent(target, replacement) != null) {
      throw new IllegalArgumentException("replacement target '" + target + "' is empty or given twice");
    }
    return this;
  }

  /** Replaces the lines of the {@code KernelnetPlugin} service file (applied after the edits). */
  public PluginJarBuilder serviceEntries(String... classNames) {
    this.serviceEntries = List.of(classNames);
    return this;
  }

  /**
   * Compiles and packs the plugin.
   *
   * @param jar the jar to write (its folder is created)
   * @return {@code jar}
   * @throws IllegalStateException with the compiler's messages if compiling fails
   */
  public Path build(Path jar) {
    requireNonNull(jar, "jar is null");
    try {
      Map<String, String> sources = readTexts(sourceTree.resolve("src/main/java"), ".java");
      Map<String, String> resources = readTexts(sourceTree.resolve("src/main/resources"), "");
      for (Map.Entry<String, String> edit : replacements.entrySet()) {
        boolean hit = Stream.concat(sources.values().stream(), resources.values().stream())
            .anyMatch(text -> text.contains(edit.getKey()));
        if (!hit) {
          throw new IllegalStateException(
              "replacement target '" + edit.getKey() + "' occurs nowhere in " + sourceTree);
        }
        sources.replaceAll((path, text) -> text.replace(edit.getKey(), edit.getValue()));
        resources.replaceAll((path, text) -> text.replace(edit.getKey(), edit.getValue()));
      }
      if (serviceEntries != null) {
        resources.put(SERVICE_FILE, String.join("\n", serviceEntries) + "\n");
      }
      Path classes = Files.createTempDirectory("kernelnet-plugin-classes");
      try {
        compile(sources, classes);
        Files.createDirectories(jar.toAbsolutePath().getParent());
        pack(classes, resources, jar);
      } finally {
        deleteTree(classes);
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("building plugin jar " + jar + " from " + sourceTree, e);
    }
  }

  private static void compile(Map<String, String> sources, Path classes) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("no Java compiler: run the tests on a JDK, not a JRE");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      files.setLocation(StandardLocation.CLASS_PATH,
          List.of(codeLocation(KernelnetPlugin.class).toFile(), codeLocation(NDArray.class).toFile()));
      List<JavaFileObject> units = sources.entrySet().stream()
          .map(e -> (JavaFileObject) new SourceText(e.getKey(), e.getValue()))
          .toList();
      List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-Xlint:all");
      boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
      if (!ok) {
        throw new IllegalStateException("compiling the plugin failed:\n" + diagnostics.getDiagnostics()
            .stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(Object::toString)
            .collect(Collectors.joining("\n")));
      }
    }
  }

  /** Packs every file under {@code classes} and the given text resources into {@code jar}. */
  static void pack(Path classes, Map<String, String> resources, Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Created-By", PluginJarBuilder.class.getName());
    List<Path> classFiles;
    try (Stream<Path> walk = Files.walk(classes)) {
      classFiles = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      for (Path file : classFiles) {
        jarOut.putNextEntry(new JarEntry(entryName(classes.relativize(file))));
        jarOut.write(Files.readAllBytes(file));
        jarOut.closeEntry();
      }
      for (Map.Entry<String, String> resource : resources.entrySet()) {
        jarOut.putNextEntry(new JarEntry(resource.getKey()));
        jarOut.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
        jarOut.closeEntry();
      }
    }
  }

  /** Text files under {@code root} ending in {@code suffix}, by '/'-separated relative path. */
  private static Map<String, String> readTexts(Path root, String suffix) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    if (!Files.isDirectory(root)) {
      return texts;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        String name = entryName(root.relativize(file));
        if (name.endsWith(suffix)) {
          texts.put(name, Files.readString(file));
        }
      }
    }
    return texts;
  }

  private static String entryName(Path relative) {
    List<String> parts = new ArrayList<>();
    relative.forEach(p -> parts.add(p.toString()));
    return String.join("/", parts);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The jar or class folder a class was loaded from. */
  static Path codeLocation(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
    }
  }

  /** The kernelnet-tests module folder, found from where the test classes were compiled to. */
  static Path moduleDir() {
    Path testClasses = codeLocation(PluginJarBuilder.class); // kernelnet-tests/target/test-classes
    return testClasses.getParent().getParent();
  }

  private static URL url(Path jar) {
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("jar path " + jar + " is not a valid URL", e);
    }
  }

  /** A Java source held in memory, so edited variants need no files. */
  private static final class SourceText extends SimpleJavaFileObject {
    private final String text;

    SourceText(String path, String text) {
      super(URI.create("string:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
