package org.kernelnet.apps.movielens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutSummaryTest {
  private static final RankingSettings SETTINGS = new RankingSettings(10, 4);

  private static HeldOutMetrics split(double rmse, double ndcg, RankingSettings settings) {
    return new HeldOutMetrics(rmse, 0.7, ndcg, 0.6, 0.5, settings, 100, 10, 8, 7);
  }

  @Test
  void meanAndStandardErrorOfEachMetric() {
    HeldOutSummary summary = HeldOutSummary.of(List.of(
        split(0.9, 0.80, SETTINGS), split(0.8, 0.90, SETTINGS)));

    // RMSE: mean 0.85; s = sqrt((0.05^2 + 0.05^2) / (2 - 1)) = 0.0707107; s / sqrt 2 = 0.05
    assertThat(summary.rmse().mean()).isCloseTo(0.85, within(1e-12));
    assertThat(summary.rmse().standardError()).isCloseTo(0.05, within(1e-12));
    assertThat(summary.ndcg().mean()).isCloseTo(0.85, within(1e-12));
    assertThat(summary.ndcg().standardError()).isCloseTo(0.05, within(1e-12));
    // the same value in both splits: no spread
    assertThat(summary.mae().mean()).isCloseTo(0.7, within(1e-12));
    assertThat(summary.mae().standardError()).isZero();
    assertThat(summary.precision().mean()).isCloseTo(0.6, within(1e-12));
    assertThat(summary.recall().mean()).isCloseTo(0.5, within(1e-12));
    assertThat(summary.splits()).isEqualTo(2);
    assertThat(summary.settings()).isEqualTo(SETTINGS);
  }

  @Test
  void aMetricUndefinedInOneSplitIsUndefinedInTheSummary() {
    HeldOutSummary summary = HeldOutSummary.of(List.of(
        split(0.9, Double.NaN, SETTINGS), split(0.8, 0.9, SETTINGS)));

    assertThat(summary.ndcg().mean()).isNaN();
    assertThat(summary.ndcg().standardError()).isNaN();
    assertThat(summary.rmse().mean()).isCloseTo(0.85, within(1e-12));
  }

  @Test
  void refusesNoSplitsAndMixedSettings() {
    assertThatThrownBy(() -> HeldOutSummary.of(List.of()))
        .hasMessage("need the metrics of at least one split, got none");
    assertThatThrownBy(() -> HeldOutSummary.of(List.of(
        split(0.9, 0.8, SETTINGS), split(0.8, 0.9, new RankingSettings(5, 4)))))
        .hasMessageStartingWith("splits ranked with different settings");
  }
}
