package org.kernelnet.apps.movielens.train;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.kernelnet.api.Scalars;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.model.ItemAutoencoder.Affine;
import org.kernelnet.apps.movielens.model.ItemAutoencoder;
import org.kernelnet.apps.torch.Csr;

/**
 * The full-batch training loss of an {@link ItemAutoencoder} computed from the sparse rating matrix
 * only: the input layer multiplies the sparse ratings, the loss is taken at the observed entries
 * only, and the backward pass through the affine layers is written out by hand so that it stays
 * sparse where PyTorch's autograd would go dense.
 *
 * <p>With effective weights {@code E_l [n_{l-1}, n_l]}, biases {@code b_l}, sigmoid {@code s} and
 * the shard's ratings {@code X [rows, users]} (sparse, observed set {@code O}):
 *
 * <pre>
 *   forward:  H_0 = X,  H_l = s(H_{l-1} E_l + b_l) (hidden),
 *             y_iu = H_L[i, :] . E_out[:, u] + b_out[u]  for (i, u) in O only,
 *             D = y - X on O  (sparse),  data loss = 1/2 sum D^2
 *   backward: [dE_out^T, db_out] = D^T [H_L, 1],  G_L = D E_out^T
 *             dA_l = G_l ⊙ H_l ⊙ (1 - H_l),  dE_l = H_{l-1}^T dA_l,  db_l = 1^T dA_l,
 *             G_{l-1} = dA_l E_l^T
 * </pre>
 *
 * The output layer is a {@link SampledProduct} at the observed pairs, never the dense {@code H_L
 * E_out [rows, users]}: the output layer and every product with X and D cost {@code O(nnz n_l)},
 * the hidden-to-hidden layers {@code O(items n_l^2)}, and memory follows the number of ratings.
 * Shards are processed in parallel on {@code threads} threads and their gradients summed in shard
 * order, so the result does not depend on thread timing.
 *
 * <p>The hand-computed gradients {@code g_p} reach the real parameters (dense weights, kernel
 * locations, alpha) through autograd on the surrogate {@code S = sum_p <p, g_p>} over the
 * effective weights and biases {@code p}, which are computed from the parameters with gradients;
 * {@link #compute} returns {@code S - stop(S) + (data loss + R)} with the regulariser R, whose value
 * is the true loss and whose gradient is {@code dS + dR}, the true gradient.
 */
public final class SparseAutoencoderLoss {
  private final ItemAutoencoder net;
  private final RatingShards shards;
  private final int threads;
  private final ExecutorService pool;

  /**
   * The shard threads, one pool per thread count for the whole process (daemon threads, never shut
   * down). PyTorch's OpenMP team and glibc's malloc arena belong to the calling thread; a new pool for
   * every split left about 0.2 GB of native memory behind each time on ML-1M.
   */
  private static final ConcurrentMap<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

