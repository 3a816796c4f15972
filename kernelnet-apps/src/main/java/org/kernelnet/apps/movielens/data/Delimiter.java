package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What separates the fields of a ratings line. The constants are in the order in which {@link
 * RatingsReader} tries them when it detects the delimiter: {@code ::} first (a {@code ::} file
 * would otherwise not be told from one with empty fields), whitespace last (it splits every other
 * kind of line that holds spaces).
 */
public enum Delimiter {
  /** {@code ::}, as in ML-1M and ML-10M's {@code ratings.dat}. */
  DOUBLE_COLON("::", "::"),
  /** A tab, as in ML-100K's {@code u.data}. */
  TAB("tab", "\t"),
  /** A comma, as in ML-20M's {@code ratings.csv}; fields may be quoted. */
  COMMA("comma", ","),
  /** A semicolon, as spreadsheets write CSV where the comma is the decimal mark. */
  SEMICOLON("semicolon", ";"),
  /** Runs of spaces and tabs; spaces and tabs at the start and end of a line are ignored. */
  WHITESPACE("whitespace", null);

  private final String id;
  private final String text;

  Delimiter(String id, String text) {
    this.id = id;
    this.text = text;
  }

  /** The name {@code --delimiter} takes and files record: {@code tab}, {@code ::}, ... */
  public String id() {
    return id;
  }

  /** The delimiter's characters, e.g. {@code "\t"}; empty for {@link #WHITESPACE}. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /**
   * Whether a field may be enclosed in double quotes, with {@code ""} for a quote inside it, so
   * that it can hold the delimiter (as CSV writers do): for comma, semicolon and tab.
   */
  public boolean allowsQuotes() {
    return this == COMMA || this == SEMICOLON || this == TAB;
  }

  /**
   * The delimiter named {@code name}: its {@link #id()}, or the character itself ({@code ,},
   * {@code ;}); case does not matter.
   */
  public static Optional<Delimiter> byName(String name) {
    requireNonNull(name, "name is null");
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(d -> d.id.equals(lower) || (d.text != null && d.text.equals(lower)))
        .findFirst();
  }

  /** The valid {@link #id()}s, comma separated. */
  public static String ids() {
    return Arrays.stream(values()).map(Delimiter::id).collect(Collectors.joining(", "));
  }

  /** How messages name it: {@code '::'}, {@code tab}, {@code comma}, ... */
  @Override
  public String toString() {
    return this == DOUBLE_COLON ? "'::'" : id;
  }
}
