package org.kernelnet.apps.plugin;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kernelnet.apps.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kernelnet plugin init DIR --name NAME}: writes a {@link PluginTemplate} project. */
@Command(
    name = "init",
    description = {
        "Writes a ready-to-build Maven project for a kernel plugin into DIR (new or empty): a pom"
            + " with the kernelnet API provided and the test kit (org.kernelnet:kernelnet-tests)"
            + " for its tests, a kernel to edit, the plugin root and its service file, and a test"
            + " running the kernel contract. 'mvn package' in DIR builds and tests it.",
        "Example: ./kernelnet plugin init ~/my-kernel --name my-kernel"})
public final class PluginInitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The project folder (new or empty).")
  private Path dir;

  @Option(names = "--name", required = true, paramLabel = "NAME",
      description = "The kernel's name, e.g. my-kernel: lower-case words joined by '-'. The classes"
          + " are named after it (MyKernelKernel, MyKernelPlugin), the artifact NAME-plugin.")
  private String name;

  @Option(names = "--package", paramLabel = "PKG",
      description = "The Java package (default: com.example.kernelnet.NAME without '-').")
  private String javaPackage;

  @Option(names = "--group-id", paramLabel = "G", defaultValue = "com.example",
      description = "The Maven group id (default: ${DEFAULT-VALUE}).")
  private String groupId;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PluginTemplate template = new PluginTemplate(name,
        javaPackage != null ? javaPackage : PluginTemplate.defaultPackage(name), groupId,
        VersionProvider.kernelnetVersion());
    List<Path> files = template.write(dir);
    PrintWriter out = spec.commandLine().getOut();
    Path at = dir.toAbsolutePath().normalize();
    out.printf("Wrote the %s plugin project (kernelnet %s) to %s:%n", name,
        template.kernelnetVersion(), at);
    files.forEach(f -> out.println("  " + f));
    out.printf("Next: cd %s && mvn package   (the kernelnet artifacts must be in your Maven"
        + " repository: 'mvn install -DskipTests' in a kernelnet checkout)%n", at);
    out.flush();
    return ExitCode.OK;
  }
}
