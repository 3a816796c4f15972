package org.kernelnet.apps.movielens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kernelnet.apps.movielens.data.RatingScale;

class RankingSettingsTest {
  @Test
  void defaultThresholdIsThreeQuartersUpTheScale() {
    // 1 + 0.75 * 4 = 4; 0.5 + 0.75 * 4.5 = 3.875; 1 + 0.75 * 99 = 75.25
    assertThat(RankingSettings.defaultThreshold(RatingScale.STARS_1_TO_5)).isEqualTo(4.0);
    assertThat(RankingSettings.defaultThreshold(RatingScale.HALF_STARS_05_TO_5)).isEqualTo(3.875);
    assertThat(RankingSettings.defaultThreshold(new RatingScale(1, 100, 1))).isEqualTo(75.25);
    assertThat(RankingSettings.of(10, RatingScale.STARS_1_TO_5))
        .isEqualTo(new RankingSettings(10, 4.0));
  }

  @Test
  void relevantAtOrAboveTheThresholdWithinOneBillionth() {
    RankingSettings stars = RankingSettings.of(10, RatingScale.STARS_1_TO_5);
    RankingSettings halves = RankingSettings.of(10, RatingScale.HALF_STARS_05_TO_5);

    assertThat(stars.relevant(4)).isTrue();
    assertThat(stars.relevant(3.9999999995)).isTrue();
    assertThat(stars.relevant(3.999999998)).isFalse();
    assertThat(stars.relevant(3)).isFalse();
    assertThat(halves.relevant(4)).isTrue();
    assertThat(halves.relevant(3.5)).isFalse();
  }

  @Test
  void refusesBadSettings() {
    assertThatThrownBy(() -> new RankingSettings(0, 4))
        .hasMessage("the ranking cut-off k must be >= 1, got 0");
    assertThatThrownBy(() -> new RankingSettings(5, Double.NaN))
        .hasMessage("the relevance threshold must be finite, got NaN");
  }
}
