package org.kernelnet.tests.plugin;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kernelnet.apps.VersionProvider;

/**
 * Builds a Maven project the way a plugin author would, offline, against this build's kernelnet
 * artifacts without installing them anywhere: they are published (pom and a jar of {@code
 * target/classes}) to a file repository in a work folder, everything else is read from the user's
 * local repository (as a file mirror of Maven Central), and the build gets a local repository of its
 * own, so the user's is never written. Maven runs with {@code -o} and {@code
 * aether.offline.protocols=file}: nothing goes over the network.
 *
 * <p>Needs the system properties {@code maven.home} and {@code kernelnet.maven.repo.local} (the
 * kernelnet-tests pom passes Maven's own to Surefire); a test is skipped without them.
 */
final class OfflineMavenBuild {
  /**
   * The published artifacts besides the parent pom (also the BOM): the API, the built-in kernels,
   * the blocks, the test kit.
   */
  private static final List<String> MODULES = List.of("kernelnet-api", "kernelnet-kernels",
      "kernelnet-djl", "kernelnet-tests");
  private static final long TIMEOUT_MINUTES = 10;

  private final Path work;
  private final Path settings;

  /** The outcome of one build: Maven's exit status and everything it printed. */
  record Result(int status, String output) {}

  private OfflineMavenBuild(Path work, Path settings) {
    this.work = work;
    this.settings = settings;
  }

  /**
   * Publishes this build's kernelnet artifacts under {@code work} and writes the settings the
   * builds use; skips the calling test when Maven's location is not known.
   */
  static OfflineMavenBuild in(Path work) {
    String mavenHome = System.getProperty("maven.home");
    String userRepository = System.getProperty("kernelnet.maven.repo.local");
    assumeTrue(mavenHome != null && userRepository != null && !userRepository.startsWith("${"),
        "run by Maven (maven.home and kernelnet.maven.repo.local are not set)");
    try {
      Path repository = Files.createDirectories(work.resolve("kernelnet-repository"));
      publish(repository);
      Path settings = work.resolve("settings.xml");
      Files.writeString(settings, settings(work.resolve("local-repository"),
          Path.of(userRepository), repository), StandardCharsets.UTF_8);
      return new OfflineMavenBuild(work, settings);
    } catch (IOException e) {
      throw new UncheckedIOException("preparing an offline Maven build in " + work, e);
    }
  }

  /** Runs {@code mvn -B -o GOALS} in {@code project}. */
  Result run(Path project, String... goals) {
    Path mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-o", "-s",
        settings.toString(), "-Daether.offline.protocols=file"));
    command.addAll(List.of(goals));
    Path log = work.resolve("maven-" + project.getFileName() + ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.remove("MAVEN_OPTS");
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("mvn " + String.join(" ", goals) + " in " + project
            + " took more than " + TIMEOUT_MINUTES + " minutes; its output is in " + log);
      }
      return new Result(process.exitValue(), Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException("running " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The repository layout of {@code org.kernelnet}: poms as written, jars packed from classes. */
  private static void publish(Path repository) throws IOException {
    Path root = PluginJarBuilder.moduleDir().getParent();
    String version = VersionProvider.kernelnetVersion();
    copy(root.resolve("pom.xml"), artifact(repository, "kernelnet-parent", version, "pom"));
    for (String module : MODULES) {
      Path classes = root.resolve(module).resolve("target").resolve("classes");
      if (!Files.isDirectory(classes)) {
        throw new IllegalStateException("no " + classes + ": build the modules first");
      }
      copy(root.resolve(module).resolve("pom.xml"), artifact(repository, module, version, "pom"));
      PluginJarBuilder.pack(classes, Map.of(), artifact(repository, module, version, "jar"));
    }
  }

  private static Path artifact(Path repository, String artifactId, String version,
      String extension) throws IOException {
    Path dir = Files.createDirectories(
        repository.resolve("org").resolve("kernelnet").resolve(artifactId).resolve(version));
    return dir.resolve(artifactId + "-" + version + "." + extension);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(requireNonNull(from), to);
  }

  private static String settings(Path localRepository, Path userRepository, Path kernelnet) {
    return """
        <settings>
          <localRepository>%s</localRepository>
          <mirrors>
            <mirror>
              <id>user-local-repository</id>
              <mirrorOf>central</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
          <profiles>
            <profile>
              <id>kernelnet-build</id>
              <repositories>
                <repository>
                  <id>kernelnet-build</id>
                  <url>%s</url>
                  <snapshots><enabled>true</enabled></snapshots>
                </repository>
              </repositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>kernelnet-build</activeProfile>
          </activeProfiles>
        </settings>
        """.formatted(localRepository, userRepository.toUri(), kernelnet.toUri());
  }
}
