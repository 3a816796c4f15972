package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.function.Consumer;
import java.util.zip.ZipException;
import org.kernelnet.apps.data.TextDataFiles;
import org.kernelnet.apps.movielens.data.internal.IdIndex;

/**
 * Reads a MovieLens ratings file into {@link Ratings}: one rating per line, {@code
 * user<sep>item<sep>rating[<sep>timestamp]} with {@code sep} a tab (ML-100K {@code u.data}), {@code
 * ::} (ML-1M, ML-10M {@code ratings.dat}) or a comma (ML-20M {@code ratings.csv}, whose first line
 * is a header, see {@link #withHeader}). The 4-field originals and the 3-field form without
 * timestamps are both accepted, but one file uses one form throughout. Ids are non-negative
 * integers, ratings decimals on the data set's {@link RatingScale}; timestamps are checked to be
 * non-negative integers and then dropped. LF or CRLF line ends. A UTF-8 byte-order mark at the
 * start is skipped, and so are blank lines (empty or only spaces and tabs), which are counted and
 * reported in one line per file (see {@link TextDataFiles}); line numbers in errors count them.
 *
 * <p>Plain or gzip, told apart by the gzip magic bytes {@code 1f 8b}, not by the file name. The
 * bytes are parsed directly (no regex, no string per field), so ten million lines take seconds.
 *
 * <p>All or nothing: the first malformed line, non-numeric field, rating off the scale or repeated
 * (user, item) pair aborts the read with a {@link RatingsFormatException} naming file and line, and
 * no {@link Ratings} is returned.
 */
public final class RatingsReader {
  private static final int BUFFER = 1 << 20;

  private final byte[] separator;
  private final String separatorText;
  private final RatingScale scale;
  private final String header;

  /**
   * @param separator the field separator, e.g. {@code "\t"} or {@code "::"}; ASCII, not containing
   *     digits, {@code '.'}, {@code '-'}, CR or LF
   * @param scale the allowed rating values
   */
  public RatingsReader(String separator, RatingScale scale) {
    this(separator, scale, null);
  }

  private RatingsReader(String separator, RatingScale scale, String header) {
    requireNonNull(separator, "separator is null");
    if (separator.isEmpty() || !separator.chars().allMatch(c -> c < 128 && c != '\n' && c != '\r'
        && c != '.' && c != '-' && !Character.isDigit(c))) {
      throw new IllegalArgumentException("separator must be non-empty ASCII without digits, '.', '-',"
          + " CR or LF, got '" + separator + "'");
    }
    this.separator = separator.getBytes(ISO_8859_1);
    this.separatorText = separator.equals("\t") ? "tab" : "'" + separator + "'";
    this.scale = requireNonNull(scale, "scale is null");
    this.header = header;
  }

  /**
   * A reader of files whose first line is exactly {@code header} (after an optional CR), e.g.
   * ML-20M's {@code userId,movieId,rating,timestamp}; a file with another first line is rejected.
   *
   * @param header one line of ASCII text, not empty
   */
  public RatingsReader withHeader(String header) {
    requireNonNull(header, "header is null");
    if (header.isEmpty() || !header.chars().allMatch(c -> c < 128 && c != '\n' && c != '\r')) {
      throw new IllegalArgumentException("header must be one non-empty line of ASCII text, got '"
          + header + "'");
    }
    return new RatingsReader(new String(separator, ISO_8859_1), scale, header);
  }

  /** The reader for a MovieLens data set's separator, scale and header line. */
  public static RatingsReader of(MovieLensDataset dataset) {
    RatingsReader reader = new RatingsReader(dataset.separator(), dataset.scale());
    return dataset.header().map(reader::withHeader).orElse(reader);
  }

