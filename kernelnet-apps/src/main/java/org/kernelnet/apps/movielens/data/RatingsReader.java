package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.kernelnet.apps.data.TextDataFiles;
import org.kernelnet.apps.movielens.data.RatingColumns.Column;
import org.kernelnet.apps.movielens.data.RatingsFormat.Header;
import org.kernelnet.apps.movielens.data.internal.DistinctValues;
import org.kernelnet.apps.movielens.data.internal.IdTable;

/**
 * Reads a delimited ratings file into {@link Ratings}: one rating per line, laid out as its {@link
 * RatingsFormat} says; MovieLens' files are formats of their own ({@link #of(MovieLensDataset)}).
 *
 * <ul>
 *   <li><b>Delimiter</b>: given, or detected from the first data line as the first of {@code ::},
 *       tab, comma, semicolon and whitespace that splits it into enough fields for the columns
 *       (3, or the highest column position). Spaces and tabs around a field are ignored. With
 *       comma, semicolon or tab a field may be in double quotes ({@code ""} for a quote in it).
 *   <li><b>Header row</b>: present, absent, or detected: present when the rating field of the
 *       first non-blank line is not a number. Named columns are found in it (exactly, else
 *       ignoring case).
 *   <li><b>Ids</b> are any UTF-8 text and are mapped to dense indices ({@link IdMapping}: numeric
 *       order when every id of the column is all digits, text order otherwise).
 *   <li><b>Ratings</b> are decimals {@code -?digits[.digits]} on the format's {@link
 *       RatingScale}, or, where it has none, the scale is {@link RatingScale#infer inferred} from
 *       the distinct ratings; more than {@value RatingScale#MAX_INFERRED_LEVELS} distinct values
 *       are refused. A timestamp is checked to be a non-negative integer and then dropped.
 *   <li>Every line has the same number of fields as the first data line; with the {@link
 *       RatingColumns#DEFAULT default columns} that is 3 or 4.
 * </ul>
 *
 * <p>LF or CRLF line ends. A UTF-8 byte-order mark at the start is skipped, and so are blank lines
 * (empty or only spaces and tabs), which are counted and reported in one line per file (see
 * {@link TextDataFiles}); line numbers in errors count them. What was detected or inferred is told
 * in one line too. Plain or gzip, told apart by the gzip magic bytes {@code 1f 8b}, not by the
 * file name. The bytes are parsed directly (no regex, no string per field; a string per distinct
 * id), so twenty million lines take seconds.
 *
 * <p>All or nothing: the first malformed line, empty or non-numeric field, rating off the scale or
 * repeated (user, item) pair aborts the read with a {@link RatingsFormatException} naming file and
 * line, and no {@link Ratings} is returned.
 */
public final class RatingsReader {
  private static final int BUFFER = 1 << 20;
  private static final int USER = 0;
  private static final int ITEM = 1;
  private static final int RATING = 2;
  private static final int TIMESTAMP = 3;

  private final RatingsFormat format;

  /** @param format the layout of the files to read; what it leaves open is detected */
  public RatingsReader(RatingsFormat format) {
    this.format = requireNonNull(format, "format is null");
  }

  /** The reader of a MovieLens data set's ratings file: its {@link MovieLensDataset#format()}. */
  public static RatingsReader of(MovieLensDataset dataset) {
    return new RatingsReader(dataset.format());
  }

