package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file atomically: into a temporary sibling ({@code .<name>.<random>}{@value
 * #TEMP_SUFFIX}), then moved into place, so that a reader never sees a half-written file and a
 * failure (a full disk, say) leaves an existing file as it was and no new one. The file gets the
 * ordinary permissions {@code rw-r--r--} where the file system has POSIX permissions (a temporary
 * file is created owner-only).
 */
public final class AtomicFile {
  /** How the temporary files end; one left behind by a killed process is recognised by it. */
  public static final String TEMP_SUFFIX = ".kernelnet-tmp";

  /** Writes the content to a stream (which the caller closes). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code content} to {@code file}, creating its parent folders.
   *
   * @throws IOException if creating, writing or moving fails, with a message naming {@code file}
   *     and the reason ({@link IoErrors#message}); {@code file} is then unchanged and no temporary
   *     file is left behind
   */
  public static void write(Path file, Content content) throws IOException {
    requireNonNull(file, "file is null");
    requireNonNull(content, "content is null");
    Path target = file.toAbsolutePath();
    Path tmp;
    try {
      Files.createDirectories(target.getParent());
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
    } catch (IOException e) {
      throw new IOException(IoErrors.message("write", target, e), e);
    }
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        content.writeTo(out);
      }
      if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IOException(IoErrors.message("write", target, e), e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
