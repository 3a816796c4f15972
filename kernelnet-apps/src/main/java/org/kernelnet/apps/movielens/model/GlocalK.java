package org.kernelnet.apps.movielens.model;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.djl.nn.GlobalKernel;

/**
 * GLocal-K (Han, Lim, Long, Burgstaller, Poon; CIKM 2021): an item-based local kernel autoencoder
 * {@code AE} (an {@link ItemAutoencoder}, for {@code --model glocal-k} of kind {@link
 * ModelKind#GLOCAL_K}) and a {@link GlobalKernel} fed by its outputs. With the training ratings
 * {@code R [items, users]} (0 where unrated) and their mask {@code M}:
 *
 * <pre>
 *   pre-training prediction   AE(R)
 *   fine-tuning prediction    AE(R^), R^ = GlobalKernel(R, AE(R)) = ReLU(G(AE(R)) ⋆ R)
 *   fine-tuning loss          1/2 sum (M ⊙ (AE(R^) - R))^2 + the AE's regularisers
 * </pre>
 *
 * where {@code G} is the {@value #KERNEL_SIZE}x{@value #KERNEL_SIZE} kernel of the item-averaged
 * outputs of {@code AE(R)} (see {@link GlobalKernel}). Both passes use the same AE weights, and
 * {@code AE(R)} is recomputed from the current weights in every fine-tuning evaluation, so the
 * gradient reaches the weights through both passes and the global kernel's weight {@code C [items,
 * 9]}; the regularisers are counted once, as in the authors' code.
 *
 * <p>Closing the model closes the autoencoder, whose manager also holds {@code C}.
 */
public final class GlocalK implements RatingModel {
  /** The side of the global kernel (the authors' {@code gk_size}). */
  public static final int KERNEL_SIZE = 3;

  private final ItemAutoencoder local;
  private final GlobalKernel global;
  private final int items;

  private GlocalK(ItemAutoencoder local, GlobalKernel global, int items) {
    this.local = local;
    this.global = global;
    this.items = items;
  }

