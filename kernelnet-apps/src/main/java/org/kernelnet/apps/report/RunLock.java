package org.kernelnet.apps.report;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock of a run folder: a {@link FileLock} on its {@value RunFolder#LOCK_FILE}, held
 * until {@link #close}. The operating system releases it when the process ends, however it ends,
 * so a lock that can be taken means that no live run uses the folder. The lock file itself stays:
 * it marks the folder as a kernelnet run folder, and deleting it would let two processes lock two
 * different files of the same name.
 *
 * <p>File locks belong to a process, not to a channel, and on Linux closing any channel of a file
 * drops the process's lock on it; so the folders locked by this process are also kept in a
 * process-wide set, consulted before a second channel on the same lock file is ever opened.
 */
final class RunLock implements AutoCloseable {
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code folder}.
   *
   * @param createNew whether the lock file must be new ({@code CREATE_NEW}): a new run in a folder
   *     that has none; otherwise an existing one is used
   * @return empty if another run (in this process or another) holds it
   * @throws java.nio.file.FileAlreadyExistsException with {@code createNew}, if the file exists
   * @throws IOException if the lock file cannot be created or opened
   */
  static Optional<RunLock> acquire(Path folder, boolean createNew) throws IOException {
    Path file = folder.toRealPath().resolve(RunFolder.LOCK_FILE);
    if (!HELD_HERE.add(file)) {
      return Optional.empty();
    }
    FileChannel channel = null;
    FileLock lock = null;
    try {
      channel = createNew ? FileChannel.open(file, CREATE_NEW, WRITE)
          : FileChannel.open(file, CREATE, WRITE);
      lock = channel.tryLock();
      return lock == null ? Optional.empty() : Optional.of(new RunLock(file, channel, lock));
    } finally {
      if (lock == null) {
        if (channel != null) {
          channel.close();
        }
        HELD_HERE.remove(file);
      }
    }
  }

  /** Whether a live run, in this process or another, holds the lock of {@code folder} now. */
  static boolean isHeld(Path folder) {
    Path file;
    try {
      file = folder.toRealPath().resolve(RunFolder.LOCK_FILE);
    } catch (IOException e) {
      return false;
    }
    if (HELD_HERE.contains(file)) {
      return true;
    }
    try (FileChannel channel = FileChannel.open(file, WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // taken by another thread of this process meanwhile
    } catch (IOException e) {
      return false; // no lock file, or one this process cannot open: no run it could see
    }
  }

  /** Releases the lock (the file stays). */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
      channel.close();
    } finally {
      HELD_HERE.remove(file);
    }
  }
}
