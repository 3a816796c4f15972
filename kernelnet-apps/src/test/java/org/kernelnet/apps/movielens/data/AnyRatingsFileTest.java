package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.kernelnet.apps.movielens.data.RatingsFormat.Header;

/**
 * {@link RatingsReader} on files of one's own: every delimiter, with and without a header row,
 * detected or given; ids of any text; columns by name and by position; quoted fields; the rating
 * scale inferred or refused; errors naming file and line.
 */
class AnyRatingsFileTest {
  private static final RatingsReader DETECT = new RatingsReader(RatingsFormat.DETECT);

  @TempDir Path tmp;

  /** Three users, three items, ids with letters, the ratings 4, 2, 5, 3. */
  private static final List<List<String>> ROWS = List.of(
      List.of("bob", "m-2", "4"), List.of("alice", "m-10", "2"), List.of("bob", "m-10", "5"),
      List.of("carol", "m-1", "3"));

  private static String lines(String delimiter, boolean header) {
    StringBuilder sb = new StringBuilder(header ? "user" + delimiter + "item" + delimiter
        + "rating\n" : "");
    for (List<String> row : ROWS) {
      sb.append(String.join(delimiter, row)).append('\n');
    }
    return sb.toString();
  }

  /** The delimiter's text; three spaces for whitespace, which a tab would make look like tab. */
  private static String text(Delimiter delimiter) {
    return delimiter.text().orElse("   ");
  }

  @ParameterizedTest
  @EnumSource(Delimiter.class)
  void everyDelimiterIsDetectedWithAndWithoutAHeaderRow(Delimiter delimiter) throws IOException {
    for (boolean header : new boolean[] {true, false}) {
      Path file = write("r-" + header + ".txt", lines(text(delimiter), header));
      List<String> notes = new ArrayList<>();

      Ratings r = DETECT.read(file, notes::add);

      assertThat(r.format().delimiter()).hasValue(delimiter);
      assertThat(r.format().header()).isEqualTo(header ? Header.PRESENT : Header.ABSENT);
      assertThat(r.size()).isEqualTo(4);
      // text order: alice, bob, carol; m-1, m-10, m-2
      assertThat(r.userIds().ids()).containsExactly("alice", "bob", "carol");
      assertThat(r.itemIds().ids()).containsExactly("m-1", "m-10", "m-2");
      assertThat(r.userIds().numericOrder()).isFalse();
      assertThat(r.userIndices()).containsExactly(1, 0, 1, 2);
      assertThat(r.itemIndices()).containsExactly(2, 1, 1, 0);
      assertThat(r.values()).containsExactly(4f, 2f, 5f, 3f);
      assertThat(r.userIndex("carol")).hasValue(2);
      assertThat(r.itemIndex("m-3")).isEmpty();
      assertThat(notes).singleElement().asString()
          .startsWith(file + ": read with delimiter " + delimiter + " (detected on line 1), ")
          .contains(header ? "a header row (detected on line 1)" : "no header row (detected)")
          .endsWith("rating scale integers 2..5 (inferred from the 4 distinct ratings)");
    }
  }

  @ParameterizedTest
  @EnumSource(Delimiter.class)
  void everyDelimiterReadsWhenGiven(Delimiter delimiter) throws IOException {
    Path file = write("r.txt", lines(delimiter.text().orElse(" \t  "), true));
    RatingsFormat format = RatingsFormat.DETECT.withDelimiter(delimiter).withHeader(Header.PRESENT)
        .withScale(RatingScale.STARS_1_TO_5);
    List<String> notes = new ArrayList<>();

    Ratings r = new RatingsReader(format).read(file, notes::add);

    assertThat(r.values()).containsExactly(4f, 2f, 5f, 3f);
    assertThat(r.format()).isEqualTo(format);
    assertThat(r.scale()).isEqualTo(RatingScale.STARS_1_TO_5);
    assertThat(notes).isEmpty();
  }

