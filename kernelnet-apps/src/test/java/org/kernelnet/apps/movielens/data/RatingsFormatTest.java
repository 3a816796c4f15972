package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kernelnet.apps.movielens.data.RatingColumns.Column;
import org.kernelnet.apps.movielens.data.RatingsFormat.Header;

class RatingsFormatTest {
  @ParameterizedTest
  @EnumSource(MovieLensDataset.class)
  void theMovieLensFormatsAreWrittenAndReadBackAsSettings(MovieLensDataset dataset) {
    RatingsFormat format = dataset.format();

    assertThat(RatingsFormat.of(format.settings())).isEqualTo(format);
    assertThat(format.delimiter()).isPresent();
    assertThat(format.scale()).hasValue(dataset.scale());
  }

  @Test
  void theMovieLensFormats() {
    assertThat(MovieLensDataset.ML_100K.format()).hasToString(
        "delimiter tab, header absent, columns 1,2,3[,4], scale 1:5:1");
    assertThat(MovieLensDataset.ML_1M.format().settings()).isEqualTo(
        new RatingsFormat.Settings("::", "absent", "1,2,3[,4]", "1:5:1"));
    assertThat(MovieLensDataset.ML_20M.format().settings()).isEqualTo(new RatingsFormat.Settings(
        "comma", "present", "userId,movieId,rating,timestamp", "0.5:5:0.5"));
    assertThat(RatingsFormat.DETECT.settings())
        .isEqualTo(new RatingsFormat.Settings("detect", "detect", "1,2,3[,4]", "infer"));
  }

  @Test
  void settingsThatAreNotValidAreNamed() {
    assertThatThrownBy(() -> RatingsFormat.of(new RatingsFormat.Settings("pipe", "detect",
        "1,2,3", "infer")))
        .hasMessage("unknown delimiter 'pipe'; valid: detect, ::, tab, comma, semicolon,"
            + " whitespace");
    assertThatThrownBy(() -> RatingsFormat.of(new RatingsFormat.Settings("tab", "maybe",
        "1,2,3", "infer")))
        .hasMessage("unknown header setting 'maybe'; valid: present, absent, detect");
    assertThatThrownBy(() -> RatingsFormat.of(new RatingsFormat.Settings("tab", "absent",
        "user,item,rating", "infer")))
        .hasMessageContaining("need a header row");
  }

  @Test
  void delimitersByNameOrCharacter() {
    assertThat(Delimiter.byName("TAB")).hasValue(Delimiter.TAB);
    assertThat(Delimiter.byName(",")).hasValue(Delimiter.COMMA);
    assertThat(Delimiter.byName(";")).hasValue(Delimiter.SEMICOLON);
    assertThat(Delimiter.byName("::")).hasValue(Delimiter.DOUBLE_COLON);
    assertThat(Delimiter.byName("whitespace")).hasValue(Delimiter.WHITESPACE);
    assertThat(Delimiter.byName("|")).isEmpty();
  }

  @Test
  void columnsByPositionOrNameAndTheirErrors() {
    assertThat(RatingColumns.parse("2, 1, 5").columns())
        .containsExactly(Column.at(2), Column.at(1), Column.at(5));
    RatingColumns named = RatingColumns.parse("userId,movieId,rating,timestamp");
    assertThat(named.columns()).containsExactly(Column.named("userId"), Column.named("movieId"),
        Column.named("rating"), Column.named("timestamp"));
    assertThat(named.needsHeader()).isTrue();
    assertThat(RatingColumns.parse("1,2,3[,4]")).isSameAs(RatingColumns.DEFAULT);
    assertThat(RatingColumns.parse("1,2,3").hasOptionalTimestamp()).isFalse();
    assertThat(RatingColumns.parse("u,3,r")).hasToString("u,3,r");
    for (String bad : List.of("1,2", "1,2,3,4,5", "1,,3", "0,1,2", "1,2,1", "a,A,r")) {
      assertThatThrownBy(() -> RatingColumns.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.isEmpty() ? ""
              : bad.equals("0,1,2") ? "position in 1..100000" : "");
    }
    assertThatThrownBy(() -> RatingColumns.parse("1,2,1"))
        .hasMessage("column 1 is given twice in '1,2,1'");
    assertThatThrownBy(() -> RatingsFormat.DETECT.withColumns(named).withHeader(Header.ABSENT))
        .hasMessageContaining("need a header row");
  }
}