  /**
   * Reads every rating of {@code file}.
   *
   * @param notes told, in one line naming the file, what was detected or inferred, if anything,
   *     and in another how many blank lines were skipped, if any
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
    if (!parser.resolved.isEmpty()) {
      notes.accept(file + ": read with " + String.join(", ", parser.resolved));
    }
    TextDataFiles.reportBlankLines(file, parser.blankLines, notes);
    return ratings;
  }

  /** The state of one read; discarded on error. */
  private final class Parser {
    private final Path file;
    private final RatingColumns columns = format.columns();
    private final IdTable userIds = new IdTable();
    private final IdTable itemIds = new IdTable();
    /** What was detected or inferred, for the note. */
    final List<String> resolved = new ArrayList<>();
    private Delimiter delimiter = format.delimiter().orElse(null);
    private byte[] delimiterBytes = delimiter == null ? null : bytes(delimiter);
    private RatingScale scale = format.scale().orElse(null);
    private final DistinctValues distinct =
        new DistinctValues(RatingScale.MAX_INFERRED_LEVELS);
    /** The 0-based field of user, item, rating and timestamp (-1: none); null until known. */
    private int[] field;
    /** The fewest fields a line must have. */
    private int needed;
    private boolean started;
    private byte[] headerText;
    private long headerLine;
    private int headerLines;
    private int[] fieldStart = new int[8];
    private int[] fieldEnd = new int[8];
    private boolean[] fieldEscaped = new boolean[8];
    private byte[] unescaped = new byte[64];
    private byte[] buf;
    private long lineNumber;
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
              "malformed line, longer than " + BUFFER + " bytes", text(buf, 0, 200));
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
      if (!started) {
        started = true;
        if (format.header() == Header.PRESENT || columns.needsHeader()) {
          keepHeader(from, to);
          if (delimiter != null) {
            resolveHeader();
          }
          return;
        }
        if (delimiter == null) {
          detectDelimiter(from, to);
        }
        if (format.header() == Header.DETECT) {
          if (!isRating(from, to)) {
            keepHeader(from, to);
            resolveHeader();
            resolved.add("a header row (detected on line " + lineNumber + ")");
            return;
          }
          resolved.add("no header row (detected)");
        }
        resolveColumns(null);
      } else if (field == null) { // the line after a header row, its delimiter to detect
        detectDelimiter(from, to);
        resolveHeader();
      }
      rating(from, to);
    }

    private void keepHeader(int from, int to) {
      headerText = Arrays.copyOfRange(buf, from, to);
      headerLine = lineNumber;
      headerLines = 1;
    }

    /**
     * Whether the line is a rating rather than a header row: its rating field (a position) is a
     * number, or it has no such field (a malformed rating line).
     */
    private boolean isRating(int from, int to) {
      int ratingField = columns.columns().get(RATING).position() - 1;
      int fields = split(buf, from, to);
      return fields <= ratingField
          || !Double.isNaN(number(buf, fieldStart[ratingField], fieldEnd[ratingField]));
    }

    /** The first delimiter, in {@link Delimiter} order, that gives the line enough fields. */
    private void detectDelimiter(int from, int to) throws RatingsFormatException {
      int least = columns.columns().stream().filter(c -> !c.byName())
          .mapToInt(Column::position).max().orElse(0);
      least = Math.max(3, least);
      for (Delimiter candidate : Delimiter.values()) {
        delimiter = candidate;
        delimiterBytes = bytes(candidate);
        if (split(buf, from, to) >= least) {
          resolved.add("delimiter " + candidate + " (detected on line " + lineNumber + ")");
          return;
        }
      }
      delimiter = null;
      throw error("cannot detect the delimiter: none of " + Arrays.stream(Delimiter.values())
          .map(Delimiter::toString).collect(Collectors.joining(", ")) + " splits the line into "
          + least + " or more fields; give it (--delimiter)", from, to);
    }

    /** Finds the named columns in the header row and resolves every column. */
    private void resolveHeader() throws RatingsFormatException {
      int fields = split(headerText, 0, headerText.length);
      if (fields < 0) {
        throw quoteError(fields, headerLine, text(headerText, 0, headerText.length));
      }
      List<String> names = new ArrayList<>();
      for (int k = 0; k < fields; k++) {
        names.add(text(headerText, fieldStart[k], fieldEnd[k]));
      }
      resolveColumns(names);
    }

    /** Sets {@link #field} and {@link #needed}; {@code names} is the header row, or null. */
    private void resolveColumns(List<String> names) throws RatingsFormatException {
      List<Column> given = columns.columns();
      field = new int[] {-1, -1, -1, -1};
      for (int k = 0; k < given.size(); k++) {
        Column c = given.get(k);
        field[k] = c.byName() ? find(names, c.name(), k) : c.position() - 1;
        needed = Math.max(needed, field[k] + 1);
      }
      for (int k = 0; k < given.size(); k++) {
        for (int j = 0; j < k; j++) {
          if (field[j] == field[k]) { // a name and a position; positions differ, names too
            throw new RatingsFormatException(file, headerLine, "the " + RatingColumns.role(j)
                + " and " + RatingColumns.role(k) + " columns are the same field, "
                + (field[k] + 1), text(headerText, 0, headerText.length));
          }
        }
      }
    }

    private int find(List<String> names, String name, int role) throws RatingsFormatException {
      int exact = names.indexOf(name);
      if (exact >= 0) {
        return exact;
      }
      List<Integer> matches = new ArrayList<>();
      for (int k = 0; k < names.size(); k++) {
        if (names.get(k).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          matches.add(k);
        }
      }
      if (matches.size() == 1) {
        return matches.get(0);
      }
      throw new RatingsFormatException(file, headerLine, (matches.isEmpty() ? "no" : "more than"
          + " one") + " column named '" + name + "' (the " + RatingColumns.role(role) + ") in the"
          + " header row, whose columns are " + names.stream().map(s -> "'" + s + "'")
              .collect(Collectors.joining(", ")) + " (separated by " + delimiter + ")",
          text(headerText, 0, headerText.length));
    }

    private boolean isBlank(int from, int to) {
      for (int p = from; p < to; p++) {
        if (buf[p] != ' ' && buf[p] != '\t') {
          return false;
        }
      }
      return true;
    }

    /** One rating line, its columns resolved. */
    private void rating(int from, int to) throws RatingsFormatException {
      int fields = split(buf, from, to);
      if (fields < 0) {
        throw quoteError(fields, lineNumber, text(buf, from, to));
      }
      int timestamp = field[TIMESTAMP];
      if (columns.hasOptionalTimestamp()) {
        if (fields != 3 && fields != 4) {
          throw error("malformed line, expected 3 or 4 fields (user, item, rating[, timestamp]) "
              + "separated by " + delimiter + ", found " + fields, from, to);
        }
        timestamp = fields == 4 ? 3 : -1;
      }
      if (fieldsPerLine < 0) {
        if (fields < needed) {
          throw error("malformed line, expected at least " + needed + " fields (" + layout()
              + ") separated by " + delimiter + ", found " + fields, from, to);
        }
        fieldsPerLine = fields;
        fieldsPerLineLine = lineNumber;
      } else if (fields != fieldsPerLine) {
        throw error("malformed line, " + fields + " fields where line " + fieldsPerLineLine
            + " has " + fieldsPerLine, from, to);
      }
      int user = id(userIds, field[USER], "user id", from, to);
      int item = id(itemIds, field[ITEM], "item id", from, to);
      double rating = rating(field[RATING], from, to);
      if (timestamp >= 0) {
        timestamp(timestamp, from, to);
      }
      if (n == values.length) {
        int capacity = values.length + (values.length >> 1);
        users = Arrays.copyOf(users, capacity);
        items = Arrays.copyOf(items, capacity);
        values = Arrays.copyOf(values, capacity);
      }
      users[n] = user;
      items[n] = item;
      values[n] = (float) rating;
      n++;
    }

    /** {@code user in field 2, item in field 1, rating in field 5}. */
    private String layout() {
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        if (field[k] >= 0) {
          parts.add(RatingColumns.role(k) + " in field " + (field[k] + 1));
        }
      }
      return String.join(", ", parts);
    }

    /**
     * Splits {@code a[from, to)} into fields, recording where each one's content is (spaces and
     * tabs around it and its quotes removed).
     *
     * @return the number of fields; -1 if a quoted field is not closed, -2 if text follows the
     *     closing quote of a field
     */
    private int split(byte[] a, int from, int to) {
      if (delimiter == Delimiter.WHITESPACE) {
        return splitOnWhitespace(a, from, to);
      }
      byte first = delimiterBytes[0];
      boolean twoBytes = delimiterBytes.length == 2;
      byte second = delimiterBytes[twoBytes ? 1 : 0];
      int width = delimiterBytes.length;
      byte pad = delimiter == Delimiter.TAB ? (byte) ' ' : (byte) '\t';
      boolean quotes = delimiter.allowsQuotes();
      int count = 0;
      int p = from;
      while (true) {
        int s = p;
        while (s < to && (a[s] == ' ' || a[s] == pad)) {
          s++;
        }
        if (quotes && s < to && a[s] == '"') {
          boolean escaped = false;
          int q = s + 1;
          while (true) {
            if (q >= to) {
              return -1;
            }
            if (a[q] == '"') {
              if (q + 1 < to && a[q + 1] == '"') {
                escaped = true;
                q += 2;
                continue;
              }
              break;
            }
            q++;
          }
          put(count++, s + 1, q, escaped);
          p = q + 1;
          while (p < to && (a[p] == ' ' || a[p] == pad)) {
            p++;
          }
          if (p >= to) {
            return count;
          }
          if (a[p] != first || (twoBytes && (p + 1 >= to || a[p + 1] != second))) {
            return -2;
          }
          p += width;
          continue;
        }
        int d = s;
        while (d <= to - width && (a[d] != first || (twoBytes && a[d + 1] != second))) {
          d++;
        }
        boolean last = d > to - width;
        int e = last ? to : d;
        while (e > s && (a[e - 1] == ' ' || a[e - 1] == pad)) {
          e--;
        }
        put(count++, s, e, false);
        if (last) {
          return count;
        }
        p = d + width;
      }
    }

    private int splitOnWhitespace(byte[] a, int from, int to) {
      int count = 0;
      int p = from;
      while (true) {
        while (p < to && (a[p] == ' ' || a[p] == '\t')) {
          p++;
        }
        if (p >= to) {
          return count;
        }
        int s = p;
        while (p < to && a[p] != ' ' && a[p] != '\t') {
          p++;
        }
        put(count++, s, p, false);
      }
    }

    private void put(int k, int start, int end, boolean escaped) {
      if (k == fieldStart.length) {
        fieldStart = Arrays.copyOf(fieldStart, 2 * k);
        fieldEnd = Arrays.copyOf(fieldEnd, 2 * k);
        fieldEscaped = Arrays.copyOf(fieldEscaped, 2 * k);
      }
      fieldStart[k] = start;
      fieldEnd[k] = end;
      fieldEscaped[k] = escaped;
    }

    private RatingsFormatException quoteError(int code, long line, String lineText) {
      return new RatingsFormatException(file, line, code == -1
          ? "malformed line, a quoted field has no closing quote"
          : "malformed line, text after the closing quote of a field (a quote in a quoted field"
              + " is written \"\")", lineText);
    }

    /** The index of the id in field {@code k}. */
    private int id(IdTable table, int k, String what, int from, int to)
        throws RatingsFormatException {
      int s = fieldStart[k];
      int e = fieldEnd[k];
      if (s == e) {
        throw error("malformed line, empty " + what, from, to);
      }
      try {
        if (!fieldEscaped[k]) {
          return table.indexOf(buf, s, e);
        }
        int length = 0;
        if (unescaped.length < e - s) {
          unescaped = new byte[e - s];
        }
        for (int p = s; p < e; p++) {
          unescaped[length++] = buf[p];
          if (buf[p] == '"') {
            p++; // the second quote of ""
          }
        }
        return table.indexOf(unescaped, 0, length);
      } catch (CharacterCodingException ex) {
        throw error(what + " " + fieldText(k) + " is not UTF-8 text", from, to);
      }
    }

    /** The rating in field {@code k}, checked against the scale or added to the distinct ones. */
    private double rating(int k, int from, int to) throws RatingsFormatException {
      int s = fieldStart[k];
      int e = fieldEnd[k];
      double value = number(buf, s, e);
      if (Double.isNaN(value)) {
        throw error(s == e ? "malformed line, empty rating" : "non-numeric rating " + fieldText(k),
            from, to);
      }
      if (scale != null) {
        if (!scale.contains(value)) {
          throw error("rating " + fieldText(k) + " is not on the scale " + scale, from, to);
        }
      } else if (!distinct.add(value)) {
        double[] seen = distinct.values();
        Arrays.sort(seen);
        throw error("rating " + fieldText(k) + " is one more distinct value than the "
            + seen.length + " before it, which range from " + RatingScale.format(seen[0]) + " to "
            + RatingScale.format(seen[seen.length - 1]) + ": that does not look like a rating"
            + " scale, so none is inferred; give it as --scale min:max:step", from, to);
      }
      return value;
    }

    /** {@code -?digits[.digits]} in {@code a[s, e)}, or NaN if it is not one. */
    private static double number(byte[] a, int s, int e) {
      int p = s;
      boolean negative = p < e && a[p] == '-';
      if (negative) {
        p++;
      }
      double value = 0;
      int wholeDigits = 0;
      while (p < e && a[p] >= '0' && a[p] <= '9') {
        value = value * 10 + (a[p++] - '0');
        wholeDigits++;
      }
      boolean valid = wholeDigits > 0;
      if (valid && p < e && a[p] == '.') {
        p++;
        double fraction = 0;
        double denominator = 1;
        while (p < e && a[p] >= '0' && a[p] <= '9') {
          fraction = fraction * 10 + (a[p++] - '0');
          denominator *= 10;
        }
        valid = denominator > 1;
        value += fraction / denominator;
      }
      if (!valid || p != e) {
        return Double.NaN;
      }
      return negative ? -value : value;
    }

    /** A timestamp: 1 to 18 decimal digits. */
    private void timestamp(int k, int from, int to) throws RatingsFormatException {
      int s = fieldStart[k];
      int e = fieldEnd[k];
      if (s == e) {
        throw error("malformed line, empty timestamp", from, to);
      }
      for (int p = s; p < e; p++) {
        if (buf[p] < '0' || buf[p] > '9') {
          throw error("non-numeric timestamp " + fieldText(k) + ", expected a non-negative integer"
              + " (Unix seconds; name the columns without it to skip it)", from, to);
        }
      }
      if (e - s > 18) {
        throw error("timestamp " + fieldText(k) + " has more than 18 digits", from, to);
      }
    }

    private String fieldText(int k) {
      return "'" + text(buf, fieldStart[k], fieldEnd[k]) + "'";
    }

    private RatingsFormatException error(String problem, int from, int to) {
      return new RatingsFormatException(file, lineNumber, problem, text(buf, from, to));
    }

    /** Renumbers ids in id order, rejects repeated pairs, infers the scale, builds the result. */
    Ratings finish(String sha256) throws RatingsFormatException {
      if (n == 0) {
        throw new RatingsFormatException(file, 0, "no ratings in the file", null);
      }
      if (scale == null) {
        double[] seen = distinct.values();
        try {
          scale = RatingScale.infer(seen);
        } catch (IllegalArgumentException e) {
          throw new RatingsFormatException(file, 0, "cannot infer the rating scale: "
              + e.getMessage() + "; give it as --scale min:max:step", null);
        }
        resolved.add("rating scale " + scale + " (inferred from the " + seen.length
            + " distinct ratings)");
      }
      IdMapping.Ordered userOrder = IdMapping.order(userIds.texts());
      IdMapping.Ordered itemOrder = IdMapping.order(itemIds.texts());
      int[] u = Arrays.copyOf(users, n);
      int[] i = Arrays.copyOf(items, n);
      for (int k = 0; k < n; k++) {
        u[k] = userOrder.rank()[u[k]];
        i[k] = itemOrder.rank()[i[k]];
      }
      rejectDuplicates(u, i, userOrder.mapping(), itemOrder.mapping());
      RatingsFormat read = RatingsFormat.of(delimiter,
          headerLines == 1 ? Header.PRESENT : Header.ABSENT, columns, scale);
      return new Ratings(file.toString(), sha256, read, userOrder.mapping(), itemOrder.mapping(),
          u, i, Arrays.copyOf(values, n));
    }

    /** The line number of rating {@code k}: after the header and the blank lines before it. */
    private long lineOf(int k) {
      int blanksBefore = 0;
      while (blanksBefore < blankLines && blankAfter[blanksBefore] <= k) {
        blanksBefore++;
      }
      return k + 1L + headerLines + blanksBefore;
    }

    /**
     * Groups the ratings by user (a counting sort of positions, O(n + U + I), no pair keys sorted)
     * and marks each user's items; an item marked twice for one user is a repeated pair, reported
     * at its later line.
     */
    private void rejectDuplicates(int[] u, int[] i, IdMapping userMapping, IdMapping itemMapping)
        throws RatingsFormatException {
      int numUsers = userMapping.size();
      int numItems = itemMapping.size();
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
                + " pair (user " + userMapping.id(user) + ", item " + itemMapping.id(item)
                + "), already rated on line " + lineOf(markedAt[item]), null);
          }
          markedBy[item] = user;
          markedAt[item] = k;
        }
      }
    }
  }

  private static byte[] bytes(Delimiter delimiter) {
    return delimiter.text().map(t -> t.getBytes(ISO_8859_1)).orElse(null);
  }

  /** Bytes as UTF-8 text, any that are not shown as U+FFFD. */
  private static String text(byte[] a, int from, int to) {
    return new String(a, from, Math.min(to, a.length) - from, UTF_8);
  }
}
