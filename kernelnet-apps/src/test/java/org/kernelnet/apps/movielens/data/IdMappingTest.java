package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdMappingTest {
  @Test
  void digitIdsAreOrderedByTheirNumberAndRankedFromTheGivenOrder() {
    IdMapping.Ordered ordered =
        IdMapping.order(new String[] {"196", "22", "186", "100000000000000000000000", "0"});

    assertThat(ordered.mapping().ids())
        .containsExactly("0", "22", "186", "196", "100000000000000000000000");
    assertThat(ordered.mapping().numericOrder()).isTrue();
    assertThat(ordered.rank()).containsExactly(3, 1, 2, 4, 0);
    assertThat(ordered.mapping().indexOf("186")).hasValue(2);
    assertThat(ordered.mapping().indexOf("0186")).isEmpty();
    assertThat(ordered.mapping().id(4)).isEqualTo("100000000000000000000000");
  }

  @Test
  void leadingZerosMakeOtherIdsOfTheSameNumberAfterTheShortestOne() {
    IdMapping mapping = IdMapping.order(new String[] {"0010", "9", "10", "010", "00"}).mapping();

    assertThat(mapping.ids()).containsExactly("00", "9", "10", "010", "0010");
    assertThat(mapping.numericOrder()).isTrue();
  }

  @Test
  void anyOtherIdMakesTheColumnTextOrdered() {
    IdMapping mapping = IdMapping.order(new String[] {"10", "9", "-1", "b", "B", "é"}).mapping();

    assertThat(mapping.ids()).containsExactly("-1", "10", "9", "B", "b", "é");
    assertThat(mapping.numericOrder()).isFalse();
    assertThat(mapping.size()).isEqualTo(6);
    assertThat(mapping).hasToString("6 ids in text order, -1 .. é");
  }
}
