package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingScaleTest {
  @Test
  void integerStars() {
    RatingScale s = RatingScale.STARS_1_TO_5;
    assertThat(s.levels()).isEqualTo(5);
    assertThat(s.contains(1)).isTrue();
    assertThat(s.contains(5)).isTrue();
    assertThat(s.contains(3.5)).isFalse();
    assertThat(s.contains(0)).isFalse();
    assertThat(s.contains(6)).isFalse();
    assertThat(s.contains(Double.NaN)).isFalse();
    assertThat(s).hasToString("integers 1..5");
  }

  @Test
  void halfStars() {
    RatingScale s = RatingScale.HALF_STARS_05_TO_5;
    assertThat(s.levels()).isEqualTo(10);
    assertThat(s.level(0)).isEqualTo(0.5);
    assertThat(s.level(9)).isEqualTo(5.0);
    assertThat(s.contains(3.5)).isTrue();
    assertThat(s.contains(0.5)).isTrue();
    assertThat(s.contains(0)).isFalse();
    assertThat(s.contains(3.25)).isFalse();
    assertThat(s).hasToString("0.5..5 in steps of 0.5");
  }

  @Test
  void rejectsInconsistentScales() {
    assertThatThrownBy(() -> new RatingScale(5, 1, 1)).hasMessageContaining("min=5.0, max=1.0");
    assertThatThrownBy(() -> new RatingScale(1, 5, 0)).hasMessageContaining("got 0.0");
    assertThatThrownBy(() -> new RatingScale(1, 5, 1.5))
        .hasMessageContaining("not a whole number of steps of 1.5");
    assertThatThrownBy(() -> RatingScale.STARS_1_TO_5.level(5)).hasMessageContaining("[0, 5), got 5");
  }

  @Test
  void parsesMinMaxStepAndWritesItBack() {
    assertThat(RatingScale.parse("1:5:1")).isEqualTo(RatingScale.STARS_1_TO_5);
    assertThat(RatingScale.parse(" 0.5 : 5 : 0.5 ")).isEqualTo(RatingScale.HALF_STARS_05_TO_5);
    assertThat(RatingScale.HALF_STARS_05_TO_5.text()).isEqualTo("0.5:5:0.5");
    assertThat(RatingScale.parse(new RatingScale(-10, 10, 0.25).text()))
        .isEqualTo(new RatingScale(-10, 10, 0.25));
    assertThatThrownBy(() -> RatingScale.parse("1-5"))
        .hasMessage("expected min:max:step, e.g. 1:5:1 or 0.5:5:0.5, got '1-5'");
    assertThatThrownBy(() -> RatingScale.parse("1:five:1"))
        .hasMessage("expected min:max:step, e.g. 1:5:1 or 0.5:5:0.5, got '1:five:1' ('five' is"
            + " not a number)");
    assertThatThrownBy(() -> RatingScale.parse("1:5:3"))
        .hasMessageContaining("not a whole number of steps of 3");
  }

  @Test
  void infersTheLargestCommonStepBetweenTheLeastAndGreatestValue() {
    assertThat(RatingScale.infer(new double[] {5, 1, 3, 4, 2, 3}))
        .isEqualTo(RatingScale.STARS_1_TO_5);
    assertThat(RatingScale.infer(new double[] {1, 5})).isEqualTo(new RatingScale(1, 5, 4));
    assertThat(RatingScale.infer(new double[] {0.5, 2, 5})).isEqualTo(new RatingScale(0.5, 5, 1.5));
    assertThat(RatingScale.infer(new double[] {0.5, 2, 5, 4.5})).isEqualTo(
        RatingScale.HALF_STARS_05_TO_5);
    // 0.4 - 0.1 is 0.3 only to within rounding; rounded to 9 decimals the step is 0.3
    assertThat(RatingScale.infer(new double[] {0.1, 0.7, 0.4})).isEqualTo(new RatingScale(0.1, 0.7,
        0.3));
    assertThat(RatingScale.infer(new double[] {0, 100})).isEqualTo(new RatingScale(0, 100, 100));
    // to within 1e-6: 3.0000004 counts as 3
    assertThat(RatingScale.infer(new double[] {1, 2, 3.0000004}).levels()).isEqualTo(3);
  }

  @Test
  void refusesValuesThatDoNotLookLikeAScaleAndSaysWhatTheyWere() {
    double[] many = new double[101];
    for (int k = 0; k < many.length; k++) {
      many[k] = k;
    }
    assertThatThrownBy(() -> RatingScale.infer(many))
        .hasMessage("the ratings take more than 100 distinct values (0 to 100), which does not look"
            + " like a rating scale");
    assertThatThrownBy(() -> RatingScale.infer(new double[] {3, 3}))
        .hasMessage("every rating is 3, so no scale can be inferred");
    assertThatThrownBy(() -> RatingScale.infer(new double[] {0, 0.001, 1}))
        .hasMessage("the 3 distinct ratings 0, 0.001, 1 have no common step that makes a scale of"
            + " at most 100 levels");
    assertThat(RatingScale.infer(java.util.stream.IntStream.range(0, 100).asDoubleStream()
        .toArray()).levels()).isEqualTo(100);
  }
}
