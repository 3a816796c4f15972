package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A ratings file is not valid: its message names the file, the 1-based line, the problem and the
 * line's text, e.g. {@code u.data, line 7: rating 3.5 is not on the scale integers 1..5: "1\t2\t3.5"}.
 */
public final class RatingsFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 200;

  private final transient Path file;
  private final long line;

  /**
   * @param file the file being read
   * @param line the 1-based line number, or 0 when the problem is not in one line
   * @param problem what is wrong
   * @param lineText the line's text, or {@code null}
   */
  public RatingsFormatException(Path file, long line, String problem, String lineText) {
    super(message(file, line, problem, lineText));
    this.file = file;
    this.line = line;
  }

  private static String message(Path file, long line, String problem, String lineText) {
    requireNonNull(file, "file is null");
    requireNonNull(problem, "problem is null");
    StringBuilder sb = new StringBuilder().append(file);
    if (line > 0) {
      sb.append(", line ").append(line);
    }
    sb.append(": ").append(problem);
    if (lineText != null) {
      String shown = lineText.length() > MAX_SHOWN ? lineText.substring(0, MAX_SHOWN) + "..." : lineText;
      sb.append(": \"").append(shown.replace("\t", "\\t")).append('"');
    }
    return sb.toString();
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem is not tied to one line. */
  public long line() {
    return line;
  }
}
