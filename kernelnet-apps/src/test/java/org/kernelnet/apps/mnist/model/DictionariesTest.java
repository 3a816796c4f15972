package org.kernelnet.apps.mnist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DictionariesTest {
  @Test
  void pixelGridIsRowMajorLikeFlattenedImages() {
    double[][] grid = Dictionaries.grid(28, 28);

    assertThat(grid).hasNumberOfRows(784);
    assertThat(grid[0]).containsExactly(0, 0);
    assertThat(grid[29]).containsExactly(1, 1);
    assertThat(grid[783]).containsExactly(27, 27);
  }

  @Test
  void hiddenUnitsGoOnTheMostSquareExactGrid() {
    double[][] grid = Dictionaries.squareGrid(500);

    assertThat(grid).hasNumberOfRows(500);
    assertThat(grid[24]).containsExactly(0, 24);
    assertThat(grid[25]).containsExactly(1, 0);
    assertThat(grid[499]).containsExactly(19, 24);
    assertThat(Dictionaries.squareGrid(7)[6]).containsExactly(0, 6);
    assertThat(Dictionaries.squareGrid(36)[35]).containsExactly(5, 5);
  }

  @Test
  void randomCoordinatesHaveUnitDensityAndFollowTheSeed() {
    double[][] a = Dictionaries.random(400, 7);

    assertThat(a).hasNumberOfRows(400);
    assertThat(Arrays.stream(a).flatMapToDouble(Arrays::stream)).allMatch(v -> v >= 0 && v < 20);
    assertThat(Dictionaries.random(400, 7)).isDeepEqualTo(a);
    assertThat(Dictionaries.random(400, 8)[0]).isNotEqualTo(a[0]);
  }

  @Test
  void learnedRowsForTheFractionsOfTheExperiment() {
    assertThat(Dictionaries.learnedRows(784, 0.5)).isEqualTo(392);
    assertThat(Dictionaries.learnedRows(784, 0.75)).isEqualTo(196);
    assertThat(Dictionaries.learnedRows(784, 0.9)).isEqualTo(78);
    assertThat(Dictionaries.learnedRows(784, 0.95)).isEqualTo(39);
    assertThat(Dictionaries.learnedRows(500, 0.95)).isEqualTo(25);
    assertThat(Dictionaries.learnedRows(10, 0.99)).isEqualTo(1);
    assertThatThrownBy(() -> Dictionaries.learnedRows(784, 1.0)).hasMessageContaining("[0, 1)");
  }

  @Test
  void lengthScaleIsTheMeanSpacingOfTheLearnedRows() {
    // 196 of 784 unit-density points: one per 2 x 2 patch, spacing 2
    assertThat(Dictionaries.lengthScale(784, 196, 1)).isCloseTo(2, within(1e-12));
    assertThat(Dictionaries.lengthScale(784, 784, 0.5)).isCloseTo(0.5, within(1e-12));
    assertThatThrownBy(() -> Dictionaries.lengthScale(10, 11, 1)).hasMessageContaining("learned 11");
  }

  @Test
  void predictedMlpUsesTheChosenHiddenCoordinates() {
    PredictedMlp grid = new PredictedMlp(500, 0.9, HiddenDictionary.GRID, 1, 0.1, 3);
    PredictedMlp random = new PredictedMlp(500, 0.9, HiddenDictionary.RANDOM, 1, 0.1, 3);

    assertThat(grid.hiddenCoordinates()).isDeepEqualTo(Dictionaries.squareGrid(500));
    assertThat(random.hiddenCoordinates()).isDeepEqualTo(Dictionaries.random(500, 3));
  }
}
