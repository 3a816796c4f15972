package org.kernelnet.apps;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import org.kernelnet.apps.cli.Environment;
import org.kernelnet.apps.cli.ErrorReporter;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of the {@code kernelnet} launcher. {@link #main} runs {@link #execute} on the real
 * terminal and environment and exits with its status: 0 ok, 1 runtime failure, 2 usage or
 * configuration error. A user sees one clear message per error; the stack trace only with {@code
 * --verbose} or {@code KERNELNET_DEBUG=1}.
 */
public final class Kernelnet {
  static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
  /** Quietened to error in {@code simplelogger.properties}; {@code --verbose} shows it again. */
  static final String CUDA_LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils";

  private Kernelnet() {}

  /** Runs the launcher and exits the JVM with its status. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int status = execute(args, out, err, Environment.system());
    out.flush();
    err.flush();
    System.exit(status);
  }

  /**
   * Parses {@code args} and runs the chosen command in this JVM.
   *
   * @param args the command line, e.g. {@code kernels --plugins /opt/plugins}
   * @param out where results go
   * @param err where warnings and errors go
   * @param environment the environment variables and home folder to use
   * @return the exit status
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err, Environment environment) {
    requireNonNull(args, "args is null");
    requireNonNull(out, "out is null");
    requireNonNull(err, "err is null");
    requireNonNull(environment, "environment is null");
    return commandLine(out, err, environment).execute(args);
  }

  /** The launcher's command tree, configured as {@link #execute} runs it. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment) {
    CommandLine commandLine = new CommandLine(new KernelnetCommand(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionStrategy(parseResult -> {
      if (verbose(parseResult)) {
        raiseLogLevel(LOG_LEVEL_PROPERTY);
        raiseLogLevel(CUDA_LOG_LEVEL_PROPERTY);
      }
      return new RunLast().execute(parseResult);
    });
    commandLine.setParameterExceptionHandler(Kernelnet::usageError);
    commandLine.setExecutionExceptionHandler((error, command, parseResult) ->
        new ErrorReporter(command.getErr(), environment.debug() || verbose(parseResult)).report(error));
    return commandLine;
  }

  /** Sets a logger level to info unless the user set it (slf4j-simple reads it at first use). */
  private static void raiseLogLevel(String property) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, "info");
    }
  }

  private static int usageError(ParameterException error, String[] args) {
    CommandLine command = error.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("kernelnet: " + error.getMessage());
    UnmatchedArgumentException.printSuggestions(error, err);
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCode.USAGE;
  }

  /** Whether {@code --verbose} was given to any command on the line. */
  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption(KernelnetCommand.VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