  /**
   * @param net the autoencoder; its width must equal the shards' users
   * @param shards the training ratings; the caller keeps ownership
   * @param threads the threads that process shards, {@code >= 1}
   */
  public SparseAutoencoderLoss(ItemAutoencoder net, RatingShards shards, int threads) {
    this.net = requireNonNull(net, "net is null");
    this.shards = requireNonNull(shards, "shards is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (net.users() != shards.users()) {
      throw new IllegalArgumentException("the network has " + net.users()
          + " inputs but the ratings have " + shards.users() + " users");
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : POOLS.computeIfAbsent(threads, n ->
        Executors.newFixedThreadPool(n, runnable -> {
          Thread thread = new Thread(runnable, "kernelnet-shard");
          thread.setDaemon(true);
          return thread;
        }));
  }

  /**
   * The loss to back-propagate, for a {@code GradientCollector} that is open: its value is {@code
   * 1/2 sum_observed (h - r)^2 + R} and its gradient the loss's gradient (see the class comment).
   * Everything is attached to {@code scope}.
   */
  public NDArray compute(NDManager scope) {
    List<ItemAutoencoder.LayerTerms> terms =
        net.layerTerms(new ParameterStore(scope, false), scope, true);
    List<Affine> layers = terms.stream().map(ItemAutoencoder.LayerTerms::affine).toList();
    List<Affine> constants = detached(layers);
    int last = layers.size() - 1;
    NDArray outputTransposed = contiguousTranspose(constants.get(last).weights());
    Totals totals = new Totals(layers.size(), scope);
    forEachShard(scope, (shard, shardScope) ->
        gradient(shard, constants, outputTransposed, shardScope), totals::add);
    NDArray surrogate = null;
    for (int l = 0; l < layers.size(); l++) {
      // the shards give dE_out^T [users, h]; E_out's own gradient is then contiguous, as its
      // element-wise backward passes (through W ⊙ K and the regularisers) need to be fast
      NDArray gradient = l == last ? contiguousTranspose(totals.weights[l]) : totals.weights[l];
      surrogate = plus(surrogate, inner(layers.get(l).weights(), gradient));
      if (layers.get(l).bias() != null) {
        surrogate = plus(surrogate, inner(layers.get(l).bias(), totals.biases[l]));
      }
    }
    NDArray penalty = net.penalty(terms);
    NDArray value = surrogate.sub(surrogate.stopGradient())
        .add(Scalars.like(surrogate, totals.loss));
    return penalty == null ? value : value.add(penalty);
  }

  /**
   * The network's predictions at the given ratings' (item, user) pairs, one array per set in the
   * sets' order, computed without gradients from the training ratings as input (a {@link
   * SampledProduct} at the pairs: no full output row is formed).
   */
  public float[][] predict(Ratings... sets) {
    float[][] out = new float[sets.length][];
    for (int t = 0; t < sets.length; t++) {
      out[t] = new float[sets[t].size()];
    }
    try (NDManager scope = net.model().getNDManager().newSubManager()) {
      List<Affine> layers = detached(net.layerTerms(new ParameterStore(scope, false), scope, false)
          .stream().map(ItemAutoencoder.LayerTerms::affine).toList());
      NDArray outputTransposed = contiguousTranspose(layers.get(layers.size() - 1).weights());
      forEachShard(scope, (shard, shardScope) -> {
        predictShard(shard, layers, outputTransposed, sets, out, shardScope);
        return null;
      }, done -> { });
    }
    return out;
  }

  /**
   * The layers without autograd. The shard threads need this even where the caller's thread records
   * no graph: PyTorch's grad mode belongs to each thread, and the parameters require gradients, so
   * on a shard thread every product with them would keep its inputs for a backward pass that never
   * comes (predicting ML-10M-sized data held about 15 GB of gathered rows that way).
   */
  private static List<Affine> detached(List<Affine> layers) {
    List<Affine> constants = new ArrayList<>();
    for (Affine layer : layers) {
      constants.add(new Affine(layer.weights().stopGradient(),
          layer.bias() == null ? null : layer.bias().stopGradient()));
    }
    return constants;
  }

  /** The loss and gradients of one shard. */
  private record Partial(double loss, List<NDArray> weightGradients, List<NDArray> biasGradients) {}

  /** The running shard-ordered sums of the shards' losses and gradients, attached to a scope. */
  private static final class Totals {
    private final NDManager scope;
    private final NDArray[] weights;
    private final NDArray[] biases;
    private double loss;

    Totals(int layers, NDManager scope) {
      this.scope = scope;
      this.weights = new NDArray[layers];
      this.biases = new NDArray[layers];
    }

    void add(Partial partial) {
      loss += partial.loss();
      for (int l = 0; l < weights.length; l++) {
        weights[l] = plus(weights[l], partial.weightGradients().get(l));
        biases[l] = plus(biases[l], partial.biasGradients().get(l));
      }
    }

    /**
     * {@code total + term}, added into {@code total} in place (the first term is moved into the
     * scope): the sums are plain arrays outside autograd, and a new sum for every shard would be
     * one more {@code [users, h]} array at a time.
     */
    private NDArray plus(NDArray total, NDArray term) {
      if (total == null) {
        term.attach(scope);
        return term;
      }
      return total.addi(term);
    }
  }

  /** The work of one shard, with a sub-manager of its own for everything it creates. */
  @FunctionalInterface
  private interface ShardTask<T> {
    T apply(RatingShards.Shard shard, NDManager shardScope);
  }

  private record Pending<T>(NDManager scope, Future<T> result) {}

  /**
   * Runs {@code task} on every shard, at most {@code threads} at a time, and hands the results to
   * {@code consumer} in shard order; a shard's sub-manager of {@code scope} is closed once the
   * consumer has seen its result. So partial results are combined in a fixed order, whatever the
   * threads' timing, and at most {@code threads} shards' arrays are alive at once. After a failure
   * no further shard starts; the running ones finish, and the first failure is thrown.
   */
  private <T> void forEachShard(NDManager scope, ShardTask<T> task, Consumer<T> consumer) {
    List<RatingShards.Shard> list = shards.shards();
    int window = pool == null ? 1 : threads;
    ArrayDeque<Pending<T>> pending = new ArrayDeque<>();
    RuntimeException failure = null;
    int next = 0;
    while (true) {
      while (failure == null && next < list.size() && pending.size() < window) {
        RatingShards.Shard shard = list.get(next++);
        NDManager shardScope = scope.newSubManager();
        FutureTask<T> work = new FutureTask<>(() -> task.apply(shard, shardScope));
        if (pool == null) {
          work.run();
        } else {
          pool.execute(work);
        }
        pending.add(new Pending<>(shardScope, work));
      }
      Pending<T> head = pending.poll();
      if (head == null) {
        break;
      }
      try (NDManager done = head.scope()) {
        T result = await(head.result());
        if (failure == null) {
          consumer.accept(result);
        }
      } catch (RuntimeException e) {
        failure = failure != null ? failure : e;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static <T> T await(Future<T> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error error) {
            throw error;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Forward and hand-written backward pass of one shard, attached to {@code scope}. */
  private Partial gradient(RatingShards.Shard shard, List<Affine> layers,
      NDArray outputTransposed, NDManager scope) {
    int hiddenLayers = layers.size() - 1;
    attachShard(shard, scope);
    List<NDArray> activations = hiddenActivations(shard, layers);
    NDArray h = activations.get(hiddenLayers - 1);
    NDArray difference = SampledProduct.of(h, outputTransposed,
        layers.get(hiddenLayers).bias(), shard.rowIndex(), shard.userIndex(), shard.rowPointer(),
        scope)
        .subi(shard.targets());
    double loss = difference.dot(difference).getFloat() / 2;
    NDArray differenceByUser = difference.take(scope, shard.userMajorOrder());

    NDArray[] weightGradients = new NDArray[layers.size()];
    NDArray[] biasGradients = new NDArray[layers.size()];
    // D^T [H_L, 1] gives dE_out^T and db_out in one pass over the residuals
    NDArray outputGradients = Csr.product(shard.userPointer(), shard.rowsByUser(),
        differenceByUser, h.concat(scope.ones(new Shape(shard.rows(), 1)), 1));
    long width = h.getShape().get(1);
    weightGradients[hiddenLayers] = outputGradients.get(new NDIndex(":, :{}", width));
    biasGradients[hiddenLayers] = outputGradients.get(new NDIndex(":, {}", width));
    NDArray upstream = Csr.product(shard.rowOffsets(), shard.userIndex(), difference,
        outputTransposed);
    for (int l = hiddenLayers - 1; l >= 0; l--) {
      NDArray hl = activations.get(l);
      NDArray delta = upstream.mul(hl.sub(hl.mul(hl)));
      weightGradients[l] = l > 0 ? activations.get(l - 1).transpose().matMul(delta)
          : Csr.product(shard.userPointer(), shard.rowsByUser(), shard.targetsByUser(), delta);
      biasGradients[l] = delta.sum(new int[] {0});
      if (l > 0) {
        upstream = delta.matMul(layers.get(l).weights().transpose());
      }
    }
    return new Partial(loss, List.of(weightGradients), List.of(biasGradients));
  }

  /**
   * The hidden layers' outputs {@code H_1 .. H_L} of a shard: {@code H_1 = s(X E_1 + b_1)} with
   * {@code X E_1} a {@link Csr#product}, then {@code H_l = s(H_{l-1} E_l + b_l)}.
   */
  private static List<NDArray> hiddenActivations(RatingShards.Shard shard, List<Affine> layers) {
    List<NDArray> activations = new ArrayList<>();
    NDArray h = null;
    for (int l = 0; l + 1 < layers.size(); l++) {
      Affine layer = layers.get(l);
      NDArray y = l == 0
          ? Csr.product(shard.rowOffsets(), shard.userIndex(), shard.targets(), layer.weights())
          : h.matMul(layer.weights());
      h = Activation.sigmoid(layer.bias() == null ? y : y.addi(layer.bias()));
      activations.add(h);
    }
    return activations;
  }

  /** The predictions of one shard's items at the pairs of {@code sets} that fall in the shard. */
  private void predictShard(RatingShards.Shard shard, List<Affine> layers,
      NDArray outputTransposed, Ratings[] sets, float[][] out, NDManager scope) {
    attachShard(shard, scope);
    List<NDArray> activations = hiddenActivations(shard, layers);
    NDArray h = activations.get(activations.size() - 1);
    for (int t = 0; t < sets.length; t++) {
      Ratings set = sets[t];
      int rowCount = shard.rows();
      int[] rowPointer = new int[rowCount + 1];
      for (int k = 0; k < set.size(); k++) {
        int row = shards.row(set.item(k));
        if (row >= shard.from() && row < shard.to()) {
          rowPointer[row - shard.from() + 1]++;
        }
      }
      for (int r = 0; r < rowCount; r++) {
        rowPointer[r + 1] += rowPointer[r];
      }
      int n = rowPointer[rowCount];
      if (n == 0) {
        continue;
      }
      // the set's pairs in the shard, sorted by row (a counting sort), and where each came from
      int[] fill = Arrays.copyOf(rowPointer, rowCount);
      int[] positions = new int[n];
      long[] rows = new long[n];
      long[] users = new long[n];
      for (int k = 0; k < set.size(); k++) {
        int row = shards.row(set.item(k));
        if (row >= shard.from() && row < shard.to()) {
          int j = fill[row - shard.from()]++;
          positions[j] = k;
          rows[j] = row - shard.from();
          users[j] = set.user(k);
        }
      }
      float[] values = SampledProduct.of(h, outputTransposed, layers.get(layers.size() - 1).bias(),
          scope.create(rows), scope.create(users), rowPointer, scope).toFloatArray();
      for (int j = 0; j < n; j++) {
        out[t][positions[j]] = values[j];
      }
    }
  }

  /**
   * The shard's arrays attached to {@code scope} until it closes, so that results of operations on
   * them land in {@code scope} (DJL attaches a result to its first operand's manager).
   */
  private static void attachShard(RatingShards.Shard shard, NDManager scope) {
    scope.tempAttachAll(shard.indices(), shard.rowOffsets(), shard.targets(), shard.userPointer(),
        shard.rowsByUser(), shard.targetsByUser(), shard.userMajorOrder());
  }

  /**
   * {@code E^T} in row-major order: the output layer's products read its rows ({@code [users, h]},
   * a user's weights side by side).
   */
  private static NDArray contiguousTranspose(NDArray e) {
    long[] shape = e.getShape().getShape();
    return e.transpose().flatten().reshape(shape[1], shape[0]);
  }

  /**
   * {@code <p, g> = sum p ⊙ g} for a term of the surrogate, {@code g} constant: a dot product of
   * the flattened arrays, so the only parameter-sized array it adds is {@code g} itself as the
   * gradient of {@code p} in the backward pass (when {@code p} is contiguous).
   */
  private static NDArray inner(NDArray p, NDArray g) {
    return p.flatten().dot(g.flatten());
  }

  private static NDArray plus(NDArray total, NDArray term) {
    return total == null ? term : total.add(term);
  }
}
