package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which fields of a ratings line hold the user id, the item id, the rating and, optionally, a
 * timestamp: each by its 1-based position or by its name in the header row. {@link #DEFAULT} is
 * the MovieLens layout {@code 1,2,3[,4]}: lines of 3 fields, or of 4 whose 4th is a timestamp. A
 * timestamp is checked to be a non-negative integer (Unix seconds) and then dropped.
 */
public final class RatingColumns {
  private static final String DEFAULT_TEXT = "1,2,3[,4]";
  private static final List<String> ROLES = List.of("user", "item", "rating", "timestamp");

  /** User, item, rating in fields 1, 2, 3, and a timestamp in field 4 if lines have one. */
  public static final RatingColumns DEFAULT =
      new RatingColumns(List.of(Column.at(1), Column.at(2), Column.at(3)), true);

  private final List<Column> columns;
  private final boolean optionalTimestamp;

  private RatingColumns(List<Column> columns, boolean optionalTimestamp) {
    this.columns = List.copyOf(columns);
    this.optionalTimestamp = optionalTimestamp;
  }

  /**
   * One column: a 1-based position, or a name to look up in the header row.
   *
   * @param position the field's position, {@code >= 1}, or 0 when named
   * @param name the header's name for the field, or null when given by position
   */
  public record Column(int position, String name) {
    /** Checks that exactly one of position and name is given. */
    public Column {
      if ((position >= 1) == (name != null) || position < 0) {
        throw new IllegalArgumentException("a column is a position >= 1 or a name, got position "
            + position + " and name " + name);
      }
      if (name != null && name.isBlank()) {
        throw new IllegalArgumentException("a column name must not be blank");
      }
    }

    /** The field at 1-based {@code position}. */
    public static Column at(int position) {
      return new Column(position, null);
    }

    /** The field the header row calls {@code name}. */
    public static Column named(String name) {
      return new Column(0, requireNonNull(name, "name is null"));
    }

    /** Whether the column is given by name. */
    public boolean byName() {
      return name != null;
    }

    @Override
    public String toString() {
      return byName() ? name : Integer.toString(position);
    }
  }

  /**
   * The columns in {@code text}: {@code user,item,rating[,timestamp]}, each a 1-based position or
   * a header name (a name is any field that is not all digits), e.g. {@code 1,2,3} or {@code
   * userId,movieId,rating,timestamp}; or {@code 1,2,3[,4]} for {@link #DEFAULT}.
   *
   * @throws IllegalArgumentException naming the problem and the text
   */
  public static RatingColumns parse(String text) {
    requireNonNull(text, "text is null");
    if (text.replace(" ", "").equals(DEFAULT_TEXT)) {
      return DEFAULT;
    }
    String[] parts = text.split(",", -1);
    if (parts.length < 3 || parts.length > 4) {
      throw new IllegalArgumentException("expected user,item,rating[,timestamp] (names or 1-based"
          + " positions), got '" + text + "'");
    }
    List<Column> columns = new ArrayList<>();
    for (int k = 0; k < parts.length; k++) {
      String part = parts[k].trim();
      if (part.isEmpty()) {
        throw new IllegalArgumentException("the " + ROLES.get(k) + " column is empty in '" + text
            + "'");
      }
      if (part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        int position = part.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(part);
        if (position < 1 || position > 100_000) {
          throw new IllegalArgumentException("the " + ROLES.get(k) + " column must be a position"
              + " in 1..100000 or a name, got " + part);
        }
        columns.add(Column.at(position));
      } else {
        columns.add(Column.named(part));
      }
    }
    Set<String> seen = new HashSet<>();
    for (Column c : columns) {
      if (!seen.add(c.toString().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("column " + c + " is given twice in '" + text + "'");
      }
    }
    return new RatingColumns(columns, false);
  }

  /** The user, item and rating columns and, if given, the timestamp's (3 or 4). */
  public List<Column> columns() {
    return columns;
  }

  /** Whether this is {@link #DEFAULT}, whose timestamp is read only where a line has 4 fields. */
  public boolean hasOptionalTimestamp() {
    return optionalTimestamp;
  }

  /** Whether any column is given by name, so that the file needs a header row. */
  public boolean needsHeader() {
    return columns.stream().anyMatch(Column::byName);
  }

  /** What each column holds, by index: user, item, rating, timestamp. */
  static String role(int k) {
    return ROLES.get(k);
  }

  /** The text {@link #parse} reads back: {@code userId,movieId,rating}, {@code 1,2,3[,4]}... */
  @Override
  public String toString() {
    if (optionalTimestamp) {
      return DEFAULT_TEXT;
    }
    return String.join(",", columns.stream().map(Column::toString).toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatingColumns other && columns.equals(other.columns)
        && optionalTimestamp == other.optionalTimestamp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(columns, optionalTimestamp);
  }
}
