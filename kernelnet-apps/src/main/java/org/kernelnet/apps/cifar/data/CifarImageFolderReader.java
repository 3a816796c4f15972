package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;
import static org.kernelnet.apps.cifar.data.Cifar10.CLASS_NAMES;
import static org.kernelnet.apps.cifar.data.Cifar10.HEIGHT;
import static org.kernelnet.apps.cifar.data.Cifar10.IMAGE_VALUES;
import static org.kernelnet.apps.cifar.data.Cifar10.WIDTH;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads CIFAR-10 from an image-folder layout {@code <root>/<split>/<class>/*.jpg|jpeg|png}, for
 * example the shared {@code cifar10-jpeg/} folder.
 *
 * <p>Classes are visited in the official order ({@link Cifar10#CLASS_NAMES}; the folder name gives
 * the label), files within a class in numeric-aware name order ({@code 2.png} before {@code
 * 10.png}), so image {@code k} of class {@code c} is the {@code k}-th file of folder {@code c}. Each
 * image must be 32 x 32; it is decoded with {@code javax.imageio} into {@code [3, 32, 32]} (R, G, B
 * planes) with {@code x = byte / 255}. Grey-scale images are replicated to three channels. Hidden
 * files (names starting with {@code .}) are skipped; any other unexpected entry is an error naming
 * it, as is a missing class folder or an image that does not decode.
 */
public final class CifarImageFolderReader {
  private static final int PLANE = HEIGHT * WIDTH;

  private CifarImageFolderReader() {}

  /**
   * One image file and its label.
   *
   * @param path the file
   * @param label the class index {@code 0..9} from its folder name
   */
  public record ImageFile(Path path, int label) {
    /** Checks the path is present and the label is a CIFAR-10 class. */
    public ImageFile {
      requireNonNull(path, "path is null");
      if (label < 0 || label >= Cifar10.CLASSES) {
        throw new IllegalArgumentException("label must be in 0.." + (Cifar10.CLASSES - 1)
            + ", got " + label);
      }
    }
  }

  /**
   * Lists every image of a split: class by class in the official order, numeric-aware name order
   * within a class.
   *
   * @throws FileNotFoundException if {@code <root>/<split>} or a class folder is missing
   * @throws IOException if a folder holds an unknown class or a non-image entry
   */
  public static List<ImageFile> list(Path root, CifarSplit split) throws IOException {
    return list(root, split, Integer.MAX_VALUE);
  }

  /**
   * As {@link #list(Path, CifarSplit)}, keeping only the first {@code maxPerClass} files of each
   * class (the whole folder is still checked).
   *
   * @param maxPerClass {@code >= 1}
   */
  public static List<ImageFile> list(Path root, CifarSplit split, int maxPerClass)
      throws IOException {
    requireNonNull(root, "root is null");
    requireNonNull(split, "split is null");
    if (maxPerClass < 1) {
      throw new IllegalArgumentException("maxPerClass must be >= 1, got " + maxPerClass);
    }
    Path splitDir = root.resolve(split.folderName());
    if (!Files.isDirectory(splitDir)) {
      throw new FileNotFoundException("CIFAR-10 image folder " + splitDir + " not found: expected "
          + "one folder per class (" + String.join(", ", CLASS_NAMES) + ") under it");
    }
    List<String> unknown = new ArrayList<>();
    try (Stream<Path> entries = Files.list(splitDir)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && !CLASS_NAMES.contains(name)) {
          unknown.add(name);
        }
      }
    }
    if (!unknown.isEmpty()) {
      unknown.sort(null);
      throw new IOException(splitDir + ": unexpected entries " + unknown
          + ", a split folder holds only the class folders " + CLASS_NAMES);
    }
    List<ImageFile> files = new ArrayList<>();
    for (int label = 0; label < CLASS_NAMES.size(); label++) {
      Path classDir = splitDir.resolve(CLASS_NAMES.get(label));
      if (!Files.isDirectory(classDir)) {
        throw new FileNotFoundException("CIFAR-10 class folder " + classDir + " not found");
      }
      List<Path> images = new ArrayList<>();
      try (Stream<Path> entries = Files.list(classDir)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          String name = entry.getFileName().toString();
          if (name.startsWith(".")) {
            continue;
          }
          if (!Files.isRegularFile(entry) || !isImageName(name)) {
            throw new IOException(entry + ": not a .jpg, .jpeg or .png file; a class folder holds "
                + "only images");
          }
          images.add(entry);
        }
      }
      images.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(),
          b.getFileName().toString()));
      int keep = Math.min(maxPerClass, images.size());
      for (int k = 0; k < keep; k++) {
        files.add(new ImageFile(images.get(k), label));
      }
    }
    return files;
  }

  /** Reads a whole split with one decoding thread per available processor. */
  public static CifarSet read(Path root, CifarSplit split) throws IOException {
    return read(list(root, split), Runtime.getRuntime().availableProcessors());
  }

  /**
   * Decodes the given files, in their order, on {@code parallelism} threads (each decodes one
   * contiguous block of the list with its own reusable {@link ImageReader}).
   *
   * @param parallelism {@code >= 1}
   * @throws IOException if a file does not decode or is not 32 x 32; the message names the file
   */
  public static CifarSet read(List<ImageFile> files, int parallelism) throws IOException {
    requireNonNull(files, "files is null");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    int n = files.size();
    float[] images = new float[n * IMAGE_VALUES];
    byte[] labels = new byte[n];
    int blocks = Math.max(1, Math.min(parallelism, n));
    ExecutorService pool = Executors.newFixedThreadPool(blocks);
    try {
      List<Future<Void>> done = new ArrayList<>(blocks);
      for (int b = 0; b < blocks; b++) {
        int from = (int) ((long) n * b / blocks);
        int to = (int) ((long) n * (b + 1) / blocks);
        done.add(pool.submit(() -> {
          try (Decoder decoder = new Decoder()) {
            for (int i = from; i < to; i++) {
              ImageFile file = files.get(i);
              labels[i] = (byte) file.label();
              decoder.decode(file.path(), images, i * IMAGE_VALUES);
            }
          }
          return null;
        }));
      }
      for (Future<Void> block : done) {
        block.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while decoding " + n + " images");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException("decoding failed", cause);
    } finally {
      pool.shutdownNow();
    }
    return new CifarSet(images, labels);
  }

  /**
   * Decodes images on one thread, keeping the last {@link ImageReader} while the files keep the
   * same format (finding a reader for every file costs about twice the decoding itself).
   */
  private static final class Decoder implements AutoCloseable {
    private ImageReader reader;

    /**
     * Decodes one 32 x 32 image into {@code out[offset .. offset + 3072)} as R, G, B planes in
     * {@code [0, 1]}.
     */
    void decode(Path file, float[] out, int offset) throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      BufferedImage image;
      try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
        if (reader == null || !reader.getOriginatingProvider().canDecodeInput(in)) {
          Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
          if (!readers.hasNext()) {
            throw new IOException(file + ": not in an image format javax.imageio can decode");
          }
          close();
          reader = readers.next();
        }
        reader.setInput(in, true, true);
        image = reader.read(0);
      } catch (IOException | RuntimeException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
          throw e;
        }
        throw new IOException(file + ": cannot decode image (" + e + ")", e);
      }
      toPlanes(file, image, out, offset);
    }

    @Override
    public void close() {
      if (reader != null) {
        reader.dispose();
        reader = null;
      }
    }
  }

  private static void toPlanes(Path file, BufferedImage image, float[] out, int offset)
      throws IOException {
    if (image.getWidth() != WIDTH || image.getHeight() != HEIGHT) {
      throw new IOException(file + ": image is " + image.getWidth() + " x " + image.getHeight()
          + ", CIFAR-10 images are " + WIDTH + " x " + HEIGHT);
    }
    Raster raster = image.getRaster();
    int bands = raster.getNumBands();
    int colorSpace = image.getColorModel().getColorSpace().getType();
    boolean direct = image.getColorModel() instanceof ComponentColorModel
        && raster.getSampleModel().getSampleSize(0) == 8;
    if (direct && colorSpace == ColorSpace.TYPE_RGB && bands >= 3) {
      int[] samples = new int[PLANE];
      for (int c = 0; c < 3; c++) {
        raster.getSamples(0, 0, WIDTH, HEIGHT, c, samples);
        toUnit(samples, out, offset + c * PLANE);
      }
    } else if (direct && colorSpace == ColorSpace.TYPE_GRAY) {
      int[] samples = raster.getSamples(0, 0, WIDTH, HEIGHT, 0, new int[PLANE]);
      for (int c = 0; c < 3; c++) {
        toUnit(samples, out, offset + c * PLANE);
      }
    } else {
      int[] argb = image.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
      for (int p = 0; p < PLANE; p++) {
        out[offset + p] = ((argb[p] >> 16) & 0xFF) / 255f;
        out[offset + PLANE + p] = ((argb[p] >> 8) & 0xFF) / 255f;
        out[offset + 2 * PLANE + p] = (argb[p] & 0xFF) / 255f;
      }
    }
  }

  private static void toUnit(int[] samples, float[] out, int from) {
    for (int p = 0; p < samples.length; p++) {
      out[from + p] = samples[p] / 255f;
    }
  }

  private static boolean isImageName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png");
  }
}
