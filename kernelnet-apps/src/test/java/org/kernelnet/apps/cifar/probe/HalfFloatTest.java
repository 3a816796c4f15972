package org.kernelnet.apps.cifar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfFloatTest {
  private static int bits(float value) {
    return HalfFloat.fromFloat(value) & 0xffff;
  }

  @Test
  void knownBitPatterns() {
    assertThat(bits(1f)).isEqualTo(0x3c00);
    assertThat(bits(-2f)).isEqualTo(0xc000);
    assertThat(bits(0.1f)).isEqualTo(0x2e66);
    assertThat(bits(65504f)).isEqualTo(0x7bff);
    assertThat(bits((float) Math.pow(2, -14))).isEqualTo(0x0400);
    assertThat(bits((float) Math.pow(2, -24))).isEqualTo(0x0001);
    assertThat(bits(0f)).isEqualTo(0x0000);
    assertThat(bits(-0f)).isEqualTo(0x8000);
    assertThat(bits(Float.POSITIVE_INFINITY)).isEqualTo(0x7c00);
    assertThat(bits(Float.NEGATIVE_INFINITY)).isEqualTo(0xfc00);
    assertThat(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))).isNaN();
  }

  @Test
  void roundsToNearestTiesToEven() {
    float ulp = (float) Math.pow(2, -10);
    // Halfway between 1 and 1 + ulp: to the even 1; halfway between 1 + ulp and 1 + 2 ulp: up.
    assertThat(bits(1f + ulp / 2)).isEqualTo(0x3c00);
    assertThat(bits(1f + 3 * ulp / 2)).isEqualTo(0x3c02);
    assertThat(bits(1f + ulp / 2 + (float) Math.pow(2, -20))).isEqualTo(0x3c01);
    // Overflow: 65520 is halfway to 2^16 and rounds to infinity, just below it stays finite.
    assertThat(bits(65519f)).isEqualTo(0x7bff);
    assertThat(bits(65520f)).isEqualTo(0x7c00);
    // Subnormals: 2^-25 is halfway between 0 and 2^-24 and rounds to 0; 1.5 * 2^-25 rounds up.
    assertThat(bits((float) Math.pow(2, -25))).isEqualTo(0x0000);
    assertThat(bits((float) (1.5 * Math.pow(2, -25)))).isEqualTo(0x0001);
    assertThat(bits((float) (3 * Math.pow(2, -25)))).isEqualTo(0x0002);
    assertThat(bits(Float.MIN_VALUE)).isEqualTo(0x0000);
    // The largest subnormal plus a little rounds up into the smallest normal.
    assertThat(bits((float) (1023.7 * Math.pow(2, -24)))).isEqualTo(0x0400);
  }

  @Test
  void everyHalfSurvivesTheRoundTripAndDecodesToItsValue() {
    for (int h = 0; h < 1 << 16; h++) {
      float value = HalfFloat.toFloat((short) h);
      if (Float.isNaN(value)) {
        assertThat((h >>> 10) & 0x1f).isEqualTo(0x1f);
        continue;
      }
      assertThat(bits(value)).as("half %04x", h).isEqualTo(h);
      int exponent = (h >>> 10) & 0x1f;
      int fraction = h & 0x3ff;
      double expected = exponent == 0x1f ? Double.POSITIVE_INFINITY
          : exponent == 0 ? fraction * Math.pow(2, -24)
          : (1 + fraction / 1024.0) * Math.pow(2, exponent - 15);
      assertThat((double) Math.abs(value)).as("half %04x", h).isEqualTo(expected);
    }
  }

  @Test
  void relativeErrorIsAtMostHalfAnUlp() {
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 100_000; i++) {
      float x = (float) ((random.nextDouble() - 0.5) * Math.pow(2, random.nextInt(30) - 14));
      if (Math.abs(x) < Math.pow(2, -14)) {
        continue;
      }
      float back = HalfFloat.toFloat(HalfFloat.fromFloat(x));
      assertThat(Math.abs(back - x)).isLessThanOrEqualTo((float) (Math.abs(x) * Math.pow(2, -11)));
    }
  }
}
