package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.report.RunStatus.State;

/**
 * The folder of one run of an application, kept as a unit:
 *
 * <ul>
 *   <li><b>Opened before any work.</b> {@link #open} resolves, creates, locks and checks the folder
 *       (and the folder of every {@link ExtraFile}, such as {@code --save FILE}) before plugins,
 *       the engine or any data are loaded; it takes milliseconds. Every refusal is a {@link
 *       ConfigurationException} (exit status 2) naming the path and the reason.
 *   <li><b>Unique default names.</b> Without {@code --output} the folder is {@code
 *       <defaultParent>/<yyyyMMdd-HHmmss>}, or that name with {@code -2}, {@code -3}, ... when it
 *       is taken, each created with {@link Files#createDirectory}, which fails if the name exists:
 *       two runs started in the same second never share a folder.
 *   <li><b>Exclusive.</b> A run holds the lock of {@value #LOCK_FILE} ({@link RunLock}), created
 *       with {@code CREATE_NEW} by a new run, until {@link #close}; a second run given the same
 *       folder is refused before it changes anything in it.
 *   <li><b>Never mixed.</b> A {@link Mode#NEW} run needs a missing or empty folder. {@link
 *       Mode#OVERWRITE} replaces a previous kernelnet run: it deletes the files that run listed in
 *       its status record, its bookkeeping files and temporary files of interrupted writes (names
 *       ending in {@value AtomicFile#TEMP_SUFFIX}), and nothing else, not even folders; a folder
 *       holding any other file is refused untouched. {@link Mode#RESUME} keeps every file, for a
 *       command that continues the run recorded in the folder; it refuses a folder whose run is
 *       complete or was made by another command. {@link Mode#EXTEND} is {@link Mode#RESUME} for
 *       a study that can grow, whose complete run may be continued with more settings.
 *   <li><b>Files written atomically and listed.</b> Every file goes through {@link #writer()}
 *       ({@link AtomicFile}: a temporary sibling moved into place), so no file is ever seen half
 *       written, and is listed in the status record as the run's own.
 *   <li><b>A status record written last.</b> {@value #STATUS_FILE} ({@link RunStatus}) says
 *       {@code running} from the start, and at the end {@code complete} ({@link #complete}), {@code
 *       failed} with the reason ({@link #fail}) or {@code interrupted} (a shutdown hook: SIGINT,
 *       SIGTERM or a JVM exit while the run is going). Once it is written nothing more is written
 *       through the writer, so only a folder whose status says complete holds whole results; a
 *       killed run keeps {@code running} with a lock no process holds.
 *   <li><b>Room for the status on a full disk.</b> Opening writes {@value #RESERVE_BYTES} bytes
 *       to {@value #RESERVE_FILE} (real blocks, not a sparse file); ending deletes it before it
 *       writes the status record, so the record (a few kilobytes, written atomically like every
 *       other file) has room even when the disk filled during the run. The reserve is not enough
 *       where another process takes the freed space first, where a status record outgrows it (a
 *       command line or file list of tens of kilobytes), or on copy-on-write file systems whose
 *       metadata needs room of its own; the record then stays {@code running}, never complete.
 * </ul>
 *
 * <p>Writes made by other means into a file named by {@link ResultsWriter#resolve} (an appended
 * journal) are listed but not ordered with the status record.
 */
public final class RunFolder implements AutoCloseable {
  /** The status record. */
  public static final String STATUS_FILE = "status.json";
  /** The lock file; it stays after the run and marks the folder as a kernelnet run folder. */
  public static final String LOCK_FILE = ".kernelnet-lock";
  /** The room kept for the last status record, deleted when the run ends. */
  public static final String RESERVE_FILE = ".kernelnet-reserve";
  /** The size of {@value #RESERVE_FILE}. */
  public static final int RESERVE_BYTES = 64 * 1024;

  private static final Set<String> BOOKKEEPING = Set.of(STATUS_FILE, LOCK_FILE, RESERVE_FILE);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final int MAX_SUFFIX = 1000;

