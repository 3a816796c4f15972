package org.kernelnet.apps.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RestorableRandomTest {
  /** A mix of every kind of draw, Gaussians in odd numbers so that one is left cached. */
  private static List<Object> draws(Random random, int rounds) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      out.add(random.nextInt());
      out.add(random.nextInt(1 + i * 7919));
      out.add(random.nextLong());
      out.add(random.nextDouble());
      out.add(random.nextFloat());
      out.add(random.nextBoolean());
      out.add(random.nextGaussian());
    }
    return out;
  }

  @Test
  void drawsWhatJavaUtilRandomDrawsForTheSameSeed() {
    for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
      assertThat(draws(new RestorableRandom(seed), 200)).as("seed %d", seed)
          .isEqualTo(draws(new Random(seed), 200));
    }
    RestorableRandom reseeded = new RestorableRandom(3);
    draws(reseeded, 5);
    reseeded.setSeed(11);
    assertThat(draws(reseeded, 50)).isEqualTo(draws(new Random(11), 50));
  }

  @Test
  void aRestoredStateContinuesTheSequenceIncludingACachedGaussian() {
    RestorableRandom random = new RestorableRandom(5);
    draws(random, 3); // three Gaussians: the second pair's second value is cached
    RestorableRandom.State state = random.state();
    List<Object> expected = draws(random, 40);

    RestorableRandom other = new RestorableRandom(99);
    other.restore(state);

    assertThat(state.hasNextGaussian()).isTrue();
    assertThat(draws(other, 40)).isEqualTo(expected);
  }
}
