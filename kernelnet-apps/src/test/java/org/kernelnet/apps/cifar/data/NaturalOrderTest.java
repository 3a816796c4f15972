package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
  @Test
  void comparesDigitRunsByValue() {
    List<String> names = new ArrayList<>(List.of("10.png", "img2.png", "2.png", "img10.png",
        "1.png", "0999.jpg", "01000.jpg", "img02.png", "a.png"));
    names.sort(NaturalOrder.INSTANCE);
    assertThat(names).containsExactly("1.png", "2.png", "10.png", "0999.jpg", "01000.jpg",
        "a.png", "img02.png", "img2.png", "img10.png");
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(NaturalOrder.INSTANCE.compare("0001.jpg", "0001.jpg")).isZero();
    assertThat(NaturalOrder.INSTANCE.compare("01.jpg", "1.jpg")).isNegative();
    assertThat(NaturalOrder.INSTANCE.compare("1.jpg", "01.jpg")).isPositive();
    assertThat(NaturalOrder.INSTANCE.compare("1", "1.jpg")).isNegative();
  }
}
