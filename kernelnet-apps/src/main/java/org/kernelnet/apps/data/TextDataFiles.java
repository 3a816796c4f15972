package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What every reader of a text data file (ratings, movie titles) does alike: it skips a UTF-8
 * byte-order mark at the start, as editors on Windows write one, and it skips blank lines (empty or
 * only spaces and tabs), reporting how many in one line per file rather than failing on them.
 */
public final class TextDataFiles {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TextDataFiles() {}

  /**
   * {@code in} without the UTF-8 byte-order mark {@code EF BB BF} it may start with: a stream that
   * reads the same bytes, from after the mark if there is one.
   */
  public static InputStream skipByteOrderMark(InputStream in) throws IOException {
    requireNonNull(in, "in is null");
    PushbackInputStream pushback = new PushbackInputStream(in, BYTE_ORDER_MARK.length);
    byte[] start = pushback.readNBytes(BYTE_ORDER_MARK.length);
    boolean mark = start.length == BYTE_ORDER_MARK.length && start[0] == BYTE_ORDER_MARK[0]
        && start[1] == BYTE_ORDER_MARK[1] && start[2] == BYTE_ORDER_MARK[2];
    if (!mark) {
      pushback.unread(start);
    }
    return pushback;
  }

  /**
   * Tells {@code notes}, if {@code count > 0}, in one line naming {@code file}, that {@code count}
   * blank lines were skipped, e.g. {@code /data/u.data: skipped 2 blank lines}.
   */
  public static void reportBlankLines(Path file, long count, Consumer<String> notes) {
    requireNonNull(file, "file is null");
    requireNonNull(notes, "notes is null");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    if (count > 0) {
      notes.accept(file + ": skipped " + count + " blank line" + (count == 1 ? "" : "s"));
    }
  }
}
