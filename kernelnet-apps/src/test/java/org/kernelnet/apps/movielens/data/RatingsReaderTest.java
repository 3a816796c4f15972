package org.kernelnet.apps.movielens.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatingsReaderTest {
  private static final RatingsReader COLONS = RatingsReader.of(MovieLensDataset.ML_1M);
  private static final RatingsReader TABS = RatingsReader.of(MovieLensDataset.ML_100K);
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path tmp;

  @Test
  void readsTabSeparatedFourFields() throws Exception {
    Path file = write("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n"
        + "196\t377\t4\t881250950\n");

    Ratings r = TABS.read(file, note -> {});

    assertThat(r.size()).isEqualTo(4);
    assertThat(r.numUsers()).isEqualTo(3);
    assertThat(r.numItems()).isEqualTo(3);
    // Indices follow the sorted original ids: users 22, 186, 196; items 242, 302, 377.
    assertThat(r.userIndices()).containsExactly(2, 1, 0, 2);
    assertThat(r.itemIndices()).containsExactly(0, 1, 2, 2);
    assertThat(r.values()).containsExactly(3f, 3f, 1f, 4f);
    assertThat(r.userId(0)).isEqualTo("22");
    assertThat(r.itemId(2)).isEqualTo("377");
    assertThat(r.userIndex("196")).hasValue(2);
    assertThat(r.userIndex("197")).isEmpty();
    assertThat(r.itemIndex("302")).hasValue(1);
    assertThat(r.format()).isEqualTo(MovieLensDataset.ML_100K.format());
    assertThat(r.mean()).isEqualTo(2.75);
    assertThat(r.histogram()).containsExactly(Map.entry(1f, 1), Map.entry(3f, 2), Map.entry(4f, 1));
    assertThat(r.sourceSha256()).isEqualTo(sha256(Files.readAllBytes(file)));
    assertThat(r.source()).isEqualTo(file.toString());
  }

  @Test
  void readsThreeFieldColonsWithCrlfAndNoFinalNewline() throws Exception {
    Ratings r = COLONS.read(write("r.dat", "1::1193::5\r\n1::661::3\r\n2::1193::4"), note -> {});

    assertThat(r.size()).isEqualTo(3);
    assertThat(r.userIndices()).containsExactly(0, 0, 1);
    assertThat(r.itemIndices()).containsExactly(1, 0, 1);
    assertThat(r.values()).containsExactly(5f, 3f, 4f);
  }

  @Test
  void gzipIsDetectedByMagicBytesNotByName() throws Exception {
    String text = "1::1193::5::978300760\n1::661::3::978302109\n";
    Path gzipNamedDat = Files.write(tmp.resolve("ratings.dat"), gzip(text));
    Path plainNamedGz = write("ratings.dat.gz", text);

    Ratings fromGzip = COLONS.read(gzipNamedDat, note -> {});
    Ratings fromPlain = COLONS.read(plainNamedGz, note -> {});

    assertThat(fromGzip.values()).containsExactly(5f, 3f);
    assertThat(fromPlain.values()).containsExactly(5f, 3f);
    assertThat(fromGzip.itemIndices()).containsExactly(fromPlain.itemIndices());
    // The provenance hash is of the stored (compressed) bytes.
    assertThat(fromGzip.sourceSha256()).isEqualTo(sha256(Files.readAllBytes(gzipNamedDat)));
    assertThat(fromGzip.sourceSha256()).isNotEqualTo(fromPlain.sourceSha256());
  }

  @Test
  void halfStarsOnTheTenMillionScale() throws Exception {
    RatingsReader ml10m = RatingsReader.of(MovieLensDataset.ML_10M);
    Ratings r = ml10m.read(write("ratings.dat", "1::122::5::838985046\n1::185::4.5::838983525\n"
        + "2::122::0.5::868245777\n2::185::3.0::868245920\n"), note -> {});

    assertThat(r.values()).containsExactly(5f, 4.5f, 0.5f, 3f);
    assertThat(r.mean()).isEqualTo(3.25);
    assertThatThrownBy(() -> ml10m.read(write("bad.dat", "1::122::5\n1::185::4.25\n"), note -> {}))
        .isInstanceOf(RatingsFormatException.class)
        .hasMessageContaining("line 2: rating '4.25' is not on the scale 0.5..5 in steps of 0.5");
    assertThatThrownBy(() -> ml10m.read(write("zero.dat", "1::122::0\n"), note -> {}))
        .hasMessageContaining("line 1: rating '0' is not on the scale");
  }

  @Test
  void halfStarIsRejectedOnTheIntegerScale() throws Exception {
    Path file = write("ratings.dat", "1::1::4\n1::2::3.5\n");

    assertThatThrownBy(() -> RatingsReader.of(MovieLensDataset.ML_1M).read(file, note -> {}))
        .isInstanceOfSatisfying(RatingsFormatException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.line()).isEqualTo(2);
        })
        .hasMessage(file + ", line 2: rating '3.5' is not on the scale integers 1..5: \"1::2::3.5\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "too few fields           | 3::4           | 3 | malformed line, expected 3 or 4 fields (user, item, rating[, timestamp]) separated by '::', found 2",
      "too many fields          | 3::4::5::6::7  | 3 | found 5",
      "single-colon separator   | 3:4:5          | 3 | found 1",
      "empty rating             | 3::4::         | 3 | malformed line, empty rating",
      "empty user               | ::4::5         | 3 | malformed line, empty user id",
      "empty item               | 3::::5         | 3 | malformed line, empty item id",
      "blank item               | 3:: ::5        | 3 | malformed line, empty item id",
      "non-numeric rating       | 3::4::five     | 3 | non-numeric rating 'five'",
      "dangling point           | 3::4::3.       | 3 | non-numeric rating '3.'",
      "space inside rating      | 3::4::4 5      | 3 | non-numeric rating '4 5'",
      "fields change            | 3::4::5::978300760 | 3 | malformed line, 4 fields where line 1 has 3",
      "rating too high          | 3::4::6        | 3 | rating '6' is not on the scale integers 1..5",
      "rating zero              | 3::4::0        | 3 | rating '0' is not on the scale integers 1..5",
      "rating negative          | 3::4::-1       | 3 | rating '-1' is not on the scale integers 1..5",
      "duplicate pair           | 1::10::2       | 3 | duplicate (user, item) pair (user 1, item 10), already rated on line 1",
  })
  void badInputNamesFileAndLine(String name, String badLine, long line, String problem)
      throws IOException {
    Path file = write(name.replace(' ', '_') + ".dat", "1::10::5\n2::10::4\n" + badLine + "\n4::4::4\n");

    assertThatThrownBy(() -> COLONS.read(file, note -> {}))
        .isInstanceOfSatisfying(RatingsFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.file()).isEqualTo(file);
        })
        .hasMessageStartingWith(file + ", line " + line + ": ")
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3::4::5::t0   | non-numeric timestamp 't0', expected a non-negative integer",
      "3::4::5::     | malformed line, empty timestamp",
      "3::4::5::-1   | non-numeric timestamp '-1'",
      "3::4::5::1234567890123456789 | timestamp '1234567890123456789' has more than 18 digits",
  })
  void badTimestampsNameFileAndLine(String badLine, String problem) throws IOException {
    Path file = write("ts.dat", "1::10::5::978300760\n2::10::4::978300761\n" + badLine + "\n");

    assertThatThrownBy(() -> COLONS.read(file, note -> {}))
        .isInstanceOf(RatingsFormatException.class)
        .hasMessageStartingWith(file + ", line 3: " + problem);
  }

  @Test
  void fieldCountMustNotChange() throws IOException {
    Path file = write("mixed.dat", "1::10::5::978300760\n2::10::4::978300761\n3::10::4\n");

    assertThatThrownBy(() -> COLONS.read(file, note -> {}))
        .hasMessage(file + ", line 3: malformed line, 3 fields where line 1 has 4: \"3::10::4\"");
  }

  @Test
  void duplicateFarApartIsFoundAtItsSecondLine() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int u = 1; u <= 100; u++) {
      sb.append(u).append("::").append(u % 7 + 1).append("::3\n");
    }
    sb.append("50::").append(50 % 7 + 1).append("::4\n");
    Path file = write("dup.dat", sb.toString());

    assertThatThrownBy(() -> COLONS.read(file, note -> {}))
        .hasMessage(file + ", line 101: duplicate (user, item) pair (user 50, item 2), already rated "
            + "on line 50");
  }

  @Test
  void tabReaderRejectsColonFilesAndViceVersa() throws IOException {
    Path colons = write("c.dat", "1::10::5\n");
    Path tabs = write("t.dat", "1\t10\t5\n");

    assertThatThrownBy(() -> TABS.read(colons, note -> {}))
        .hasMessageContaining(", line 1: malformed line, expected 3 or 4 fields")
        .hasMessageContaining("separated by tab, found 1");
    assertThatThrownBy(() -> COLONS.read(tabs, note -> {}))
        .hasMessageContaining(", line 1: malformed line");
  }

  private static byte[] withByteOrderMark(byte[] bytes) {
    byte[] marked = Arrays.copyOf(BYTE_ORDER_MARK, BYTE_ORDER_MARK.length + bytes.length);
    System.arraycopy(bytes, 0, marked, BYTE_ORDER_MARK.length, bytes.length);
    return marked;
  }

  @Test
  void aByteOrderMarkIsSkippedInPlainAndGzipFilesAndBeforeAHeader() throws IOException {
    byte[] text = "1::10::5\n2::10::4\n".getBytes(US_ASCII);
    Path plain = Files.write(tmp.resolve("bom.dat"), withByteOrderMark(text));
    Path zipped = Files.write(tmp.resolve("bom.dat.gz"), gzip(withByteOrderMark(text)));
    Path csv = Files.write(tmp.resolve("bom.csv"), withByteOrderMark(
        "userId,movieId,rating,timestamp\n1,2,3.5,1112486027\n".getBytes(US_ASCII)));
    List<String> notes = new ArrayList<>();

    for (Path file : List.of(plain, zipped)) {
      Ratings r = COLONS.read(file, notes::add);
      assertThat(r.userId(0)).isEqualTo("1"); // "1", not the mark and "1"
      assertThat(r.userId(1)).isEqualTo("2");
      assertThat(r.values()).containsExactly(5f, 4f);
      assertThat(r.sourceSha256()).isEqualTo(sha256(Files.readAllBytes(file)));
    }
    assertThat(RatingsReader.of(MovieLensDataset.ML_20M).read(csv, notes::add).values())
        .containsExactly(3.5f);
    assertThat(notes).isEmpty();
  }

  @Test
  void blankLinesAreSkippedAndReportedOnceWithTheFile() throws IOException {
    Path clean = write("clean.dat", "1::10::5\n2::10::4\n2::20::3\n");
    Path blanks = write("blanks.dat", "\n1::10::5\r\n \t\n\r\n2::10::4\n\n2::20::3\n\n");
    List<String> notes = new ArrayList<>();

    Ratings expected = COLONS.read(clean, notes::add);
    assertThat(notes).isEmpty();
    Ratings r = COLONS.read(blanks, notes::add);

    assertThat(r.userIndices()).containsExactly(expected.userIndices());
    assertThat(r.itemIndices()).containsExactly(expected.itemIndices());
    assertThat(r.values()).containsExactly(expected.values());
    assertThat(notes).containsExactly(blanks + ": skipped 5 blank lines");
  }

  @Test
  void lineNumbersInErrorsCountTheBlankLines() throws IOException {
    Path dup = write("dup.dat", "\n\n1::10::5\n\n2::10::4\n\n1::10::3\n");
    Path mixed = write("mixed.dat", "\n1::10::5\n\n2::10::4::978300760\n");
    Path csv = write("blank-first.csv", "\n\nuserId,movieId,rating,timestamp\n\n1,2,3.5,1\n"
        + "2,2,3,2\n\n1,2,4,3\n");

    assertThatThrownBy(() -> COLONS.read(dup, note -> {})).hasMessage(dup + ", line 7:"
        + " duplicate (user, item) pair (user 1, item 10), already rated on line 3");
    assertThatThrownBy(() -> COLONS.read(mixed, note -> {})).hasMessage(mixed + ", line 4:"
        + " malformed line, 4 fields where line 2 has 3: \"2::10::4::978300760\"");
    assertThatThrownBy(() -> RatingsReader.of(MovieLensDataset.ML_20M).read(csv, note -> {}))
        .hasMessage(csv + ", line 8: duplicate (user, item) pair (user 1, item 2), already rated"
            + " on line 5");
  }

  @Test
  void onlyBlankLinesAreNoRatings() throws IOException {
    Path file = write("blank.dat", "\n  \n\t\n");

    assertThatThrownBy(() -> COLONS.read(file, note -> {}))
        .isInstanceOf(RatingsFormatException.class)
        .hasMessage(file + ": no ratings in the file");
  }

  @Test
  void emptyFileAndCorruptGzipAreRejected() throws IOException {
    Path empty = write("empty.dat", "");
    byte[] zipped = gzip("1::10::5\n2::10::4\n3::10::3\n");
    Path truncated = Files.write(tmp.resolve("truncated.dat.gz"),
        Arrays.copyOf(zipped, zipped.length - 12));

    assertThatThrownBy(() -> COLONS.read(empty, note -> {}))
        .isInstanceOf(RatingsFormatException.class)
        .hasMessage(empty + ": no ratings in the file");
    assertThatThrownBy(() -> COLONS.read(truncated, note -> {}))
        .isInstanceOf(RatingsFormatException.class)
        .hasMessageStartingWith(truncated + ", line ")
        .hasMessageContaining("corrupt or truncated gzip data");
  }

  @Test
  void readsMl20mCsvAfterItsHeader() throws IOException {
    Path file = write("ratings.csv", "userId,movieId,rating,timestamp\r\n1,2,3.5,1112486027\r\n"
        + "1,29,3.5,1112484676\r\n7,2,4.0,1112484819\r\n");

    Ratings r = RatingsReader.of(MovieLensDataset.ML_20M).read(file, note -> {});

    assertThat(r.size()).isEqualTo(3);
    assertThat(r.values()).containsExactly(3.5f, 3.5f, 4f);
    assertThat(r.userIndices()).containsExactly(0, 0, 1);
    assertThat(r.itemIndices()).containsExactly(0, 1, 0);
  }

  @Test
  void aHeaderReaderNeedsTheHeaderAndCountsItsLine() throws IOException {
    RatingsReader csv = RatingsReader.of(MovieLensDataset.ML_20M);
    Path noHeader = write("a.csv", "1,2,3.5,1112486027\n");
    Path headerOnly = write("b.csv", "userId,movieId,rating,timestamp\n");
    Path dup = write("c.csv", "userId,movieId,rating,timestamp\n1,2,3.5,1\n2,2,3,2\n1,2,4,3\n");
    Path mixed = write("d.csv", "userId,movieId,rating,timestamp\n1,2,3.5,1\n2,2,3\n");

    assertThatThrownBy(() -> csv.read(noHeader, note -> {}))
        .hasMessage(noHeader + ", line 1: no column named 'userId' (the user) in the header row,"
            + " whose columns are '1', '2', '3.5', '1112486027' (separated by comma):"
            + " \"1,2,3.5,1112486027\"");
    assertThatThrownBy(() -> csv.read(headerOnly, note -> {}))
        .hasMessage(headerOnly + ": no ratings in the file");
    assertThatThrownBy(() -> csv.read(dup, note -> {}))
        .hasMessage(dup + ", line 4: duplicate (user, item)"
            + " pair (user 1, item 2), already rated on line 2");
    assertThatThrownBy(() -> csv.read(mixed, note -> {}))
        .hasMessage(mixed + ", line 3: malformed line,"
            + " 3 fields where line 2 has 4: \"2,2,3\"");
  }

  @Test
  void syntheticFilesRoundTrip() throws IOException {
    SyntheticRatings generator = SyntheticRatings.builder().setUsers(50).setItems(80)
        .setRatings(2_003).optSeed(7).build();
    Path gz = tmp.resolve("synthetic.dat.gz");
    SyntheticRatings.Summary summary = generator.write(gz);

    Ratings r = COLONS.read(gz, note -> {});

    assertThat(r.size()).isEqualTo(2_003);
    assertThat(r.numUsers()).isEqualTo(summary.activeUsers()).isEqualTo(50);
    assertThat(r.numItems()).isEqualTo(summary.activeItems());
    assertThat(r.mean()).isCloseTo(summary.mean(), within(1e-12));
    // 2,003 ratings of 50 users: at least 20 each, the rest by activity, at most 80 (all items).
    int[] perUser = new int[r.numUsers()];
    for (int k = 0; k < r.size(); k++) {
      perUser[r.user(k)]++;
    }
    assertThat(Arrays.stream(perUser)).allMatch(c -> c >= 20 && c <= 80);
    assertThat(Arrays.stream(perUser).max().getAsInt()).isEqualTo(summary.perUser().max())
        .isGreaterThan(60);
    assertThat(Arrays.stream(perUser).min().getAsInt()).isEqualTo(summary.perUser().min());
  }

  @Test
  void syntheticHalfStarsTabsAndThreeFields() throws IOException {
    SyntheticRatings generator = SyntheticRatings.builder().setUsers(30).setItems(30).setRatings(900)
        .optScale(RatingScale.HALF_STARS_05_TO_5).optSeparator("\t").optTimestamps(false).optSeed(3)
        .build();
    Path file = tmp.resolve("half.tsv");
    SyntheticRatings.Summary summary = generator.write(file);

    Ratings r = new RatingsReader(RatingsFormat.of(Delimiter.TAB, RatingsFormat.Header.ABSENT,
        RatingColumns.DEFAULT, RatingScale.HALF_STARS_05_TO_5)).read(file, note -> {});

    // Every cell of the 30 x 30 matrix is rated exactly once.
    assertThat(r.size()).isEqualTo(900);
    assertThat(r.numUsers()).isEqualTo(30);
    assertThat(r.numItems()).isEqualTo(30);
    assertThat(summary.perUser()).isEqualTo(new SyntheticRatings.Counts(30, 30, 30));
    assertThat(summary.perItem()).isEqualTo(new SyntheticRatings.Counts(30, 30, 30));
    assertThat(r.histogram()).containsKeys(1.5f, 3.5f, 4.5f);
    assertThat(r.mean()).isCloseTo(summary.mean(), within(1e-12));
    assertThat(Files.readAllLines(file).get(0).split("\t")).hasSize(3);
  }

  private Path write(String name, String text) throws IOException {
    return Files.write(tmp.resolve(name), text.getBytes(US_ASCII));
  }

  private static byte[] gzip(String text) throws IOException {
    return gzip(text.getBytes(US_ASCII));
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] data) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }
}
