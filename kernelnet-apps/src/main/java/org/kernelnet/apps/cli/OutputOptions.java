package org.kernelnet.apps.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kernelnet.apps.report.RunFolder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The run folder options of every command that writes results (a picocli mixin): {@code --output
 * DIR} and {@code --overwrite}, and for a command that can continue an interrupted run ({@link
 * Resumable}) {@code --resume}. The default folder is {@code results/<command>/<yyyyMMdd-HHmmss>}
 * in the working folder, {@code <command>} being the command's words joined by {@code /} (e.g.
 * {@code results/mnist/grid-prior/...}); what the options mean is {@link RunFolder}'s contract.
 */
public sealed class OutputOptions permits OutputOptions.Resumable {
  /** Where default-named run folders go, relative to the working folder. */
  public static final Path RESULTS = Path.of("results");

  @Spec(Spec.Target.MIXEE) private CommandSpec command;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Run folder, created if missing; a new run needs it empty (default:"
          + " results/<command>/<yyyyMMdd-HHmmss>, with -2, -3... added when taken). It gets the"
          + " results, written atomically, and " + RunFolder.STATUS_FILE + ", written last:"
          + " running, complete, failed or interrupted, with the reason. Refused (exit 2) if"
          + " another run is writing into it or it cannot be written.")
  private Path output;

  @Option(
      names = "--overwrite",
      description = "Replace the kernelnet run in --output DIR: delete the files it listed as its"
          + " own in " + RunFolder.STATUS_FILE + " and its unfinished temporary files, nothing"
          + " else (not even folders). Refused if DIR holds any other file.")
  private boolean overwrite;

  /** What to open: the folder, the mode, the command and its line. */
  public RunFolder.Request request() {
    List<String> words = new ArrayList<>();
    for (CommandSpec c = command; c.parent() != null; c = c.parent()) {
      words.add(0, c.name());
    }
    return new RunFolder.Request(Optional.ofNullable(output),
        RESULTS.resolve(String.join("/", words)),
        overwrite ? RunFolder.Mode.OVERWRITE : RunFolder.Mode.NEW, false, String.join(" ", words),
        command.commandLine().getParseResult().originalArgs(), List.of());
  }

  /**
   * The run folder options of a command that can continue an interrupted run: {@link
   * OutputOptions}' and {@code --resume}. What a resumed run keeps is the command's to say (its
   * description); a resume of another command's run is refused, and of a complete run unless
   * the command's request is {@link RunFolder.Request#extending()} (a study that can grow);
   * commands that record their settings ({@link org.kernelnet.apps.report.RecordedSettings})
   * refuse a resume with other ones.
   */
  public static final class Resumable extends OutputOptions {
    @Option(
        names = "--resume",
        description = "Continue the run in --output DIR from what it recorded as finished (the"
            + " command's description says what); every file is kept. Refused (exit 2) if that"
            + " run was another command's, had other settings (each named), or is complete with"
            + " nothing left to do.")
    private boolean resume;

    /** Whether {@code --resume} was given. */
    public boolean resume() {
      return resume;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigurationException if {@code --resume} comes with {@code --overwrite}, or
     *     without {@code --output}
     */
    @Override
    public RunFolder.Request request() {
      return super.request().resumable(resume);
    }
  }
}
