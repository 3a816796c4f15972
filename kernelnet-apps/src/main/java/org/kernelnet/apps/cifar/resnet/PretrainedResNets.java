package org.kernelnet.apps.cifar.resnet;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kernelnet.apps.data.DataDirectory;

/**
 * Loads the pretrained CIFAR-10 ResNets of {@code akamaster/pytorch_resnet_cifar10} (Yerlan Idelbayev,
 * BSD 2-clause) from NumPy {@code .npz} archives {@code pretrained/resnet{depth}_cifar10.npz} of the
 * data directory, one float32 array per checkpoint tensor ({@code conv1.weight [16, 3, 3, 3]}, ...,
 * {@code linear.weight [10, 64]}, {@code linear.bias [10]}; PyTorch layouts, which are DJL's).
 *
 * <p>Loading is strict: every array of the file fills exactly one parameter of {@link
 * CifarResNet#namedParameters()}, every parameter (including the batch-norm running statistics) is
 * filled, and any missing, unexpected or wrongly shaped array fails with its name and the expected and
 * found shapes. The loaded network's parameters are frozen (inference only).
 */
public final class PretrainedResNets {
  /** The depths with published weights. */
  public static final List<Integer> DEPTHS = List.of(20, 32, 44, 56);

  private static final Map<Integer, String> CHECKPOINTS =
      Map.of(
          20, "resnet20-12fca82f.th",
          32, "resnet32-d509ac18.th",
          44, "resnet44-014dd654.th",
          56, "resnet56-4bfd9763.th");
  private static final Shape PROBE_INPUT = new Shape(1, 3, 32, 32);

  private PretrainedResNets() {}

  /** The file of a depth relative to the data directory: {@code pretrained/resnet{depth}_cifar10.npz}. */
  public static String relativePath(int depth) {
    checkDepth(depth);
    return "pretrained/resnet" + depth + "_cifar10.npz";
  }

  /**
   * How to obtain the file of a depth: download the official checkpoint and convert it to {@code .npz}.
   */
  public static String howToGet(int depth) {
    checkDepth(depth);
    String checkpoint = CHECKPOINTS.get(depth);
    return "The weights are published as a PyTorch checkpoint: download pretrained_models/" + checkpoint
        + " from https://github.com/akamaster/pytorch_resnet_cifar10 (BSD 2-clause, Yerlan Idelbayev) "
        + "and convert it with Python (torch, numpy): import torch, numpy; sd = torch.load('"
        + checkpoint + "', map_location='cpu')['state_dict']; numpy.savez('resnet" + depth
        + "_cifar10.npz', **{k.removeprefix('module.'): v.float().numpy() for k, v in sd.items()})";
  }

  /**
   * Loads the pretrained network of a depth from the data directory.
   *
   * @param dataDirectory where {@link #relativePath(int)} is looked up
   * @param depth one of {@link #DEPTHS}
   * @param manager the manager (and device) that will own the parameters
   * @return the whole network, initialized for {@code [N, 3, 32, 32]} input, parameters frozen
   * @throws FileNotFoundException if the file is missing, saying where it was expected and how to get
   *     it
   * @throws IOException if the file cannot be read or does not fit the network
   */
  public static CifarResNet load(DataDirectory dataDirectory, int depth, NDManager manager)
      throws IOException {
    requireNonNull(dataDirectory, "dataDirectory is null");
    String relative = relativePath(depth);
    Path file =
        dataDirectory
            .find(relative)
            .orElseThrow(
                () -> new FileNotFoundException(dataDirectory.missingMessage(relative, howToGet(depth))));
    return load(file, depth, manager);
  }

  /**
   * Loads a network of depth {@code depth} from an {@code .npz} file, as {@link #load(DataDirectory,
   * int, NDManager)} does.
   */
  public static CifarResNet load(Path npz, int depth, NDManager manager) throws IOException {
    requireNonNull(npz, "npz is null");
    requireNonNull(manager, "manager is null");
    CifarResNet network = CifarResNet.builder().setDepth(depth).build();
    network.initialize(manager, DataType.FLOAT32, PROBE_INPUT);
    network.freezeParameters(true);
    try (NDManager fileManager = manager.newSubManager();
        InputStream in = new BufferedInputStream(Files.newInputStream(npz))) {
      NDList arrays;
      try {
        arrays = NDList.decode(fileManager, in);
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        throw new IOException("cannot read " + npz + " as a NumPy .npz archive: " + e.getMessage(), e);
      }
      try {
        copyInto(network, arrays, npz.toString());
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return network;
  }

  /**
   * Fills every parameter of an initialized network from named arrays, after checking that the names
   * are exactly those of {@link CifarResNet#namedParameters()} and that every shape fits.
   *
   * @param network an initialized network (whole, or the arrays must match its kept layers exactly)
   * @param arrays named float arrays, as read from an {@code .npz}
   * @param source where the arrays come from, for messages
   * @throws IllegalArgumentException listing every missing, unexpected, duplicate or misshaped array
   */
  public static void copyInto(CifarResNet network, NDList arrays, String source) {
    requireNonNull(network, "network is null");
    requireNonNull(arrays, "arrays is null");
    requireNonNull(source, "source is null");
    Map<String, Parameter> expected = network.namedParameters();
    if (expected.size() != network.getParameters().size()) {
      throw new IllegalStateException(
          network + " names " + expected.size() + " of its " + network.getParameters().size()
              + " parameters");
    }
    Map<String, NDArray> found = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (NDArray array : arrays) {
      String name = array.getName();
      if (name == null || found.put(name, array) != null) {
        problems.add("array " + (name == null ? "without a name" : name + " appears twice"));
      }
    }
    for (Map.Entry<String, Parameter> e : expected.entrySet()) {
      Parameter parameter = e.getValue();
      if (!parameter.isInitialized()) {
        throw new IllegalStateException(
            "initialize " + network + " before loading: parameter " + e.getKey() + " has no array");
      }
      NDArray array = found.get(e.getKey());
      Shape want = parameter.getArray().getShape();
      if (array == null) {
        problems.add("missing array " + e.getKey() + " (expected shape " + want + ")");
      } else if (!array.getShape().equals(want)) {
        problems.add(
            "array " + e.getKey() + ": expected shape " + want + ", found " + array.getShape());
      } else if (!array.getDataType().isFloating()) {
        problems.add("array " + e.getKey() + ": expected floating point, found " + array.getDataType());
      }
    }
    for (Map.Entry<String, NDArray> e : found.entrySet()) {
      if (!expected.containsKey(e.getKey())) {
        problems.add("unexpected array " + e.getKey() + " of shape " + e.getValue().getShape());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          source + " does not fit " + network + " (" + expected.size() + " arrays expected, "
              + arrays.size() + " found): " + String.join("; ", problems));
    }
    for (Map.Entry<String, Parameter> e : expected.entrySet()) {
      NDArray target = e.getValue().getArray();
      NDArray value =
          found.get(e.getKey()).toType(target.getDataType(), false).toDevice(target.getDevice(), false);
      target.set(value.toByteBuffer());
    }
  }

  private static void checkDepth(int depth) {
    if (!DEPTHS.contains(depth)) {
      throw new IllegalArgumentException(
          "pretrained CIFAR-10 ResNets exist for depths " + DEPTHS + ", got " + depth);
    }
  }
}