  @Test
  void theResolvedFormatReadsTheFileAgainWithNothingLeftToDetect() throws IOException {
    Path file = write("r.csv", lines(",", true));
    Ratings first = DETECT.read(file, note -> {});
    RatingsFormat resolved = RatingsFormat.of(first.format().settings());
    List<String> notes = new ArrayList<>();

    Ratings again = new RatingsReader(resolved).read(file, notes::add);

    assertThat(resolved).isEqualTo(first.format());
    assertThat(first.format().settings()).isEqualTo(
        new RatingsFormat.Settings("comma", "present", "1,2,3[,4]", "2:5:1"));
    assertThat(again.userIndices()).containsExactly(first.userIndices());
    assertThat(again.itemIndices()).containsExactly(first.itemIndices());
    assertThat(again.values()).containsExactly(first.values());
    assertThat(notes).isEmpty();
  }

  @Test
  void integerIdsAreIndexedInNumericOrderAndOtherIdsInTextOrderPerColumn() throws IOException {
    Path file = write("mixed.tsv", "10\tb\t1\n9\ta\t2\n007\tc\t3\n7\tB\t4\n");

    Ratings r = DETECT.read(file, note -> {});

    // "7" and "007" are different ids of the same number: the one with fewer zeros first
    assertThat(r.userIds().ids()).containsExactly("7", "007", "9", "10");
    assertThat(r.userIds().numericOrder()).isTrue();
    assertThat(r.itemIds().ids()).containsExactly("B", "a", "b", "c");
    assertThat(r.itemIds().numericOrder()).isFalse();
    assertThat(r.userIndices()).containsExactly(3, 2, 1, 0);
  }

  @Test
  void idsAreUtf8TextTrimmedOfSpaces() throws IOException {
    Path file = write("names.csv", "user,item,rating\n  Zoë , Amélie (2001) ,5\nZoë,Brazil,4\n");

    Ratings r = DETECT.read(file, note -> {});

    assertThat(r.userIds().ids()).containsExactly("Zoë");
    assertThat(r.itemIds().ids()).containsExactly("Amélie (2001)", "Brazil");
  }

  @Test
  void quotedFieldsMayHoldTheDelimiterAndQuotes() throws IOException {
    Path file = write("quoted.csv", "\"user\",\"item\",\"rating\"\n"
        + "\"Smith, Jo\",\"Say \"\"Hi\"\", Again\",4\n\"Lee\" , \"Heat\" ,\"3\"\n");

    Ratings r = DETECT.read(file, note -> {});

    assertThat(r.format().header()).isEqualTo(Header.PRESENT);
    assertThat(r.userIds().ids()).containsExactly("Lee", "Smith, Jo");
    assertThat(r.itemIds().ids()).containsExactly("Heat", "Say \"Hi\", Again");
    assertThat(r.values()).containsExactly(4f, 3f);
  }

  @Test
  void columnsByNameAreFoundInTheHeaderRowInAnyOrderIgnoringCase() throws IOException {
    Path file = write("named.csv", "Timestamp,Stars,Film,Who,Comment\n"
        + "978300760,4,f1,u1,great\n978300761,2.5,f2,u1,\n");
    RatingsFormat format = RatingsFormat.DETECT
        .withColumns(RatingColumns.parse("who,film,stars,timestamp"));

    Ratings r = new RatingsReader(format).read(file, note -> {});

    assertThat(r.userIds().ids()).containsExactly("u1");
    assertThat(r.itemIds().ids()).containsExactly("f1", "f2");
    assertThat(r.values()).containsExactly(4f, 2.5f);
    assertThat(r.scale()).isEqualTo(new RatingScale(2.5, 4, 1.5));
    assertThat(r.format().header()).isEqualTo(Header.PRESENT);
  }

