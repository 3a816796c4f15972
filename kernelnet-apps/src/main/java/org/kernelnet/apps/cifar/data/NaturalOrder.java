package org.kernelnet.apps.cifar.data;

import java.util.Comparator;

/**
 * Orders file names with digit runs compared by numeric value ({@code 2.jpg < 10.jpg}), other runs
 * character by character; names equal under that rule fall back to plain string order.
 */
final class NaturalOrder implements Comparator<String> {
  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (isDigit(ca) && isDigit(cb)) {
        int endA = digitRunEnd(a, i);
        int endB = digitRunEnd(b, j);
        int startA = skipZeros(a, i, endA);
        int startB = skipZeros(b, j, endB);
        int lengthA = endA - startA;
        int lengthB = endB - startB;
        if (lengthA != lengthB) {
          return Integer.compare(lengthA, lengthB);
        }
        for (int k = 0; k < lengthA; k++) {
          int c = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
          if (c != 0) {
            return c;
          }
        }
        i = endA;
        j = endB;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    if (i < a.length() || j < b.length()) {
      return i < a.length() ? 1 : -1;
    }
    return a.compareTo(b);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digitRunEnd(String s, int from) {
    int k = from;
    while (k < s.length() && isDigit(s.charAt(k))) {
      k++;
    }
    return k;
  }

  private static int skipZeros(String s, int from, int end) {
    int k = from;
    while (k < end - 1 && s.charAt(k) == '0') {
      k++;
    }
    return k;
  }
}