  /**
   * Reads every rating of {@code file}.
   *
   * @param notes told, in one line naming the file, how many blank lines were skipped, if any
   * @throws RatingsFormatException if the content is invalid (message names file and line)
   * @throws IOException if the file cannot be read
   */
  public Ratings read(Path file, Consumer<String> notes) throws IOException {
    requireNonNull(file, "file is null");
    requireNonNull(notes, "notes is null");
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks the required SHA-256", e);
    }
    Parser parser = new Parser(file);
    try (InputStream raw = Files.newInputStream(file);
        BufferedInputStream in = new BufferedInputStream(new DigestInputStream(raw, sha256), 1 << 16)) {
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      try {
        parser.parse(TextDataFiles.skipByteOrderMark(gzip ? new GZIPInputStream(in, 1 << 16) : in));
      } catch (ZipException | EOFException e) {
        throw new RatingsFormatException(file, parser.lineNumber + 1,
            "corrupt or truncated gzip data (" + e.getMessage() + ")", null);
      }
      in.transferTo(OutputStream.nullOutputStream()); // the digest covers every stored byte
    }
    Ratings ratings = parser.finish(HexFormat.of().formatHex(sha256.digest()));
    TextDataFiles.reportBlankLines(file, parser.blankLines, notes);
    return ratings;
  }

  /** The state of one read; discarded on error. */
  private final class Parser {
    private final Path file;
    private final int headerLines = header == null ? 0 : 1;
    private final IdIndex userIndex = new IdIndex();
    private final IdIndex itemIndex = new IdIndex();
    private final int[] fieldStart = new int[5];
    private final int[] fieldEnd = new int[5];
    private byte[] buf;
    private long lineNumber;
    private long headerLinesRead;
    /** For each blank line, how many ratings were read before it, in order. */
    private int[] blankAfter = new int[16];
    private int blankLines;
    private int fieldsPerLine = -1;
    private long fieldsPerLineLine;
    private int[] users = new int[1 << 12];
    private int[] items = new int[1 << 12];
    private float[] values = new float[1 << 12];
    private int n;

    Parser(Path file) {
      this.file = file;
    }

    void parse(InputStream in) throws IOException {
      buf = new byte[BUFFER];
      int start = 0;
      int scan = 0;
      int end = 0;
      boolean eof = false;
      while (true) {
        int nl = -1;
        for (int p = scan; p < end; p++) {
          if (buf[p] == '\n') {
            nl = p;
            break;
          }
        }
        if (nl >= 0) {
          line(start, nl);
          start = nl + 1;
          scan = start;
          continue;
        }
        if (eof) {
          if (start < end) {
            line(start, end);
          }
          return;
        }
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, end - start);
          end -= start;
          start = 0;
        }
        scan = end;
        if (end == buf.length) {
          throw new RatingsFormatException(file, lineNumber + 1,
              "malformed line, longer than " + BUFFER + " bytes", text(0, 200));
        }
        int read = in.read(buf, end, buf.length - end);
        if (read < 0) {
          eof = true;
        } else {
          end += read;
        }
      }
    }

    private void line(int from, int to) throws RatingsFormatException {
      lineNumber++;
      if (to > from && buf[to - 1] == '\r') {
        to--;
      }
      if (isBlank(from, to)) {
        if (blankLines == blankAfter.length) {
          blankAfter = Arrays.copyOf(blankAfter, 2 * blankLines);
        }
        blankAfter[blankLines++] = n;
        return;
      }
      if (headerLinesRead < headerLines) {
        if (!text(from, to).equals(header)) {
          throw error("expected the header line '" + header + "'", from, to);
        }
        headerLinesRead++;
        return;
      }
      int fields = split(from, to);
      if (fields != 3 && fields != 4) {
        throw error("malformed line, expected 3 or 4 fields (user, item, rating[, timestamp]) "
            + "separated by " + separatorText + ", found " + (fields > 4 ? "more than 4" : fields),
            from, to);
      }
      if (fieldsPerLine < 0) {
        fieldsPerLine = fields;
        fieldsPerLineLine = lineNumber;
      } else if (fields != fieldsPerLine) {
        throw error("malformed line, " + fields + " fields where line " + fieldsPerLineLine
            + " has " + fieldsPerLine, from, to);
      }
      int user = nonNegativeInt(0, "user id", from, to);
      int item = nonNegativeInt(1, "item id", from, to);
      double rating = rating(from, to);
      if (fields == 4) {
        timestamp(from, to);
      }
      if (n == values.length) {
        int capacity = values.length + (values.length >> 1);
        users = Arrays.copyOf(users, capacity);
        items = Arrays.copyOf(items, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      users[n] = userIndex.indexOf(user);
      items[n] = itemIndex.indexOf(item);
      values[n] = (float) rating;
      n++;
    }

    private boolean isBlank(int from, int to) {
      for (int p = from; p < to; p++) {
        if (buf[p] != ' ' && buf[p] != '\t') {
          return false;
        }
      }
      return true;
    }

    /** The line number of rating {@code k}: after the header and the blank lines before it. */
    private long lineOf(int k) {
      int blanksBefore = 0;
      while (blanksBefore < blankLines && blankAfter[blanksBefore] <= k) {
        blanksBefore++;
      }
      return k + 1L + headerLines + blanksBefore;
    }

    /** Finds up to 5 fields of {@code [from, to)}; returns how many (5 means "more than 4"). */
    private int split(int from, int to) {
      int count = 0;
      int p = from;
      int fieldFrom = from;
      int sepLength = separator.length;
      byte first = separator[0];
      while (p <= to - sepLength) {
        if (buf[p] == first && matchesSeparator(p)) {
          fieldStart[count] = fieldFrom;
          fieldEnd[count] = p;
          if (++count == 5) {
            return count;
          }
          p += sepLength;
          fieldFrom = p;
        } else {
          p++;
        }
      }
      fieldStart[count] = fieldFrom;
      fieldEnd[count] = to;
      return count + 1;
    }

    private boolean matchesSeparator(int p) {
      for (int j = 1; j < separator.length; j++) {
        if (buf[p + j] != separator[j]) {
          return false;
        }
      }
      return true;
    }

    private int nonNegativeInt(int field, String what, int from, int to)
        throws RatingsFormatException {
      long value = digits(field, what, 10, from, to);
      if (value > Integer.MAX_VALUE) {
        throw error(what + " " + fieldText(field) + " is larger than " + Integer.MAX_VALUE, from, to);
      }
      return (int) value;
    }

    private void timestamp(int from, int to) throws RatingsFormatException {
      digits(3, "timestamp", 18, from, to);
    }

    /** A field of 1..maxDigits decimal digits. */
    private long digits(int field, String what, int maxDigits, int from, int to)
        throws RatingsFormatException {
      int s = fieldStart[field];
      int e = fieldEnd[field];
      if (s == e) {
        throw error("malformed line, empty " + what, from, to);
      }
      for (int p = s; p < e; p++) {
        if (buf[p] < '0' || buf[p] > '9') {
          throw error("non-numeric " + what + " " + fieldText(field)
              + ", expected a non-negative integer", from, to);
        }
      }
      if (e - s > maxDigits) {
        throw error(what + " " + fieldText(field) + " has more than " + maxDigits + " digits",
            from, to);
      }
      long value = 0;
      for (int p = s; p < e; p++) {
        value = value * 10 + (buf[p] - '0');
      }
      return value;
    }

    /** {@code [-]digits[.digits]}, checked against the scale. */
    private double rating(int from, int to) throws RatingsFormatException {
      int s = fieldStart[2];
      int e = fieldEnd[2];
      int p = s;
      boolean negative = p < e && buf[p] == '-';
      if (negative) {
        p++;
      }
      double value = 0;
      int wholeDigits = 0;
      while (p < e && buf[p] >= '0' && buf[p] <= '9') {
        value = value * 10 + (buf[p++] - '0');
        wholeDigits++;
      }
      boolean valid = wholeDigits > 0;
      if (valid && p < e && buf[p] == '.') {
        p++;
        double fraction = 0;
        double denominator = 1;
        while (p < e && buf[p] >= '0' && buf[p] <= '9') {
          fraction = fraction * 10 + (buf[p++] - '0');
          denominator *= 10;
        }
        valid = denominator > 1;
        value += fraction / denominator;
      }
      if (!valid || p != e) {
        throw error(s == e ? "malformed line, empty rating"
            : "non-numeric rating " + fieldText(2), from, to);
      }
      if (negative) {
        value = -value;
      }
      if (!scale.contains(value)) {
        throw error("rating " + fieldText(2) + " is not on the scale " + scale, from, to);
      }
      return value;
    }

    private String fieldText(int field) {
      return "'" + new String(buf, fieldStart[field], fieldEnd[field] - fieldStart[field], ISO_8859_1)
          + "'";
    }

    private String text(int from, int to) {
      return new String(buf, from, to - from, ISO_8859_1);
    }

    private RatingsFormatException error(String problem, int from, int to) {
      return new RatingsFormatException(file, lineNumber, problem, text(from, to));
    }

    /** Renumbers ids by sorted id, rejects repeated pairs, and builds the result. */
    Ratings finish(String sha256) throws RatingsFormatException {
      if (n == 0) {
        throw new RatingsFormatException(file, 0, "no ratings in the file", null);
      }
      int[] userIds = userIndex.idsInOrder();
      int[] itemIds = itemIndex.idsInOrder();
      int[] userRank = ranks(userIds);
      int[] itemRank = ranks(itemIds);
      int[] u = Arrays.copyOf(users, n);
      int[] i = Arrays.copyOf(items, n);
      for (int k = 0; k < n; k++) {
        u[k] = userRank[u[k]];
        i[k] = itemRank[i[k]];
      }
      Arrays.sort(userIds);
      Arrays.sort(itemIds);
      rejectDuplicates(u, i, itemIds.length, userIds, itemIds);
      return new Ratings(file.toString(), sha256, scale, userIds, itemIds, u, i,
          Arrays.copyOf(values, n));
    }

    /** {@code rank[j]} = position of {@code ids[j]} among the sorted ids. */
    private int[] ranks(int[] ids) {
      Integer[] order = new Integer[ids.length];
      for (int j = 0; j < ids.length; j++) {
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(ids[a], ids[b]));
      int[] rank = new int[ids.length];
      for (int r = 0; r < order.length; r++) {
        rank[order[r]] = r;
      }
      return rank;
    }

    /**
     * Groups the ratings by user (a counting sort of positions, O(n + U + I), no pair keys sorted)
     * and marks each user's items; an item marked twice for one user is a repeated pair, reported
     * at its later line.
     */
    private void rejectDuplicates(int[] u, int[] i, int numItems, int[] userIds, int[] itemIds)
        throws RatingsFormatException {
      int numUsers = userIds.length;
      int[] start = new int[numUsers + 1];
      for (int k = 0; k < n; k++) {
        start[u[k] + 1]++;
      }
      for (int j = 0; j < numUsers; j++) {
        start[j + 1] += start[j];
      }
      int[] fill = Arrays.copyOf(start, numUsers);
      int[] byUser = new int[n];
      for (int k = 0; k < n; k++) {
        byUser[fill[u[k]]++] = k;
      }
      int[] markedBy = new int[numItems];
      Arrays.fill(markedBy, -1);
      int[] markedAt = new int[numItems];
      for (int user = 0; user < numUsers; user++) {
        for (int q = start[user]; q < start[user + 1]; q++) {
          int k = byUser[q];
          int item = i[k];
          if (markedBy[item] == user) {
            throw new RatingsFormatException(file, lineOf(k), "duplicate (user, item)"
                + " pair (user " + userIds[user] + ", item " + itemIds[item] + "), already rated on"
                + " line " + lineOf(markedAt[item]), null);
          }
          markedBy[item] = user;
          markedAt[item] = k;
        }
      }
    }
  }
}
