package org.kernelnet.apps.mnist.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanAndErrorTest {
  @Test
  void knownAnswerWithBesselsCorrection() {
    // mean 2.5; sum of squares 5; s^2 = 5/3; se = sqrt(5/3)/2
    MeanAndError m = MeanAndError.of(1, 2, 3, 4);

    assertThat(m.mean()).isEqualTo(2.5);
    assertThat(m.standardError()).isCloseTo(Math.sqrt(5.0 / 3) / 2, within(1e-12));
    assertThat(m.count()).isEqualTo(4);
  }

  @Test
  void identicalValuesHaveNoError() {
    assertThat(MeanAndError.of(0.9, 0.9, 0.9).standardError()).isZero();
  }

  @Test
  void oneValueHasErrorZero() {
    MeanAndError m = MeanAndError.of(0.75);

    assertThat(m.mean()).isEqualTo(0.75);
    assertThat(m.standardError()).isZero();
    assertThat(m.count()).isOne();
  }

  @Test
  void rejectsNoValuesAndNonFiniteValues() {
    assertThatThrownBy(MeanAndError::of).hasMessageContaining("at least one value");
    assertThatThrownBy(() -> MeanAndError.of(1, Double.NaN)).hasMessageContaining("NaN");
  }
}
