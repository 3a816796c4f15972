package org.kernelnet.apps.movielens.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopItemsTest {
  @Test
  void keepsTheBestBestFirstWithTiesByLowerItem() {
    TopItems top = new TopItems(3);
    // offered out of item order: the ties at 4.0 must come out as items 2, 5, 7 whatever the order
    top.offer(7, 4.0f);
    top.offer(1, 2.5f);
    top.offer(5, 4.0f);
    top.offer(9, 1.0f);
    top.offer(2, 4.0f);
    top.offer(3, 3.0f);
    int[] items = new int[3];
    float[] scores = new float[3];

    assertThat(top.size()).isEqualTo(3);
    assertThat(top.drain(items, scores)).isEqualTo(3);
    assertThat(items).containsExactly(2, 5, 7);
    assertThat(scores).containsExactly(4.0f, 4.0f, 4.0f);
    assertThat(top.size()).isZero();
  }

  @Test
  void fewerOfferedThanKeptAreAllReturnedAndTheSelectionIsReusable() {
    TopItems top = new TopItems(5);
    top.offer(4, 1.5f);
    top.offer(0, 3.5f);
    int[] items = new int[5];
    float[] scores = new float[5];

    assertThat(top.drain(items, scores)).isEqualTo(2);
    assertThat(Arrays.copyOf(items, 2)).containsExactly(0, 4);
    assertThat(Arrays.copyOf(scores, 2)).containsExactly(3.5f, 1.5f);

    top.offer(8, -1f);
    assertThat(top.drain(items, scores)).isEqualTo(1);
    assertThat(items[0]).isEqualTo(8);
  }

  @Test
  void agreesWithSortingEverythingOnRandomScoresWithManyTies() {
    Random random = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      int m = 1 + random.nextInt(60);
      int n = 1 + random.nextInt(12);
      float[] score = new float[m];
      TopItems top = new TopItems(n);
      for (int i = 0; i < m; i++) {
        score[i] = random.nextInt(6) / 2f; // 0, 0.5, ..., 2.5: many ties
      }
      int[] order = IntStream.range(0, m).boxed().sorted(
          Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparingInt(i -> i))
          .mapToInt(Integer::intValue).toArray();
      random.ints(0, m).distinct().limit(m).forEach(i -> top.offer(i, score[i]));
      int[] items = new int[n];
      float[] scores = new float[n];

      int kept = top.drain(items, scores);

      assertThat(kept).isEqualTo(Math.min(n, m));
      assertThat(Arrays.copyOf(items, kept)).containsExactly(Arrays.copyOf(order, kept));
    }
  }

  @Test
  void refusesNaNAndBadSizes() {
    assertThatThrownBy(() -> new TopItems(0)).hasMessage("n must be >= 1, got 0");
    TopItems top = new TopItems(2);
    assertThatThrownBy(() -> top.offer(3, Float.NaN)).hasMessage("the score of item 3 is NaN");
    top.offer(1, 1f);
    top.offer(2, 2f);
    assertThatThrownBy(() -> top.drain(new int[1], new float[2]))
        .hasMessage("need room for 2 pairs, got 1 items and 2 scores");
  }
}
