package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * How an I/O error is told to a user: what could not be done, to which path, and why. Java's own
 * messages give either the path without the reason ({@code AccessDeniedException: /x}) or the
 * reason without the path ({@code IOException: No space left on device}, {@code I/O error writing
 * PNG file!}); these helpers always give both.
 */
public final class IoErrors {
  private IoErrors() {}

  /** {@code cannot <action> <path>: <reason>}, e.g. {@code cannot write /r/a.png: No space ...}. */
  public static String message(String action, Path path, Throwable error) {
    requireNonNull(action, "action is null");
    requireNonNull(path, "path is null");
    return "cannot " + action + " " + path + ": " + reason(error);
  }

  /**
   * The reason of an error and of its causes without the paths Java puts in front, e.g. {@code I/O
   * error writing PNG file!: No space left on device}; a cause that repeats what is already said is
   * left out.
   */
  public static String reason(Throwable error) {
    requireNonNull(error, "error is null");
    StringBuilder reason = new StringBuilder();
    int depth = 0;
    for (Throwable t = error; t != null && depth < 5; t = t.getCause(), depth++) {
      String part = ownReason(t);
      if (reason.indexOf(part) < 0) {
        reason.append(reason.length() == 0 ? "" : ": ").append(part);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return reason.toString();
  }

  private static String ownReason(Throwable t) {
    if (t instanceof FileSystemException e) {
      if (e.getReason() != null) {
        return e.getReason();
      }
      if (e instanceof AccessDeniedException) {
        return "permission denied";
      }
      if (e instanceof NoSuchFileException) {
        return "no such file or folder";
      }
      if (e instanceof FileAlreadyExistsException) {
        return "it already exists";
      }
      if (e instanceof NotDirectoryException) {
        return "not a folder";
      }
      if (e instanceof DirectoryNotEmptyException) {
        return "the folder is not empty";
      }
      return e.getClass().getSimpleName(); // its message is only the path
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
