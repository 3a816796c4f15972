package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * The finished runs of a long study, appended to a file as each one ends, so that an interrupted
 * study (a crash, a kill, a power cut) loses only the run in progress and can be resumed.
 *
 * <p>The file holds one JSON object per line, {@code {"setup": S, "run": R}}: the setup is what
 * every run of the study shares (data sizes, epochs, ...), the run its own settings and results.
 * Opened to resume, the journal reads back the runs recorded under the same setup; a line with
 * another setup is an error (it belongs to another study), and a line that cannot be read, such as
 * the last line of a journal cut off mid-write, is skipped and counted. Journals of parts of one
 * study run apart under the same setup (e.g. one kernel each, in two processes) can be joined by
 * concatenating the files.
 *
 * @param <S> the setup record
 * @param <R> the run record
 */
public final class RunJournal<S extends Record, R extends Record> {
  private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues()
      .disableHtmlEscaping().create();

  private final Path file;
  private final JsonElement setup;
  private final List<R> runs;
  private final int unreadable;

  private RunJournal(Path file, JsonElement setup, List<R> runs, int unreadable) {
    this.file = file;
    this.setup = setup;
    this.runs = runs;
    this.unreadable = unreadable;
  }

  /**
   * Opens the journal {@code file} of a study with {@code setup}.
   *
   * @param resume whether to continue the study recorded in the file; otherwise the file must not
   *     hold any run, so that a finished or interrupted study is never overwritten by mistake
   * @throws IllegalStateException if resuming a journal recorded under another setup, or starting
   *     afresh where a journal with runs exists; the message says which and how to go on
   * @throws IOException if the file cannot be read or created
   */
  public static <S extends Record, R extends Record> RunJournal<S, R> open(Path file, S setup,
      Class<R> runType, boolean resume) throws IOException {
    requireNonNull(file, "file is null");
    requireNonNull(setup, "setup is null");
    requireNonNull(runType, "runType is null");
    JsonElement expected = GSON.toJsonTree(setup);
    List<R> runs = new ArrayList<>();
    int unreadable = 0;
    List<String> lines = Files.exists(file)
        ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject entry;
      R run;
      try {
        entry = JsonParser.parseString(line).getAsJsonObject();
        run = GSON.fromJson(entry.get("run"), runType);
      } catch (JsonParseException | IllegalStateException e) {
        unreadable++;
        continue;
      }
      if (run == null || !entry.has("setup")) {
        unreadable++;
        continue;
      }
      if (!resume) {
        throw new IllegalStateException(file + " already records runs of a study: pass --resume to"
            + " continue it, or choose another --output");
      }
      if (!entry.get("setup").equals(expected)) {
        throw new IllegalStateException(file + " records a study with the setup "
            + entry.get("setup") + ", not " + expected + ": resume it with the same options, or"
            + " choose another --output");
      }
      runs.add(run);
    }
    if (!resume) {
      Files.deleteIfExists(file); // nothing readable in it: start afresh
    } else if (endsMidLine(file)) {
      // a line cut off mid-write: end it, so that the next run starts a line of its own
      Files.writeString(file, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    return new RunJournal<>(file, expected, runs, unreadable);
  }

  /**
   * Opens the journal {@code name} in the run folder of {@code writer}: continued if the run
   * resumes another ({@link ResultsWriter#resumesRun()}), else new.
   *
   * @throws ConfigurationException if the recorded runs are of another setup
   * @throws UncheckedIOException naming the file and the reason if it cannot be read or created
   */
  public static <S extends Record, R extends Record> RunJournal<S, R> inRunFolder(
      ResultsWriter writer, String name, S setup, Class<R> runType) {
    requireNonNull(writer, "writer is null");
    Path file = writer.resolve(name);
    try {
      return open(file, setup, runType, writer.resumesRun());
    } catch (IllegalStateException e) {
      throw new ConfigurationException("--resume: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(IoErrors.message("open", file, e), e);
    }
  }

  private static boolean endsMidLine(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return false;
    }
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.position(channel.size() - 1).read(last);
      return last.get(0) != '\n';
    }
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  /** The runs read back when the journal was opened and those appended since, in order. */
  public List<R> runs() {
    return List.copyOf(runs);
  }

  /** The number of lines that could not be read when the journal was opened. */
  public int unreadableLines() {
    return unreadable;
  }

  /** The first recorded run that {@code matches}, if any. */
  public Optional<R> find(Predicate<R> matches) {
    requireNonNull(matches, "matches is null");
    return runs.stream().filter(matches).findFirst();
  }

  /**
   * Appends a finished run as one line and flushes it to the file.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public void append(R run) {
    requireNonNull(run, "run is null");
    JsonObject entry = new JsonObject();
    entry.add("setup", setup);
    entry.add("run", GSON.toJsonTree(run));
    try {
      Files.writeString(file, GSON.toJson(entry) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
    runs.add(run);
  }
}