  /**
   * GLocal-K around {@code local} with a new global kernel for {@code items} rows, its weight drawn
   * from DJL's engine (after {@code local}'s parameters, for reproducible values) on {@code
   * local}'s manager. The model owns {@code local}: it closes it, also when this method fails.
   *
   * @param dotScale the factor of the global kernel's dot product (finite)
   * @throws IllegalArgumentException if {@code items < 1} or {@code dotScale} is not finite
   */
  public static GlocalK create(ItemAutoencoder local, int items, double dotScale) {
    requireNonNull(local, "local is null");
    try {
      if (items < 1) {
        throw new IllegalArgumentException("items must be >= 1, got " + items);
      }
      GlobalKernel global =
          GlobalKernel.builder().optSize(KERNEL_SIZE).optDotScale(dotScale).build();
      Shape shape = new Shape(items, local.users());
      global.initialize(local.model().getNDManager(), DataType.FLOAT32, shape, shape);
      return new GlocalK(local, global, items);
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
  }

  /**
   * GLocal-K with the parameters saved by {@link #saveParameters}.
   *
   * @param items the rows of the rating matrix
   * @throws MalformedModelException if the saved parameters do not fit {@code spec}, {@code users}
   *     and {@code items}
   */
  public static GlocalK load(AutoencoderSpec spec, int users, int items,
      KernelnetRegistry registry, Device device, DataInputStream in)
      throws IOException, MalformedModelException {
    ItemAutoencoder local = ItemAutoencoder.load(spec, users, registry, device, in);
    try {
      double dotScale = in.readDouble();
      if (!Double.isFinite(dotScale)) {
        throw new MalformedModelException("the global kernel's dot scale is " + dotScale);
      }
      GlobalKernel global =
          GlobalKernel.builder().optSize(KERNEL_SIZE).optDotScale(dotScale).build();
      global.loadParameters(local.model().getNDManager(), in);
      long rows = global.getParameters().get(GlobalKernel.WEIGHT).getArray().getShape().get(0);
      if (rows != items) {
        throw new MalformedModelException("the global kernel has " + rows + " item rows, the"
            + " header " + items);
      }
      return new GlocalK(local, global, items);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      local.close();
      throw e;
    }
  }

  /** The local kernel autoencoder's architecture and regularisation. */
  @Override
  public AutoencoderSpec spec() {
    return local.spec();
  }

  /** The local autoencoder's model, whose manager also holds the global kernel's weight. */
  @Override
  public Model model() {
    return local.model();
  }

  /**
   * Writes the autoencoder's parameters, the global kernel's dot scale (a double: loading builds
   * the kernel with it) and the global kernel's parameters.
   */
  @Override
  public void saveParameters(DataOutputStream out) throws IOException {
    local.saveParameters(out);
    out.writeDouble(global.getDotScale());
    global.saveParameters(out);
  }

  /** The local kernel autoencoder. */
  public ItemAutoencoder local() {
    return local;
  }

  /** The global kernel. */
  public GlobalKernel global() {
    return global;
  }

  /** The columns of the rating matrix: the autoencoder's width. */
  @Override
  public int users() {
    return local.users();
  }

  /** The rows of the rating matrix. */
  public int items() {
    return items;
  }

  /** What fine-tuning trains: the autoencoder's block, then the global kernel. */
  @Override
  public List<Block> blocks() {
    return List.of(local.block(), global);
  }

  /**
   * The fine-tuning prediction {@code AE(R^) [items, users]} for the ratings {@code R [items,
   * users]}, on {@code ratings}' manager (see the class comment).
   */
  public NDArray fineTuned(ParameterStore store, NDArray ratings, boolean training) {
    Block ae = local.block();
    NDArray outputs = ae.forward(store, new NDList(ratings), training).singletonOrThrow();
    NDArray kernelled =
        global.forward(store, new NDList(ratings, outputs), training).singletonOrThrow();
    return ae.forward(store, new NDList(kernelled), training).singletonOrThrow();
  }

  /**
   * The fine-tuning loss (see the class comment), attached to {@code scope}, which must own or
   * temporarily hold {@code ratings} and {@code mask} (both {@code [items, users]}).
   */
  public NDArray fineTuningLoss(NDManager scope, NDArray ratings, NDArray mask) {
    ParameterStore store = new ParameterStore(scope, false);
    return local.loss(inputs -> new NDList(fineTuned(store, inputs.singletonOrThrow(), true)),
        scope, ratings, mask, 1);
  }

  /**
   * The fine-tuning predictions for {@code ratings [items, users]} as a row-major array, computed
   * without gradients in a scope that is closed before returning.
   */
  @Override
  public float[] predict(NDArray ratings) {
    try (NDManager scope = local.model().getNDManager().newSubManager()) {
      scope.tempAttachAll(ratings);
      return fineTuned(new ParameterStore(scope, false), ratings, false).toFloatArray();
    }
  }

  /**
   * Free parameters (the autoencoder's and {@code C}) and the MACs of one item's fine-tuned
   * prediction: its row of {@code AE(R)} from {@code ratedInputs} rated inputs (for the pooling),
   * {@code 9 users} for its row of {@code R^}, and {@code AE} on that row, which is dense. The
   * layers are the autoencoder's.
   */
  public PredictionCost cost(int ratedInputs) {
    PredictionCost sparse = local.cost(ratedInputs);
    long dense = local.cost(local.users()).macs();
    long weights = global.getParameters().get(GlobalKernel.WEIGHT).getArray().size();
    long convolution = (long) KERNEL_SIZE * KERNEL_SIZE * local.users();
    return new PredictionCost(sparse.freeParameters() + weights,
        sparse.denseEquivalentParameters() + weights, sparse.macs() + convolution + dense,
        ratedInputs, sparse.layers());
  }

  @Override
  public void close() {
    local.close();
  }

  @Override
  public String toString() {
    return "GlocalK[" + local + ", " + global + ", " + items + " items]";
  }
}