  @Test
  void columnsByPositionPickTheirFieldsAndIgnoreTheOthers() throws IOException {
    Path file = write("wide.txt", "x;i1;a;b;5\ny;i1;a;b;1\n");
    RatingsFormat format = RatingsFormat.DETECT.withColumns(RatingColumns.parse("2,1,5"));

    Ratings r = new RatingsReader(format).read(file, note -> {});

    assertThat(r.format().delimiter()).hasValue(Delimiter.SEMICOLON);
    assertThat(r.userIds().ids()).containsExactly("i1");
    assertThat(r.itemIds().ids()).containsExactly("x", "y");
    assertThat(r.values()).containsExactly(5f, 1f);
  }

  @Test
  void aByteOrderMarkAndBlankLinesBeforeAHeaderRowAreSkippedInAGzipFile() throws IOException {
    byte[] text = "\uFEFF\r\n \nuser,item,rating\r\nu1,i1,4\r\n\r\nu2,i1,5\r\n".getBytes(UTF_8);
    Path file = Files.write(tmp.resolve("bom.txt"), gzip(text));
    List<String> notes = new ArrayList<>();

    Ratings r = DETECT.read(file, notes::add);

    assertThat(r.userIds().ids()).containsExactly("u1", "u2");
    assertThat(r.values()).containsExactly(4f, 5f);
    assertThat(notes).hasSize(2).last().isEqualTo(file + ": skipped 3 blank lines");
    assertThat(notes.get(0)).contains("a header row (detected on line 3)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "integers                 | 1 2 5 3       | integers 1..5",
      "half stars               | 0.5 1.5 5     | 0.5..5 in steps of 0.5",
      "tenths, rounded          | 0.1 0.3 1.0   | 0.1..1 in steps of 0.1",
      "every third              | 1 4 10        | 1..10 in steps of 3",
      "negative                 | -2 -1 2       | integers -2..2",
  })
  void theScaleIsInferredFromTheDistinctRatings(String name, String ratings, String scale)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    String[] values = ratings.split(" ");
    for (int k = 0; k < values.length; k++) {
      sb.append("u").append(k).append(",i,").append(values[k]).append('\n');
    }
    Ratings r = DETECT.read(write("s.csv", sb.toString()), note -> {});