  /** How a run treats a folder that already holds a run. */
  public enum Mode {
    /** A new run: the folder must be missing or empty. */
    NEW,
    /** Replace the kernelnet run in the folder (see the class comment for what is deleted). */
    OVERWRITE,
    /** Continue the unfinished run in the folder: every file is kept. */
    RESUME,
    /** Continue the run in the folder, complete or not: every file is kept. */
    EXTEND
  }

  /**
   * A file a run writes outside its folder, whose folder is created and checked for writing when
   * the run folder is opened.
   *
   * @param option the option that names it, for messages, e.g. {@code --save}
   * @param file the file
   */
  public record ExtraFile(String option, Path file) {
    /** Validates the record. */
    public ExtraFile {
      requireNonNull(option, "option is null");
      requireNonNull(file, "file is null");
    }
  }

  /**
   * What to open.
   *
   * @param output the folder given with {@code --output}; empty for a default-named one
   * @param defaultParent where a default-named folder is created, e.g. {@code results/movielens}
   * @param mode how a folder already holding a run is treated; not {@link Mode#NEW} only with an
   *     output
   * @param resumable whether the command can continue a run ({@code --resume}), named in refusals
   * @param command the command, e.g. {@code movielens benchmark}
   * @param arguments the command line after {@code kernelnet}
   * @param extraFiles files the run writes outside the folder
   * @param settings the settings a resumable run records in {@value RecordedSettings#FILE} and a
   *     {@link Mode#RESUME} of it must repeat, as JSON; empty if the run records none
   */
  public record Request(Optional<Path> output, Path defaultParent, Mode mode, boolean resumable,
      String command, List<String> arguments, List<ExtraFile> extraFiles,
      Optional<String> settings) {
    /**
     * Validates the record.
     *
     * @throws ConfigurationException for {@link Mode#OVERWRITE}, {@link Mode#RESUME} or {@link
     *     Mode#EXTEND} without an output folder
     */
    public Request {
      requireNonNull(output, "output is null");
      requireNonNull(defaultParent, "defaultParent is null");
      requireNonNull(mode, "mode is null");
      requireNonNull(command, "command is null");
      arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
      extraFiles = List.copyOf(requireNonNull(extraFiles, "extraFiles is null"));
      requireNonNull(settings, "settings is null");
      if (mode == Mode.OVERWRITE && output.isEmpty()) {
        throw new ConfigurationException(
            "--overwrite needs --output DIR: a default-named run folder is always new");
      }
      if ((mode == Mode.RESUME || mode == Mode.EXTEND) && output.isEmpty()) {
        throw new ConfigurationException(
            "--resume needs --output DIR, the folder of the run to continue");
      }
    }

    /** A request that records no settings. */
    public Request(Optional<Path> output, Path defaultParent, Mode mode, boolean resumable,
        String command, List<String> arguments, List<ExtraFile> extraFiles) {
      this(output, defaultParent, mode, resumable, command, arguments, extraFiles,
          Optional.empty());
    }

    /**
     * The request of a command that can continue a run.
     *
     * @param resume whether {@code --resume} was given
     * @throws ConfigurationException if {@code --resume} comes with {@code --overwrite}, or
     *     without {@code --output}
     */
    public Request resumable(boolean resume) {
      if (resume && mode == Mode.OVERWRITE) {
        throw new ConfigurationException("--resume continues the run in --output DIR and"
            + " --overwrite replaces it: give one of them");
      }
      return new Request(output, defaultParent, resume ? Mode.RESUME : mode, true, command,
          arguments, extraFiles, settings);
    }

    /**
     * The request of a study that can grow: a {@link Mode#RESUME} becomes {@link Mode#EXTEND},
     * which also continues a complete run; other modes are kept.
     */
    public Request extending() {
      return new Request(output, defaultParent, mode == Mode.RESUME ? Mode.EXTEND : mode,
          resumable, command, arguments, extraFiles, settings);
    }

    /** The request with one more file written outside the folder. */
    public Request alsoWriting(String option, Path file) {
      List<ExtraFile> files = new ArrayList<>(extraFiles);
      files.add(new ExtraFile(option, file));
      return new Request(output, defaultParent, mode, resumable, command, arguments, files,
          settings);
    }

    /**
     * The request of a run that records {@code settings} (a configuration record): a new run
     * writes them, a {@link Mode#RESUME} is refused before the folder is touched if they differ
     * from the recorded ones.
     */
    public Request recording(Object settings) {
      return new Request(output, defaultParent, mode, resumable, command, arguments, extraFiles,
          Optional.of(RecordedSettings.json(settings)));
    }
  }

