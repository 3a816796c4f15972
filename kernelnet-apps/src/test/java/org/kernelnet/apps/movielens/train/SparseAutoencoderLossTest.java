package org.kernelnet.apps.movielens.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsReader;
import org.kernelnet.apps.movielens.model.AutoencoderSpec;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.movielens.model.ModelKind;
import org.kernelnet.djl.optim.ParameterObjective;

/**
 * The sparse, hand-differentiated loss against the dense autograd loss of {@link ItemAutoencoder}
 * (the reference: {@code 1/2 sum (M ⊙ (h(R) - R))^2 + R}) at the same random parameters, for every
 * model kind, one and two hidden layers, one shard and several shards on several threads.
 */
class SparseAutoencoderLossTest {
  private static final int USERS = 37;
  private static final int ITEMS = 29;
  private static KernelnetRegistry registry;
  @TempDir static Path dir;
  private static Ratings ratings;

  @BeforeAll
  static void data() throws IOException {
    registry = KernelnetRegistry.load(SparseAutoencoderLossTest.class.getClassLoader());
    Random random = new Random(5);
    StringBuilder lines = new StringBuilder();
    for (int u = 0; u < USERS; u++) {
      for (int i = 0; i < ITEMS; i++) {
        if (random.nextDouble() < 0.3 || i == u % ITEMS) {
          lines.append(u + 1).append('\t').append(i + 1).append('\t')
              .append(1 + random.nextInt(5)).append("\t0\n");
        }
      }
    }
    Path file = dir.resolve("u.data");
    Files.writeString(file, lines);
    ratings = RatingsReader.of(MovieLensDataset.ML_100K).read(file, note -> {});
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(new AutoencoderSpec(ModelKind.AUTOREC, 1, 6, null, 0, 0.7, 0), 1, 1 << 30),
        Arguments.of(new AutoencoderSpec(ModelKind.AUTOREC, 2, 6, null, 0, 0.7, 0), 3, 60),
        Arguments.of(new AutoencoderSpec(ModelKind.KERNELNET, 2, 6, "tanh", 4, 0.5, 0), 2, 90),
        Arguments.of(new AutoencoderSpec(ModelKind.SPARSE_FC, 1, 6, "hat-sq", 3, 0.5, 0.2), 2,
            1 << 30),
        Arguments.of(new AutoencoderSpec(ModelKind.SPARSE_FC, 2, 6, "hat-sq", 3, 0.5, 0.2), 3,
            75));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesTheDenseAutogradLoss(AutoencoderSpec spec, int threads, int maxShardRatings) {
    Engine.getInstance().setRandomSeed(3);
    try (ItemAutoencoder net = ItemAutoencoder.create(spec, USERS, registry, Device.cpu());
        RatingShards shards = RatingShards.of(ratings, ITEMS, net.model().getNDManager(), threads,
            maxShardRatings);
        NDManager data = net.model().getNDManager().newSubManager()) {
      SparseAutoencoderLoss sparse = new SparseAutoencoderLoss(net, shards, threads);
      assertThat(shards.shards()).hasSizeGreaterThanOrEqualTo(threads);
      RatingMatrix matrix = RatingMatrix.of(ratings, ITEMS);
      NDArray values = matrix.values(data);
      NDArray mask = matrix.mask(data);
      ParameterObjective dense = ParameterObjective.of(net.block(), scope -> {
        scope.tempAttachAll(values, mask);
        return net.loss(net.forward(scope), scope, values, mask, 1);
      });
      ParameterObjective fast = ParameterObjective.of(net.block(), sparse::compute);
      double[] x = new double[dense.dimension()];
      dense.readParameters(x);
      // move off the initial point so that kernel locations and biases are not special
      Random random = new Random(9);
      for (int j = 0; j < x.length; j++) {
        x[j] += 0.05 * random.nextGaussian();
      }
      double[] expected = new double[x.length];
      double[] actual = new double[x.length];
      double expectedValue = dense.evaluate(x, expected);
      double actualValue = fast.evaluate(x, actual);

      assertThat(actualValue).isCloseTo(expectedValue, org.assertj.core.data.Offset.offset(
          1e-5 * Math.abs(expectedValue)));
      double norm = 0;
      double error = 0;
      for (int j = 0; j < x.length; j++) {
        norm += expected[j] * expected[j];
        error += (actual[j] - expected[j]) * (actual[j] - expected[j]);
      }
      assertThat(norm).isGreaterThan(1);
      assertThat(Math.sqrt(error / norm)).isLessThan(1e-5);
    }
  }

