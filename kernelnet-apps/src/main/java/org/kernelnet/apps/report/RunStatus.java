package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The status record of a run folder, {@value RunFolder#STATUS_FILE}: whether the run is still
 * going or ended complete, failed or interrupted, why, when, by which command line, and which
 * files the run wrote into the folder (the only files {@code --overwrite} deletes).
 *
 * @param format the version of this record's layout, {@value #FORMAT}
 * @param status the state of the run
 * @param reason why it failed or was interrupted; null while running and when complete
 * @param command the command, e.g. {@code movielens benchmark}
 * @param arguments the command line after {@code kernelnet}, as given
 * @param pid the process that ran the run
 * @param startedAt when it started (UTC, ISO-8601)
 * @param endedAt when it ended (UTC, ISO-8601), null while running
 * @param files the files the run wrote into its folder, relative to it with {@code /}, in the
 *     order they were first written; the folder's own bookkeeping files are not listed
 */
public record RunStatus(int format, State status, String reason, String command,
    List<String> arguments, long pid, String startedAt, String endedAt, List<String> files) {
  /** The layout version written. */
  public static final int FORMAT = 1;

  /** The state of a run. Only {@link #COMPLETE} means the folder's results are whole. */
  public enum State {
    /** Started and not ended; if no process holds the folder's lock, it was killed. */
    @SerializedName("running") RUNNING,
    /** Ended normally: every result was written. */
    @SerializedName("complete") COMPLETE,
    /** Ended by an error, named in the reason. */
    @SerializedName("failed") FAILED,
    /** Stopped by a signal (SIGINT, SIGTERM) or a JVM exit before it ended. */
    @SerializedName("interrupted") INTERRUPTED;

    /** The name written in the record, e.g. {@code complete}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates and copies the record. */
  public RunStatus {
    requireNonNull(status, "status is null");
    requireNonNull(command, "command is null");
    requireNonNull(startedAt, "startedAt is null");
    arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
    files = List.copyOf(requireNonNull(files, "files is null"));
  }

  /** A run that starts now in this process. */
  static RunStatus started(String command, List<String> arguments, Instant now,
      List<String> files) {
    return new RunStatus(FORMAT, State.RUNNING, null, command, arguments,
        ProcessHandle.current().pid(), now.toString(), null, files);
  }

  /** This run having ended in {@code state} at {@code now}. */
  RunStatus ended(State state, String why, Instant now) {
    return new RunStatus(format, state, why, command, arguments, pid, startedAt, now.toString(),
        files);
  }

  /** This run with another list of files. */
  RunStatus withFiles(List<String> written) {
    return new RunStatus(format, status, reason, command, arguments, pid, startedAt, endedAt,
        written);
  }

  /**
   * The status record of {@code folder}.
   *
   * @return empty if the folder has none, or one that cannot be read as a status record
   */
  public static Optional<RunStatus> read(Path folder) {
    Path file = folder.resolve(RunFolder.STATUS_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String json = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(ResultsWriter.gson().fromJson(json, RunStatus.class));
    } catch (IOException | JsonParseException | NullPointerException e) {
      return Optional.empty(); // unreadable, or a required field is missing
    }
  }

  /** The record as pretty JSON with a final line break. */
  String toJson() {
    return ResultsWriter.gson().toJson(this) + "\n";
  }

  /**
   * What the record says, for messages about a folder whose lock no process holds, e.g. {@code
   * movielens, complete, ended 2025-01-02T10:00:00Z}.
   */
  String describe() {
    if (status == State.RUNNING) {
      return command + ", started " + startedAt + " by process " + pid
          + " and stopped without recording its end (killed or crashed)";
    }
    return command + ", " + status.label() + (reason == null ? "" : " (" + reason + ")")
        + ", ended " + endedAt;
  }
}
