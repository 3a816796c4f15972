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
}
