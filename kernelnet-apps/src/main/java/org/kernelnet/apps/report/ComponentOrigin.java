package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.kernelnet.api.ComponentSpec;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.api.PluginSource;

/**
 * Which plugin supplied a kernel or regulariser a run used, recorded in its provenance.
 *
 * @param kind {@code kernel} or {@code regularizer}
 * @param spec the specification as the run used it, e.g. {@code cauchy:gamma=2}
 * @param plugin the plugin's name, e.g. {@code kernelnet-builtin}
 * @param pluginClass the plugin root's class
 * @param location the jar or class folder the plugin was loaded from
 * @param version the jar's version ({@code Implementation-Version} of its manifest, else the
 *     {@code version} of its Maven {@code pom.properties}); null if it records none or is a folder
 * @param sha256 the jar's SHA-256; null for a class folder
 */
public record ComponentOrigin(String kind, String spec, String plugin, String pluginClass,
    String location, String version, String sha256) {
  public ComponentOrigin {
    requireNonNull(kind, "kind is null");
    requireNonNull(spec, "spec is null");
    requireNonNull(plugin, "plugin is null");
    requireNonNull(pluginClass, "pluginClass is null");
    requireNonNull(location, "location is null");
  }

  /**
   * The origins of each distinct kernel and regulariser specification, in order, kernels first.
   *
   * @throws IllegalArgumentException if the registry does not know a name
   */
  public static List<ComponentOrigin> of(KernelnetRegistry registry,
      Collection<String> kernelSpecs, Collection<String> regularizerSpecs) {
    requireNonNull(registry, "registry is null");
    Map<String, String[]> jars = new HashMap<>(); // location -> {version, sha256}
    List<ComponentOrigin> origins = new ArrayList<>();
    for (String spec : new LinkedHashSet<>(kernelSpecs)) {
      origins.add(origin("kernel", spec,
          registry.kernelFactory(ComponentSpec.parse(spec).name()).source(), jars));
    }
    for (String spec : new LinkedHashSet<>(regularizerSpecs)) {
      origins.add(origin("regularizer", spec,
          registry.regularizerFactory(ComponentSpec.parse(spec).name()).source(), jars));
    }
    return List.copyOf(origins);
  }

  private static ComponentOrigin origin(String kind, String spec, PluginSource source,
      Map<String, String[]> jars) {
    String[] jar = jars.computeIfAbsent(source.location(), ComponentOrigin::describeJar);
    return new ComponentOrigin(kind, spec, source.pluginName(), source.pluginClass(),
        source.location(), jar[0], jar[1]);
  }

  /** {version, sha256} of the jar at {@code location}; nulls for a folder or no file. */
  private static String[] describeJar(String location) {
    Path path;
    try {
      path = Path.of(location);
    } catch (IllegalArgumentException e) {
      return new String[2];
    }
    if (!Files.isRegularFile(path)) {
      return new String[2];
    }
    return new String[] {version(path), DataFile.sha256(path)};
  }

  private static String version(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      if (file.getManifest() != null) {
        String version = file.getManifest().getMainAttributes().getValue("Implementation-Version");
        if (version != null) {
          return version;
        }
      }
      for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
        String name = entry.getName();
        if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
          try (InputStream in = file.getInputStream(entry)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
          }
        }
      }
      return null;
    } catch (IOException e) {
      return null; // the jar was readable when loaded; provenance must not fail the run
    }
  }
}
