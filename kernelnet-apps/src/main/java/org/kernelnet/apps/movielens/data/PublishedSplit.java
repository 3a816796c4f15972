package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test ratings a data source comes with: the {@code Otest} mask of a {@link MontiDataset}, or
 * the lines of a given test file. {@code --protocol official} trains on the other ratings and
 * tests on these.
 *
 * @param testPositions the positions of the test ratings among all ratings read
 * @param protocol what the split is, for result files, e.g. {@code split=Monti et al. 2017}
 * @param description how tables name it, e.g. {@code the Monti et al. (2017) split}
 */
public record PublishedSplit(int[] testPositions, Map<String, String> protocol,
    String description) {
  /** Validates and copies the record. */
  public PublishedSplit {
    testPositions = requireNonNull(testPositions, "testPositions is null").clone();
    protocol = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(protocol, "protocol is null")));
    requireNonNull(description, "description is null");
  }

  /** The test positions (a copy). */
  @Override
  public int[] testPositions() {
    return testPositions.clone();
  }

  /**
   * The split of {@code ratings}, all the ratings these positions refer to.
   *
   * @param seed the seed of the split's run
   */
  public RatingSplit split(Ratings ratings, long seed) {
    return RatingSplit.fixed(ratings, testPositions, seed, protocol);
  }
}