  private final Path path;
  private final Clock clock;
  private final RunLock lock;
  private final Set<String> files;
  private final ResultsWriter writer;
  private final Thread shutdownHook;
  private final boolean resumed;
  private RunStatus status;
  private boolean closed;

  private RunFolder(Path path, Clock clock, RunLock lock, RunStatus status, boolean resumed) {
    this.path = path;
    this.resumed = resumed;
    this.clock = clock;
    this.lock = lock;
    this.status = status;
    this.files = new LinkedHashSet<>(status.files());
    this.writer = new ResultsWriter(path, this);
    this.shutdownHook = new Thread(this::interrupted, "kernelnet run folder " + path);
  }

  /**
   * Opens the run folder of {@code request}: creates and checks the folders of its extra files,
   * creates or takes the run folder, locks it, prepares it as the mode says, reserves room for the
   * last status record and writes the first ({@code running}).
   *
   * @throws ConfigurationException if a folder cannot be created or written (naming it and the
   *     reason), another run holds the folder, or the folder holds what the mode does not allow
   */
  public static RunFolder open(Request request) {
    return open(request, Clock.systemDefaultZone());
  }

  /** {@link #open(Request)} with the clock that names default folders and times the status. */
  static RunFolder open(Request request, Clock clock) {
    requireNonNull(request, "request is null");
    requireNonNull(clock, "clock is null");
    request.extraFiles().forEach(RunFolder::checkWritable);
    Path dir;
    RunLock lock;
    List<String> previousFiles = List.of();
    if (request.output().isEmpty()) {
      dir = createUnique(request.defaultParent(), LocalDateTime.now(clock).format(STAMP));
      lock = acquire(dir, true);
    } else {
      dir = request.output().get().toAbsolutePath().normalize();
      createFolder(dir, "--output " + request.output().get());
      lock = switch (request.mode()) {
        case NEW -> takeEmpty(dir, request);
        case OVERWRITE -> takeForOverwrite(dir, request);
        case RESUME, EXTEND -> acquire(dir, false);
      };
      if (request.mode() == Mode.RESUME || request.mode() == Mode.EXTEND) {
        previousFiles = resumable(dir, request, lock).map(RunStatus::files).orElse(List.of());
      }
      if (request.mode() == Mode.RESUME && request.settings().isPresent()) {
        releasingOnRefusal(lock, () -> RecordedSettings.checkResumed(dir, request.settings().get()));
      }
    }
    RunStatus first = RunStatus.started(request.command(), request.arguments(), clock.instant(),
        previousFiles);
    try {
      Files.write(dir.resolve(RESERVE_FILE), new byte[RESERVE_BYTES]);
      AtomicFile.write(dir.resolve(STATUS_FILE),
          out -> out.write(first.toJson().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      ConfigurationException refusal = new ConfigurationException("--output " + dir
          + ": the run cannot start: " + IoErrors.message("write into", dir, e));
      try {
        Files.deleteIfExists(dir.resolve(RESERVE_FILE));
        lock.close();
      } catch (IOException again) {
        refusal.addSuppressed(again);
      }
      throw refusal;
    }
    RunFolder folder = new RunFolder(dir, clock, lock, first,
        request.mode() == Mode.RESUME || request.mode() == Mode.EXTEND);
    Runtime.getRuntime().addShutdownHook(folder.shutdownHook);
    if (request.settings().isPresent() && !Files.exists(dir.resolve(RecordedSettings.FILE))) {
      folder.recordSettings(request.settings().get());
    }
    return folder;
  }

  /**
   * Writes {@value RecordedSettings#FILE}; if it cannot, records the run as failed, releases the
   * folder and refuses the run.
   */
  private void recordSettings(String json) {
    try {
      writer.write(RecordedSettings.FILE, json);
    } catch (UncheckedIOException e) {
      ConfigurationException refusal = new ConfigurationException(
          "--output " + path + ": the run cannot start: " + e.getMessage());
      try {
        fail(refusal.getMessage());
        close();
      } catch (IOException again) {
        refusal.addSuppressed(again);
      }
      throw refusal;
    }
  }

  /** The folder (absolute). */
  public Path path() {
    return path;
  }

  /**
   * Whether this run continues the run recorded in the folder ({@link Mode#RESUME}, {@link
   * Mode#EXTEND}).
   */
  public boolean resumed() {
    return resumed;
  }

  /** Writes files into the folder, atomically, listing each in the status record. */
  public ResultsWriter writer() {
    return writer;
  }

  /**
   * Records the run as complete, unless it has already ended (interrupted).
   *
   * @throws IOException if the status record cannot be written; it then still says running
   */
  public synchronized void complete() throws IOException {
    end(State.COMPLETE, null);
  }

  /**
   * Records the run as failed, unless it has already ended.
   *
   * @param reason what went wrong, as the user was told
   * @throws IOException if the status record cannot be written; it then still says running
   */
  public synchronized void fail(String reason) throws IOException {
    end(State.FAILED, requireNonNull(reason, "reason is null"));
  }

  /** Releases the lock; the status record stays as last written. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or has run
    }
    lock.close();
  }

  /** Writes {@code target}, a file inside the folder, atomically and lists it. */
  synchronized void write(Path target, AtomicFile.Content content) throws IOException {
    requireRunning();
    AtomicFile.write(target, content);
    record(target);
  }

  /**
   * Lists {@code target}, a file inside the folder, as the run's own; a newly listed file is added
   * to the status record on disk at once, so that {@code --overwrite} finds it even after a kill.
   */
  synchronized void record(Path target) throws IOException {
    requireRunning();
    String name = name(target);
    if (BOOKKEEPING.contains(name)) {
      throw new IllegalArgumentException(
          "'" + name + "' is the run folder's own bookkeeping file, not a result");
    }
    if (files.add(name)) {
      writeStatus(status.withFiles(List.copyOf(files)));
    }
  }

  private void requireRunning() {
    if (status.status() != State.RUNNING) {
      throw new IllegalStateException("the run in " + path + " has ended ("
          + status.status().label() + "); nothing more is written into its folder");
    }
  }

  private void end(State state, String reason) throws IOException {
    if (status.status() != State.RUNNING) {
      return;
    }
    Files.deleteIfExists(path.resolve(RESERVE_FILE)); // the room for the record below
    writeStatus(status.withFiles(List.copyOf(files)).ended(state, reason, clock.instant()));
  }

  private void writeStatus(RunStatus next) throws IOException {
    byte[] json = next.toJson().getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(path.resolve(STATUS_FILE), out -> out.write(json));
    status = next;
  }

  /** The shutdown hook: the JVM is going down while the run is going. */
  private synchronized void interrupted() {
    try {
      end(State.INTERRUPTED, "the process was stopped (SIGINT, SIGTERM or a JVM exit) before the"
          + " run ended");
    } catch (IOException e) {
      System.err.println("kernelnet: cannot record the interruption of the run in " + path + ": "
          + e.getMessage());
    }
  }

  private String name(Path target) {
    Path relative = path.relativize(target.toAbsolutePath().normalize());
    if (relative.toString().isEmpty() || relative.startsWith("..")) {
      throw new IllegalArgumentException(target + " is not a file inside " + path);
    }
    return relative.toString().replace(File.separatorChar, '/');
  }

  /** Creates the folder of an extra file and checks it by creating and deleting a file there. */
  private static void checkWritable(ExtraFile extra) {
    Path file = extra.file().toAbsolutePath().normalize();
    String option = extra.option() + " " + extra.file();
    if (Files.isDirectory(file)) {
      throw new ConfigurationException(option + ": " + file + " is a folder, not a file");
    }
    Path folder = file.getParent();
    createFolder(folder, option);
    try {
      Files.delete(Files.createTempFile(folder, ".kernelnet-probe.", AtomicFile.TEMP_SUFFIX));
    } catch (IOException e) {
      throw new ConfigurationException(option + ": " + IoErrors.message("write into", folder, e));
    }
  }

  /** Creates {@code dir} and its parents, naming a parent that is a file if that is the cause. */
  private static void createFolder(Path dir, String what) {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new ConfigurationException(what + ": " + dir + " is a file, not a folder");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      Path blocker = dir.getParent();
      while (blocker != null && !Files.exists(blocker)) {
        blocker = blocker.getParent();
      }
      String reason = blocker != null && !Files.isDirectory(blocker)
          ? blocker + " is a file, not a folder" : IoErrors.reason(e);
      throw new ConfigurationException(what + ": cannot create the folder " + dir + ": " + reason);
    }
  }

  /** Creates {@code parent/stamp}, or {@code parent/stamp-2}, {@code -3}, ... if it is taken. */
  private static Path createUnique(Path defaultParent, String stamp) {
    Path parent = defaultParent.toAbsolutePath().normalize();
    createFolder(parent, "the results folder");
    for (int n = 1; n <= MAX_SUFFIX; n++) {
      Path dir = parent.resolve(n == 1 ? stamp : stamp + "-" + n);
      try {
        Files.createDirectory(dir);
        return dir;
      } catch (FileAlreadyExistsException e) {
        // taken: try the next suffix
      } catch (IOException e) {
        throw new ConfigurationException(IoErrors.message("create the run folder", dir, e));
      }
    }
    throw new ConfigurationException("no free run folder name in " + parent + ": " + stamp
        + " to " + stamp + "-" + MAX_SUFFIX + " are taken; give one with --output DIR");
  }

  /** A {@link Mode#NEW} run: the folder must be empty, and the lock file new. */
  private static RunLock takeEmpty(Path dir, Request request) {
    if (Files.exists(dir.resolve(LOCK_FILE), LinkOption.NOFOLLOW_LINKS)) {
      throw occupied(dir, request);
    }
    List<String> entries = entries(dir);
    if (!entries.isEmpty()) {
      throw new ConfigurationException("--output " + dir + " is not empty (it holds "
          + sample(entries) + ") and holds no kernelnet run: a run starts in a new or empty"
          + " folder; choose another --output (--overwrite replaces only a kernelnet run)");
    }
    return acquire(dir, true);
  }

  /**
   * A {@link Mode#OVERWRITE} run: takes the lock, then deletes the previous run's files if the
   * folder holds nothing else; a folder without a lock file must be empty (it holds no run).
   */
  private static RunLock takeForOverwrite(Path dir, Request request) {
    if (!Files.exists(dir.resolve(LOCK_FILE), LinkOption.NOFOLLOW_LINKS)) {
      List<String> entries = entries(dir);
      if (!entries.isEmpty()) {
        throw new ConfigurationException("--output " + dir + " holds no kernelnet run but "
            + sample(entries) + ": --overwrite replaces only a kernelnet run's own files; choose"
            + " another --output");
      }
    }
    RunLock lock = acquire(dir, false);
    try {
      Set<String> own = new LinkedHashSet<>(BOOKKEEPING);
      RunStatus.read(dir).ifPresent(previous -> own.addAll(previous.files()));
      List<Path> deletable = new ArrayList<>();
      List<String> foreign = new ArrayList<>();
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          String name = dir.relativize(file).toString().replace(File.separatorChar, '/');
          if (name.equals(LOCK_FILE)) {
            return FileVisitResult.CONTINUE;
          }
          boolean unfinished = file.getFileName().toString().endsWith(AtomicFile.TEMP_SUFFIX);
          if (own.contains(name) || unfinished) {
            deletable.add(file);
          } else {
            foreign.add(name);
          }
          return FileVisitResult.CONTINUE;
        }
      });
      if (!foreign.isEmpty()) {
        throw new ConfigurationException("--output " + dir + " holds files that its kernelnet run"
            + " did not write: " + sample(foreign) + "; --overwrite deletes only a run's own files:"
            + " move them away or choose another --output");
      }
      for (Path file : deletable) {
        Files.deleteIfExists(file);
      }
      return lock;
    } catch (IOException | RuntimeException e) {
      try {
        lock.close();
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ConfigurationException("--output " + dir + ": cannot clear the previous run: "
          + IoErrors.reason(e));
    }
  }

  /**
   * The status of the run a {@link Mode#RESUME} or {@link Mode#EXTEND} request continues, the
   * folder's lock taken; the lock is released before a refusal.
   *
   * @return empty if the folder holds no status record (a run killed before it wrote one, or
   *     none): the run starts from the beginning
   * @throws ConfigurationException if the recorded run is of another command, or complete and
   *     the mode {@link Mode#RESUME}
   */
  private static Optional<RunStatus> resumable(Path dir, Request request, RunLock lock) {
    Optional<RunStatus> previous = RunStatus.read(dir);
    String refusal = null;
    if (previous.isPresent() && previous.get().status() == State.COMPLETE
        && request.mode() == Mode.RESUME) {
      refusal = " holds a complete run (" + previous.get().describe() + "): there is nothing to"
          + " continue; pass --overwrite to run it again, or choose another --output";
    } else if (previous.isPresent() && !previous.get().command().equals(request.command())) {
      refusal = " holds a run of 'kernelnet " + previous.get().command() + "', not of 'kernelnet "
          + request.command() + "': resume it with its own command, or choose another --output";
    }
    if (refusal != null) {
      String reason = refusal;
      releasingOnRefusal(lock, () -> {
        throw new ConfigurationException("--resume: --output " + dir + reason);
      });
    }
    return previous;
  }

  /** Runs {@code check}; if it refuses the run, releases the folder's lock first. */
  private static void releasingOnRefusal(RunLock lock, Runnable check) {
    try {
      check.run();
    } catch (ConfigurationException refused) {
      try {
        lock.close();
      } catch (IOException e) {
        refused.addSuppressed(e);
      }
      throw refused;
    }
  }

  /** Takes the folder's lock, or refuses because another run holds it. */
  private static RunLock acquire(Path dir, boolean createNew) {
    Optional<RunLock> lock;
    try {
      lock = RunLock.acquire(dir, createNew);
    } catch (FileAlreadyExistsException e) {
      throw inUse(dir); // a run took the folder since it was found empty
    } catch (IOException e) {
      throw new ConfigurationException("--output " + dir + ": "
          + IoErrors.message("create the lock file in", dir, e));
    }
    return lock.orElseThrow(() -> inUse(dir));
  }

  /** The refusal of a new run in a folder that holds a run. */
  private static ConfigurationException occupied(Path dir, Request request) {
    if (RunLock.isHeld(dir)) {
      return inUse(dir);
    }
    String previous = RunStatus.read(dir).map(RunStatus::describe).orElse("no status record");
    return new ConfigurationException("--output " + dir + " already holds a kernelnet run ("
        + previous + "): pass --overwrite to replace it" + (request.resumable()
            ? ", --resume to continue it," : "") + " or choose another --output");
  }

  private static ConfigurationException inUse(Path dir) {
    String who = RunStatus.read(dir).filter(s -> s.status() == State.RUNNING)
        .map(s -> " (" + s.command() + ", process " + s.pid() + ", started " + s.startedAt() + ")")
        .orElse("");
    return new ConfigurationException("--output " + dir + " is in use: another kernelnet run"
        + who + " is writing into it; choose another --output");
  }

  private static List<String> entries(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new ConfigurationException("--output " + dir + ": "
          + IoErrors.message("list", dir, e));
    }
  }

  /** Up to five names, and how many more. */
  private static String sample(List<String> names) {
    String shown = String.join(", ", names.subList(0, Math.min(5, names.size())));
    return names.size() > 5 ? shown + " and " + (names.size() - 5) + " more" : shown;
  }
}