  @Test
  void shardsWithoutRatingsAddNothing() {
    Engine.getInstance().setRandomSeed(6);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.SPARSE_FC, 2, 6, "hat-sq", 3, 0.5, 0.2);
    try (ItemAutoencoder net = ItemAutoencoder.create(spec, USERS, registry, Device.cpu());
        RatingShards plain = RatingShards.of(ratings, ITEMS, net.model().getNDManager(), 1,
            1 << 20);
        // 60 shards of 69 rows: the rated items and the 40 unrated ones get shards of their own
        RatingShards padded = RatingShards.of(ratings, ITEMS + 40, net.model().getNDManager(), 60,
            1 << 20)) {
      assertThat(padded.shards()).anyMatch(shard -> shard.ratings() == 0);
      ParameterObjective one = ParameterObjective.of(net.block(),
          new SparseAutoencoderLoss(net, plain, 1)::compute);
      ParameterObjective many = ParameterObjective.of(net.block(),
          new SparseAutoencoderLoss(net, padded, 2)::compute);
      double[] x = new double[one.dimension()];
      one.readParameters(x);
      double[] g1 = new double[x.length];
      double[] g2 = new double[x.length];
      double v1 = one.evaluate(x, g1);
      double v2 = many.evaluate(x, g2);
      assertThat(v2).isCloseTo(v1, org.assertj.core.data.Offset.offset(1e-5 * Math.abs(v1)));
      for (int j = 0; j < x.length; j++) {
        assertThat(g2[j]).isCloseTo(g1[j], org.assertj.core.data.Offset.offset(1e-4));
      }
    }
  }

  @Test
  void predictsTheDenseOutputAtTheRequestedPairs() {
    Engine.getInstance().setRandomSeed(4);
    AutoencoderSpec spec = new AutoencoderSpec(ModelKind.SPARSE_FC, 2, 6, "hat-sq", 3, 0.5, 0.2);
    try (ItemAutoencoder net = ItemAutoencoder.create(spec, USERS, registry, Device.cpu());
        RatingShards shards = RatingShards.of(ratings, ITEMS, net.model().getNDManager(), 2, 80);
        NDManager data = net.model().getNDManager().newSubManager()) {
      SparseAutoencoderLoss sparse = new SparseAutoencoderLoss(net, shards, 2);
      float[] full = net.predict(RatingMatrix.of(ratings, ITEMS).values(data));
      Ratings firstHalf = ratings.select(java.util.stream.IntStream.range(0, ratings.size() / 2)
          .toArray());
      float[][] predicted = sparse.predict(ratings, firstHalf);
      assertThat(predicted[0]).hasSize(ratings.size());
      assertThat(predicted[1]).hasSize(firstHalf.size());
      for (int k = 0; k < ratings.size(); k++) {
        float expected = full[ratings.item(k) * USERS + ratings.user(k)];
        assertThat(predicted[0][k]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
        if (k < firstHalf.size()) {
          assertThat(predicted[1][k]).isEqualTo(predicted[0][k]);
        }
      }
    }
  }

  @Test
  void ordersTheRowsByDecreasingRatingsTiesByItem() {
    int[] perItem = new int[ITEMS];
    for (int k = 0; k < ratings.size(); k++) {
      perItem[ratings.item(k)]++;
    }
    try (NDManager manager = NDManager.newBaseManager();
        RatingShards shards = RatingShards.of(ratings, ITEMS + 2, manager, 1, 1 << 20)) {
      int[] itemAt = new int[ITEMS + 2];
      for (int item = 0; item < ITEMS + 2; item++) {
        itemAt[shards.row(item)] = item;
      }
      for (int row = 1; row < ITEMS + 2; row++) {
        int a = itemAt[row - 1];
        int b = itemAt[row];
        int ratingsA = a < ITEMS ? perItem[a] : 0;
        int ratingsB = b < ITEMS ? perItem[b] : 0;
        assertThat(ratingsA > ratingsB || ratingsA == ratingsB && a < b)
            .as("rows %d, %d: items %d (%d ratings), %d (%d)", row - 1, row, a, ratingsA, b,
                ratingsB)
            .isTrue();
      }
      assertThat(itemAt).endsWith(ITEMS, ITEMS + 1);
    }
  }

  @Test
  void cutsShardsOfAboutEqualRatingsWithinTheBound() {
    int[] perItem = {5, 0, 0, 40, 1, 1, 1, 1, 30, 2};
    int[] cuts = RatingShards.cuts(perItem, 2, 1 << 20);
    assertThat(cuts).startsWith(0).endsWith(10).hasSize(3);
    // 81 ratings: item 4's midpoint (45.5) is the first to pass half of them (40.5)
    assertThat(cuts[1]).isEqualTo(4);
    // at most 30 ratings per shard unless one item has more: items 3 and 8 make shards of their
    // own, and item 9 cannot join item 8
    int[] bounded = RatingShards.cuts(perItem, 1, 30);
    assertThat(bounded).containsExactly(0, 3, 4, 8, 9, 10);
  }
}
