package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kernelnet.apps.data.DataDirectory;

/**
 * The pretrained CIFAR-10 ResNets of {@code akamaster/pytorch_resnet_cifar10} as {@code .npz} files
 * in the data directory ({@code pretrained/resnet<depth>_cifar10.npz}, float32, PyTorch names
 * without the {@code module.} prefix).
 *
 * <p>Architecture, which fixes every name and shape ({@link #expectedShapes()}): stem {@code conv1}
 * {@code [16, 3, 3, 3]} and {@code bn1}; three stages {@code layer1..3} of {@code n = (depth - 2) /
 * 6} BasicBlocks with 16, 32, 64 channels, each block {@code conv1}, {@code bn1}, {@code conv2},
 * {@code bn2} (3 x 3 convolutions {@code [out, in, 3, 3]} without bias, batch norms with {@code
 * weight}, {@code bias}, {@code running_mean}, {@code running_var}, each {@code [channels]}); head
 * {@code linear.weight [10, 64]}, {@code linear.bias [10]}. Inputs are normalised with {@link
 * ChannelNormalization#IMAGENET}.
 */
public enum PretrainedResNet {
  /** ResNet-20, 269,722 trainable parameters. */
  RESNET20(20, "resnet20-12fca82f.th",
      "453dcfcc80eb0185e0148f80f25b30d53cd1b87f7c7493eeb2accd898a329628", 269_722L),
  /** ResNet-32, 464,154 trainable parameters. */
  RESNET32(32, "resnet32-d509ac18.th",
      "ef1b9dc90a7554acfc7a8580aaa5a13a3ef2a9abab4c2f226a5741febd3784ce", 464_154L),
  /** ResNet-44, 658,586 trainable parameters. */
  RESNET44(44, "resnet44-014dd654.th",
      "d312695eff781f6b8733d4b4852afc9a4b5729450cf0e6f17ec35cf13f727c8b", 658_586L),
  /** ResNet-56, 853,018 trainable parameters. */
  RESNET56(56, "resnet56-4bfd9763.th",
      "3af76e18275095e8adeabb4f46faf0622e3e0b359e1b03bed73970a94796ca50", 853_018L);

  /** The folder of the weight files inside the data directory. */
  public static final String FOLDER = "pretrained";
  /** The repository the checkpoints come from, and the commit they were converted at. */
  public static final String SOURCE = "GitHub akamaster/pytorch_resnet_cifar10, commit "
      + "d5489e8995e81e91ce6b1d69dcc98ad579b0b153, folder pretrained_models/ (BSD 2-clause)";

  private static final int[] STAGE_WIDTHS = {16, 32, 64};

  private final int depth;
  private final String checkpoint;
  private final String sha256;
  private final long trainableParameters;

  PretrainedResNet(int depth, String checkpoint, String sha256, long trainableParameters) {
    this.depth = depth;
    this.checkpoint = checkpoint;
    this.sha256 = sha256;
    this.trainableParameters = trainableParameters;
  }

  /**
   * The network of that depth.
   *
   * @throws IllegalArgumentException unless depth is 20, 32, 44 or 56
   */
  public static PretrainedResNet ofDepth(int depth) {
    for (PretrainedResNet net : values()) {
      if (net.depth == depth) {
        return net;
      }
    }
    throw new IllegalArgumentException("no pretrained CIFAR-10 ResNet of depth " + depth
        + ", available: 20, 32, 44, 56");
  }

  /** Whether a parameter is learned (not a batch-norm running statistic). */
  public static boolean isTrainable(String name) {
    requireNonNull(name, "name is null");
    return !name.endsWith(".running_mean") && !name.endsWith(".running_var");
  }

  /** The depth {@code 6n + 2}. */
  public int depth() {
    return depth;
  }

  /** BasicBlocks per stage, {@code n = (depth - 2) / 6}. */
  public int blocksPerStage() {
    return (depth - 2) / 6;
  }

  /** The path inside the data directory, e.g. {@code pretrained/resnet32_cifar10.npz}. */
  public String relativePath() {
    return FOLDER + "/resnet" + depth + "_cifar10.npz";
  }

  /** The sha256 of the {@code .npz} file, lower-case hex. */
  public String sha256() {
    return sha256;
  }

  /** The number of trainable scalars (all arrays but the running statistics). */
  public long trainableParameters() {
    return trainableParameters;
  }