    assertThat(r.scale()).hasToString(scale);
  }

  @Test
  void aScaleIsNotInferredFromValuesThatDoNotLookLikeOne() throws IOException {
    StringBuilder many = new StringBuilder();
    for (int k = 1; k <= 150; k++) {
      many.append("u").append(k).append(",i,").append(k).append('\n');
    }
    Path manyValues = write("many.csv", many.toString());
    Path oneValue = write("one.csv", "u1,i1,4\nu2,i1,4\n");
    Path fineStep = write("fine.csv", "u1,i1,1\nu2,i1,1.001\nu3,i1,5\n");

    assertThatThrownBy(() -> DETECT.read(manyValues, note -> {}))
        .isInstanceOf(RatingsFormatException.class)
        .hasMessageStartingWith(manyValues + ", line 101: rating '101' is one more distinct"
            + " value than the 100 before it, which range from 1 to 100: that does not look like a"
            + " rating scale, so none is inferred; give it as --scale min:max:step");
    assertThatThrownBy(() -> DETECT.read(oneValue, note -> {}))
        .hasMessage(oneValue + ": cannot infer the rating scale: every rating is 4, so no scale"
            + " can be inferred; give it as --scale min:max:step");
    assertThatThrownBy(() -> DETECT.read(fineStep, note -> {}))
        .hasMessage(fineStep + ": cannot infer the rating scale: the 3 distinct ratings 1, 1.001,"
            + " 5 have no common step that makes a scale of at most 100 levels; give it as --scale"
            + " min:max:step");
  }

  @Test
  void duplicatesNameBothLinesAndTheIdsAsWritten() throws IOException {
    Path file = write("dup.csv", "user,item,rating\nZoë,m 1,4\nbob,m 1,3\nZoë,m 1,5\n");

    assertThatThrownBy(() -> DETECT.read(file, note -> {}))
        .hasMessage(file + ", line 4: duplicate (user, item) pair (user Zoë, item m 1), already"
            + " rated on line 2");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no delimiter fits   | u1:i1:4                  | 1 | cannot detect the delimiter: none of '::', tab, comma, semicolon, whitespace splits the line into 3 or more fields; give it (--delimiter)",
      "empty user          | user,item,rating\\n,i1,4  | 2 | malformed line, empty user id",
      "unclosed quote      | u1,i1,4\\nu2,\"i1,4        | 2 | malformed line, a quoted field has no closing quote",
      "text after a quote  | u1,i1,4\\nu2,\"i\"1,4      | 2 | malformed line, text after the closing quote of a field",
      "rating not a number | u1,i1,4\\nu2,i1,four      | 2 | non-numeric rating 'four'",
      "fields change       | u1,i1,4\\nu2,i1,4,5       | 2 | malformed line, 4 fields where line 1 has 3",
  })
  void badInputNamesFileAndLine(String name, String content, long line, String problem)
      throws IOException {
    Path file = write(name.replace(' ', '_') + ".csv", content.replace("\\n", "\n") + "\n");

    assertThatThrownBy(() -> DETECT.read(file, note -> {}))
        .isInstanceOfSatisfying(RatingsFormatException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.line()).isEqualTo(line);
        })
        .hasMessageStartingWith(file + ", line " + line + ": " + problem);
  }

  @Test
  void columnErrorsNameTheHeaderRowOrTheLine() throws IOException {
    Path header = write("h.csv", "\nuser,film,rating\nu1,f1,4\n");
    Path narrow = write("n.csv", "u1,f1,4\n");
    RatingsFormat byName =
        RatingsFormat.DETECT.withColumns(RatingColumns.parse("user,item,rating"));
    RatingsFormat byPosition = RatingsFormat.DETECT.withColumns(RatingColumns.parse("2,1,5"));

    assertThatThrownBy(() -> new RatingsReader(byName).read(header, note -> {}))
        .hasMessage(header + ", line 2: no column named 'item' (the item) in the header row, whose"
            + " columns are 'user', 'film', 'rating' (separated by comma): \"user,film,rating\"");
    assertThatThrownBy(() -> new RatingsReader(byPosition.withDelimiter(Delimiter.COMMA))
        .read(narrow, note -> {}))
        .hasMessage(narrow + ", line 1: malformed line, expected at least 5 fields (user in field"
            + " 2, item in field 1, rating in field 5) separated by comma, found 3: \"u1,f1,4\"");
    assertThatThrownBy(() -> byName.withHeader(Header.ABSENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("columns given by name (user,item,rating) need a header row, but the format"
            + " has none");
  }

  @Test
  void anIdThatIsNotUtf8IsRefusedAtItsLine() throws IOException {
    byte[] latin1 = "u1,i1,4\nZo\u00eb,i1,3\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(tmp.resolve("latin1.csv"), latin1);

    assertThatThrownBy(() -> DETECT.read(file, note -> {}))
        .hasMessageStartingWith(file + ", line 2: user id 'Zo\uFFFD' is not UTF-8 text");
  }

  @Test
  void aGivenScaleIsChecked() throws IOException {
    Path file = write("off.csv", "user,item,rating\nu1,i1,4\nu2,i1,4.5\n");
    RatingsReader reader =
        new RatingsReader(RatingsFormat.DETECT.withScale(RatingScale.parse("1:5:1")));

    assertThatThrownBy(() -> reader.read(file, note -> {}))
        .hasMessage(file + ", line 3: rating '4.5' is not on the scale integers 1..5:"
            + " \"u2,i1,4.5\"");
    assertThat(new RatingsReader(RatingsFormat.DETECT.withScale(RatingScale.parse("0.5:5:0.5")))
        .read(file, note -> {}).histogram()).containsExactly(Map.entry(4f, 1), Map.entry(4.5f, 1));
  }

  private Path write(String name, String text) throws IOException {
    return Files.write(tmp.resolve(name), text.getBytes(UTF_8));
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }
}
