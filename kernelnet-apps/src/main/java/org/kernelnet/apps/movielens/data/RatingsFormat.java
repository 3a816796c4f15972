package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a delimited ratings file is laid out, for {@link RatingsReader}: the {@link Delimiter} (or
 * detect it), whether the first non-blank line is a {@link Header header row} (or detect it), the
 * {@link RatingColumns columns} of user, item, rating and timestamp, and the {@link RatingScale}
 * (or infer it from the ratings read). Immutable; {@link #DETECT} detects and infers everything
 * and reads the {@link RatingColumns#DEFAULT default columns}. A format read from a file ({@link
 * Ratings#format()}) has everything resolved.
 *
 * <p>{@link #settings()} writes a format as the four texts the command line takes, which {@link
 * #of(Settings)} reads back; saved models and run configurations record it so.
 */
public final class RatingsFormat {
  /** Detects delimiter and header row, reads columns {@code 1,2,3[,4]}, infers the scale. */
  public static final RatingsFormat DETECT =
      new RatingsFormat(null, Header.DETECT, RatingColumns.DEFAULT, null);

  private final Delimiter delimiter;
  private final Header header;
  private final RatingColumns columns;
  private final RatingScale scale;

  /** Whether the first non-blank line of a file names the columns instead of holding a rating. */
  public enum Header {
    /** The first non-blank line is a header row. */
    PRESENT,
    /** Every non-blank line is a rating. */
    ABSENT,
    /**
     * The first non-blank line is a header row if its rating field is not a number (a format
     * whose columns are named always has one).
     */
    DETECT;

    /** {@code present}, {@code absent} or {@code detect}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private RatingsFormat(Delimiter delimiter, Header header, RatingColumns columns,
      RatingScale scale) {
    this.header = requireNonNull(header, "header is null");
    this.columns = requireNonNull(columns, "columns is null");
    if (header == Header.ABSENT && columns.needsHeader()) {
      throw new IllegalArgumentException("columns given by name (" + columns + ") need a header"
          + " row, but the format has none");
    }
    this.delimiter = delimiter;
    this.scale = scale;
  }

  /**
   * A format with every setting given.
   *
   * @param delimiter the delimiter
   * @param header {@link Header#PRESENT} or {@link Header#ABSENT} (or {@link Header#DETECT})
   * @param columns the columns; named columns need a header row
   * @param scale the allowed ratings
   * @throws IllegalArgumentException if the columns are named and the header is absent
   */
  public static RatingsFormat of(Delimiter delimiter, Header header, RatingColumns columns,
      RatingScale scale) {
    return new RatingsFormat(requireNonNull(delimiter, "delimiter is null"), header, columns,
        requireNonNull(scale, "scale is null"));
  }

  /** This format with {@code delimiter} instead of its own (or of detecting one). */
  public RatingsFormat withDelimiter(Delimiter delimiter) {
    return new RatingsFormat(
        requireNonNull(delimiter, "delimiter is null"), header, columns, scale);
  }

  /** This format with {@code header}. */
  public RatingsFormat withHeader(Header header) {
    return new RatingsFormat(delimiter, header, columns, scale);
  }

  /** This format with {@code columns}; named columns need a header that is not absent. */
  public RatingsFormat withColumns(RatingColumns columns) {
    return new RatingsFormat(delimiter, header, columns, scale);
  }

  /** This format with {@code scale} instead of its own (or of inferring one). */
  public RatingsFormat withScale(RatingScale scale) {
    return new RatingsFormat(delimiter, header, columns, requireNonNull(scale, "scale is null"));
  }

  /** The delimiter, or empty to detect it from the first data line. */
  public Optional<Delimiter> delimiter() {
    return Optional.ofNullable(delimiter);
  }

  /** Whether there is a header row, or {@link Header#DETECT}. */
  public Header header() {
    return header;
  }

  /** Where user, item, rating and timestamp are. */
  public RatingColumns columns() {
    return columns;
  }

  /** The allowed ratings, or empty to infer them from the distinct ratings of the file. */
  public Optional<RatingScale> scale() {
    return Optional.ofNullable(scale);
  }

  /**
   * A format as text: each setting as the command line takes it.
   *
   * @param delimiter {@code detect} or a {@link Delimiter#id()}
   * @param header {@code detect}, {@code present} or {@code absent}
   * @param columns the {@link RatingColumns#parse columns}, e.g. {@code 1,2,3[,4]}
   * @param scale {@code infer} or {@code min:max:step}
   */
  public record Settings(String delimiter, String header, String columns, String scale) {
    /** Checks that every setting is there. */
    public Settings {
      requireNonNull(delimiter, "delimiter is null");
      requireNonNull(header, "header is null");
      requireNonNull(columns, "columns is null");
      requireNonNull(scale, "scale is null");
    }
  }

  /** The text of each setting, which {@link #of(Settings)} reads back. */
  public Settings settings() {
    return new Settings(delimiter == null ? "detect" : delimiter.id(), header.id(),
        columns.toString(), scale == null ? "infer" : scale.text());
  }

  /**
   * The format {@code settings} describe.
   *
   * @throws IllegalArgumentException naming the setting that is not valid and why
   */
  public static RatingsFormat of(Settings settings) {
    requireNonNull(settings, "settings is null");
    Delimiter delimiter = settings.delimiter().equals("detect") ? null
        : Delimiter.byName(settings.delimiter()).orElseThrow(() -> new IllegalArgumentException(
            "unknown delimiter '" + settings.delimiter() + "'; valid: detect, " + Delimiter.ids()));
    Header header;
    try {
      header = Header.valueOf(settings.header().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown header setting '" + settings.header()
          + "'; valid: present, absent, detect", e);
    }
    RatingScale scale =
        settings.scale().equals("infer") ? null : RatingScale.parse(settings.scale());
    return new RatingsFormat(delimiter, header, RatingColumns.parse(settings.columns()), scale);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatingsFormat other && delimiter == other.delimiter
        && header == other.header && columns.equals(other.columns)
        && Objects.equals(scale, other.scale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(delimiter, header, columns, scale);
  }

  /** E.g. {@code delimiter comma, header present, columns userId,movieId,rating, scale 1:5:1}. */
  @Override
  public String toString() {
    Settings s = settings();
    return "delimiter " + s.delimiter() + ", header " + s.header() + ", columns " + s.columns()
        + ", scale " + s.scale();
  }
}