  /** Every array name with its shape, in the order of the file. */
  public Map<String, Shape> expectedShapes() {
    LinkedHashMap<String, Shape> shapes = new LinkedHashMap<>();
    shapes.put("conv1.weight", new Shape(16, 3, 3, 3));
    putBatchNorm(shapes, "bn1", 16);
    int in = 16;
    for (int stage = 0; stage < STAGE_WIDTHS.length; stage++) {
      int out = STAGE_WIDTHS[stage];
      for (int block = 0; block < blocksPerStage(); block++) {
        String prefix = "layer" + (stage + 1) + "." + block + ".";
        shapes.put(prefix + "conv1.weight", new Shape(out, in, 3, 3));
        putBatchNorm(shapes, prefix + "bn1", out);
        shapes.put(prefix + "conv2.weight", new Shape(out, out, 3, 3));
        putBatchNorm(shapes, prefix + "bn2", out);
        in = out;
      }
    }
    shapes.put("linear.weight", new Shape(Cifar10.CLASSES, 64));
    shapes.put("linear.bias", new Shape(Cifar10.CLASSES));
    return Collections.unmodifiableMap(shapes);
  }

  /**
   * The weight file in the data directory.
   *
   * @throws FileNotFoundException if it is missing; the message says where it comes from
   */
  public Path locate(DataDirectory dir) throws FileNotFoundException {
    requireNonNull(dir, "dir is null");
    Path path = dir.path(relativePath());
    if (!Files.isRegularFile(path)) {
      throw new FileNotFoundException(dir.missingMessage(relativePath(), "Convert "
          + checkpoint + " of " + SOURCE + " to .npz (float32, 'module.' prefix removed) as "
          + "described in " + FOLDER + "/README.md; expected sha256 " + sha256 + "."));
    }
    return path;
  }

  /**
   * Loads the weights onto {@code manager} and checks them against {@link #expectedShapes()}.
   *
   * @throws IOException if the file is malformed, an array is not float32, or names or shapes
   *     differ from the architecture; the message names the file and the arrays
   */
  public NamedArrays load(DataDirectory dir, NDManager manager)
      throws IOException {
    return load(locate(dir), manager);
  }

  /** As {@link #load(DataDirectory, NDManager)} from an explicit file. */
  public NamedArrays load(Path file, NDManager manager) throws IOException {
    NamedArrays arrays = NpzReader.read(file, manager);
    try {
      check(arrays);
      return arrays;
    } catch (IOException | RuntimeException e) {
      arrays.close();
      throw e;
    }
  }

  private void check(NamedArrays arrays) throws IOException {
    Map<String, Shape> expected = expectedShapes();
    List<String> wrong = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    for (Map.Entry<String, Shape> entry : expected.entrySet()) {
      String name = entry.getKey();
      if (!arrays.contains(name)) {
        missing.add(name + " " + entry.getValue());
        continue;
      }
      NDArray array = arrays.get(name);
      if (!array.getShape().equals(entry.getValue())) {
        wrong.add(name + " has shape " + array.getShape() + ", expected " + entry.getValue());
      }
      if (array.getDataType() != DataType.FLOAT32) {
        wrong.add(name + " is " + array.getDataType() + ", expected float32");
      }
    }
    for (String name : arrays.names()) {
      if (!expected.containsKey(name)) {
        unexpected.add(name + " " + arrays.shape(name));
      }
    }
    if (wrong.isEmpty() && missing.isEmpty() && unexpected.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder().append(arrays.file())
        .append(" is not a CIFAR-10 ResNet-").append(depth).append(" (").append(arrays.size())
        .append(" arrays, expected ").append(expected.size()).append(")");
    appendProblems(message, "wrong", wrong);
    appendProblems(message, "unexpected arrays", unexpected);
    appendProblems(message, "missing arrays", missing);
    throw new IOException(message.toString());
  }

  private static void appendProblems(StringBuilder message, String kind, List<String> problems) {
    if (!problems.isEmpty()) {
      message.append("; ").append(problems.size()).append(' ').append(kind).append(": ")
          .append(problems.subList(0, Math.min(5, problems.size())));
      if (problems.size() > 5) {
        message.append(" ...");
      }
    }
  }

  private static void putBatchNorm(Map<String, Shape> shapes, String prefix, int channels) {
    for (String suffix : new String[] {"weight", "bias", "running_mean", "running_var"}) {
      shapes.put(prefix + "." + suffix, new Shape(channels));
    }
  }
}
