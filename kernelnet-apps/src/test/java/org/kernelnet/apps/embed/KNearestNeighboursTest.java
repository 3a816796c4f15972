package org.kernelnet.apps.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KNearestNeighboursTest {
  // Two clusters: class 0 around (0, 0), class 1 around (10, 10), plus one class-1 outlier at (1, 0).
  private static final float[] POINTS = {
      0, 0, 0, 1, 1, 1, 0.5f, 0.5f,
      10, 10, 10, 11, 11, 10, 11, 11,
      1, 0};
  private static final int[] LABELS = {0, 0, 0, 0, 1, 1, 1, 1, 1};

  @Test
  void majorityOfTheNearestThree() {
    KNearestNeighbours knn = KNearestNeighbours.fit(3, POINTS, LABELS);

    // Nearest three to (0.9, 0.1): (1, 0) class 1, (0.5, 0.5) class 0, (1, 1) class 0 -> class 0.
    assertThat(knn.predict(0.9, 0.1)).isEqualTo(0);
    assertThat(knn.predict(9, 9)).isEqualTo(1);
    assertThat(knn.predict(5.6, 5.6)).isEqualTo(1);
  }

  @Test
  void oneNeighbourFollowsTheOutlier() {
    KNearestNeighbours knn = KNearestNeighbours.fit(1, POINTS, LABELS);

    assertThat(knn.predict(0.95, 0.05)).isEqualTo(1);
    assertThat(knn.predict(0.1, 0.1)).isEqualTo(0);
  }

  @Test
  void tieGoesToTheClassWithTheNearestMember() {
    float[] points = {0, 0, 3, 0};
    int[] labels = {4, 7};
    KNearestNeighbours knn = KNearestNeighbours.fit(2, points, labels);

    assertThat(knn.predict(1, 0)).isEqualTo(4);
    assertThat(knn.predict(2, 0)).isEqualTo(7);
  }

  @Test
  void scoreCountsCorrectAndMissingQueries() {
    KNearestNeighbours knn = KNearestNeighbours.fit(3, POINTS, LABELS);
    float[] queries = {0, 0.2f, 10.5f, 10.5f, 0.2f, 0.1f, Float.NaN, 3};
    int[] truth = {0, 1, 1, 0};

    KNearestNeighbours.Score score = knn.score(queries, truth);

    assertThat(score.correct()).isEqualTo(2);
    assertThat(score.missing()).isEqualTo(1);
    assertThat(score.queries()).isEqualTo(4);
    assertThat(score.accuracy()).isCloseTo(0.5, within(1e-12));
    assertThat(knn.predict(queries)).containsExactly(0, 1, 0, -1);
  }

  @Test
  void trainingPointsWithoutPositionAreLeftOut() {
    float[] points = {0, 0, Float.NaN, Float.NaN, 5, 5};
    int[] labels = {0, 1, 2};
    KNearestNeighbours knn = KNearestNeighbours.fit(1, points, labels);

    assertThat(knn.size()).isEqualTo(2);
    assertThat(knn.predict(0.1, 0)).isEqualTo(0);
    assertThat(knn.predict(4, 4)).isEqualTo(2);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> KNearestNeighbours.fit(0, POINTS, LABELS))
        .hasMessageContaining("k must be >= 1, got 0");
    assertThatThrownBy(() -> KNearestNeighbours.fit(10, POINTS, LABELS))
        .hasMessageContaining("at least 10 training points");
    assertThatThrownBy(() -> KNearestNeighbours.fit(1, new float[3], new int[2]))
        .hasMessageContaining("expected 2 * 2 labels");
    assertThatThrownBy(() -> KNearestNeighbours.fit(1, new float[2], new int[] {-1}))
        .hasMessageContaining("label -1 at index 0");
  }
}
