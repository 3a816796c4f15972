package org.kernelnet.apps.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.mnist.model.ModelSize;

class PredictParamsClaimTest {
  private static PredictParamsResults.Row row(double fraction, double accuracy) {
    return new PredictParamsResults.Row(fraction, accuracy, accuracy, new ModelSize(1, 1, 1), 1,
        List.of());
  }

  @Test
  void holdsWhenEveryFractionUpToNinetyPercentIsWithinOnePoint() {
    PredictParamsResults.Claim claim = PredictParamsApp.claim(List.of(
        row(0, 0.982), row(0.5, 0.980), row(0.9, 0.9725), row(0.95, 0.90)));

    assertThat(claim.applicable()).isTrue();
    assertThat(claim.holds()).isTrue();
    // 95 % is outside the claim, so the worst drop is the 90 % one
    assertThat(claim.worstDrop()).isCloseTo(0.0095, within(1e-12));
  }

  @Test
  void failsWhenADropExceedsOnePoint() {
    PredictParamsResults.Claim claim =
        PredictParamsApp.claim(List.of(row(0, 0.982), row(0.75, 0.97), row(0.9, 0.98)));

    assertThat(claim.holds()).isFalse();
    assertThat(claim.worstDrop()).isCloseTo(0.012, within(1e-12));
  }

  @Test
  void notApplicableWithoutTheBaselineOrACoveredFraction() {
    assertThat(PredictParamsApp.claim(List.of(row(0.5, 0.9))).applicable()).isFalse();
    assertThat(PredictParamsApp.claim(List.of(row(0, 0.9), row(0.95, 0.9))).applicable()).isFalse();
  }
}
