package org.kernelnet.apps.cifar.probe;

/**
 * IEEE 754 binary16 ("half") conversions, the storage format of cached trunk features: 1 sign bit,
 * 5 exponent bits (bias 15), 10 fraction bits; normal values {@code (-1)^s 2^(e - 15) (1 + f / 1024)},
 * subnormals {@code (-1)^s 2^-24 f}, largest finite 65504, relative rounding error at most {@code
 * 2^-11}. {@link #fromFloat(float)} rounds to the nearest half, ties to even (as {@code
 * Float.floatToFloat16} of Java 20 does), overflowing to infinity; {@link #toFloat(short)} is exact.
 */
final class HalfFloat {
  /** The float value of every half bit pattern, indexed by {@code bits & 0xffff}. */
  private static final float[] TO_FLOAT = new float[1 << 16];

  static {
    for (int h = 0; h < TO_FLOAT.length; h++) {
      TO_FLOAT[h] = decode(h);
    }
  }

  private HalfFloat() {}

  /** The float value of the half {@code bits} (exact). */
  static float toFloat(short bits) {
    return TO_FLOAT[bits & 0xffff];
  }

  /** The half nearest to {@code value}, ties to even; NaN stays NaN, too large becomes infinite. */
  static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7f_ffff;
    if (exponent == 0xff) {
      return (short) (sign | 0x7c00 | (mantissa != 0 ? 0x200 | (mantissa >>> 13) : 0));
    }
    int e = exponent - 127 + 15;
    if (e >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (e <= 0) {
      // Subnormal half: the value is (mantissa with its hidden bit) * 2^(e - 14 - 10) / 2^13.
      if (e < -10) {
        return (short) sign;
      }
      return (short) (sign | roundShift(mantissa | 0x80_0000, 14 - e));
    }
    return (short) (sign | roundShift((e << 23) | mantissa, 13));
  }

  /** {@code value >> shift} rounded to nearest, ties to even ({@code 1 <= shift <= 24}). */
  private static int roundShift(int value, int shift) {
    int result = value >>> shift;
    int remainder = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    if (remainder > half || (remainder == half && (result & 1) == 1)) {
      result++;
    }
    return result;
  }

  private static float decode(int h) {
    int sign = (h & 0x8000) << 16;
    int exponent = (h >>> 10) & 0x1f;
    int fraction = h & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f80_0000 | (fraction << 13));
    }
    if (exponent == 0) {
      float magnitude = Math.scalb((float) fraction, -24);
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (fraction << 13));
  }
}
