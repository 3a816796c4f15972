package org.kernelnet.apps.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThumbnailPlacementTest {
  @Test
  void rejectsOverlapsAndCanvasOverflow() {
    float[] xs = {50, 55, 50, 79, 80, 5, 150};
    float[] ys = {50, 60, 80, 50, 50, 50, 50};
    int[] order = {0, 1, 2, 3, 4, 5, 6};

    int[] placed = ThumbnailPlacement.place(xs, ys, order, 200, 100, 30);

    // 1 overlaps 0 (dx 5, dy 10); 2 touches 0 (dy 30, no overlap); 3 overlaps 0 (dx 29);
    // 4 touches 0 (dx 30); 5 would stick out on the left; 6 is free.
    assertThat(placed).containsExactly(0, 2, 4, 6);
  }

  @Test
  void orderDecidesWhoWins() {
    float[] xs = {50, 55};
    float[] ys = {50, 60};

    assertThat(ThumbnailPlacement.place(xs, ys, new int[] {1, 0}, 200, 200, 30)).containsExactly(1);
  }

  @Test
  void randomCloudNeverOverlapsAndFillsTheCanvas() {
    Random random = new Random(3);
    int n = 5000;
    float[] xs = new float[n];
    float[] ys = new float[n];
    for (int i = 0; i < n; i++) {
      xs[i] = random.nextFloat() * 500;
      ys[i] = random.nextFloat() * 400;
    }
    xs[7] = Float.NaN;
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);

    int[] placed = ThumbnailPlacement.place(xs, ys, order, 500, 400, 28);

    for (int a = 0; a < placed.length; a++) {
      int i = placed[a];
      assertThat(xs[i] - 14).isGreaterThanOrEqualTo(0);
      assertThat(ys[i] + 14).isLessThanOrEqualTo(400);
      for (int b = a + 1; b < placed.length; b++) {
        int j = placed[b];
        assertThat(Math.abs(xs[i] - xs[j]) >= 28 || Math.abs(ys[i] - ys[j]) >= 28)
            .as("thumbnails %d and %d overlap", i, j).isTrue();
      }
    }
    assertThat(placed).doesNotContain(7);
    // A dense cloud leaves no free square: at least a quarter of the (500/28) x (400/28) slots used.
    assertThat(placed.length).isGreaterThan((500 / 28) * (400 / 28) / 4);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> ThumbnailPlacement.place(new float[1], new float[2], new int[0], 10, 10, 5))
        .hasMessageContaining("xs has 1 values but ys 2");
    assertThatThrownBy(() -> ThumbnailPlacement.place(new float[1], new float[1], new int[0], 10, 10, 20))
        .hasMessageContaining("size 20 on 10 x 10");
  }
}
