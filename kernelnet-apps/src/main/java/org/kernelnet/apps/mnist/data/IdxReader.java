package org.kernelnet.apps.mnist.data;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), gzip-compressed or plain; the compression is detected from
 * the first two bytes ({@code 1f 8b}), not from the file name.
 *
 * <p>Layout, all integers big-endian: images {@code [magic 2051][count][rows][columns]} then {@code
 * count * rows * columns} unsigned bytes, row-major; labels {@code [magic 2049][count]} then {@code
 * count} unsigned bytes. Every format error (bad magic, bad dimensions, truncated or trailing data,
 * corrupt gzip, label outside {@code 0..9}, image and label counts that differ) throws an {@link
 * IOException} whose message names the file.
 */
public final class IdxReader {
  /** The magic number of an IDX file of unsigned-byte images (3 dimensions). */
  public static final int IMAGES_MAGIC = 2051;
  /** The magic number of an IDX file of unsigned-byte labels (1 dimension). */
  public static final int LABELS_MAGIC = 2049;
  /** Labels must lie in {@code 0..MAX_LABEL}. */
  public static final int MAX_LABEL = 9;

  private static final int MAX_SIDE = 1 << 14;
  private static final int BUFFER = 1 << 16;

  private IdxReader() {}

  /**
   * The raw content of an IDX image file.
   *
   * @param count the number of images N
   * @param rows the image height
   * @param columns the image width
   * @param pixels {@code [N, rows, columns]} unsigned bytes, row-major (not copied)
   */
  public record Images(int count, int rows, int columns, byte[] pixels) {
    /** Checks that {@code pixels} holds exactly {@code count * rows * columns} bytes. */
    public Images {
      requireNonNull(pixels, "pixels is null");
      if ((long) count * rows * columns != pixels.length) {
        throw new IllegalArgumentException("pixels has " + pixels.length + " bytes, expected "
            + count + " * " + rows + " * " + columns);
      }
    }

    /** The pixels as floats {@code byte / 255} in {@code [0, 1]}, same layout. */
    public float[] toFloats() {
      float[] out = new float[pixels.length];
      for (int i = 0; i < pixels.length; i++) {
        out[i] = (pixels[i] & 0xFF) / 255f;
      }
      return out;
    }
  }

  /**
   * Reads an image file and its label file and checks that they agree.
   *
   * @return the set, images {@code [N, rows * columns]} in {@code [0, 1]}, labels {@code [N]}
   * @throws IOException if either file cannot be read or is malformed, or the counts differ
   */
  public static MnistSet read(Path imageFile, Path labelFile) throws IOException {
    Images images = readImages(imageFile);
    byte[] labels = readLabels(labelFile);
    if (images.count() != labels.length) {
      throw new IOException("MNIST files disagree: " + imageFile + " holds " + images.count()
          + " images but " + labelFile + " holds " + labels.length + " labels");
    }
    return new MnistSet(images.toFloats(), labels, images.rows(), images.columns());
  }

  /**
   * Reads an IDX image file (magic {@value #IMAGES_MAGIC}).
   *
   * @throws IOException if the file cannot be read or is malformed; the message names the file
   */
  public static Images readImages(Path file) throws IOException {
    requireNonNull(file, "file is null");
    try (DataInputStream in = open(file)) {
      int magic = readHeaderInt(in, file, "magic number");
      checkMagic(file, magic, IMAGES_MAGIC, "image");
      int count = readHeaderInt(in, file, "image count");
      int rows = readHeaderInt(in, file, "row count");
      int columns = readHeaderInt(in, file, "column count");
      if (count < 0) {
        throw new IOException(file + ": negative image count " + count);
      }
      if (rows < 1 || rows > MAX_SIDE || columns < 1 || columns > MAX_SIDE) {
        throw new IOException(file + ": image size " + rows + " x " + columns
            + " is outside 1.." + MAX_SIDE + " per side");
      }
      long total = (long) count * rows * columns;
      if (total > Integer.MAX_VALUE - 8) {
        throw new IOException(file + ": " + count + " images of " + rows + " x " + columns
            + " exceed the 2 GB a Java array can hold");
      }
      byte[] pixels = readBody(in, file, (int) total, count + " images of " + rows + " x "
          + columns + " pixels");
      return new Images(count, rows, columns, pixels);
    }
  }

  /**
   * Reads an IDX label file (magic {@value #LABELS_MAGIC}); every label must be in {@code 0..9}.
   *
   * @return the labels {@code [N]}
   * @throws IOException if the file cannot be read or is malformed; the message names the file
   */
  public static byte[] readLabels(Path file) throws IOException {
    requireNonNull(file, "file is null");
    try (DataInputStream in = open(file)) {
      int magic = readHeaderInt(in, file, "magic number");
      checkMagic(file, magic, LABELS_MAGIC, "label");
      int count = readHeaderInt(in, file, "label count");
      if (count < 0) {
        throw new IOException(file + ": negative label count " + count);
      }
      byte[] labels = readBody(in, file, count, count + " labels");
      for (int i = 0; i < labels.length; i++) {
        int label = labels[i] & 0xFF;
        if (label > MAX_LABEL) {
          throw new IOException(file + ": label " + label + " of item " + i
              + " (byte offset " + (8 + i) + ") is outside 0.." + MAX_LABEL);
        }
      }
      return labels;
    }
  }

  /** Opens the file, unwrapping gzip when it starts with the gzip magic bytes. */
  private static DataInputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    try {
      raw.mark(2);
      int b0 = raw.read();
      int b1 = raw.read();
      raw.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER));
      }
      return new DataInputStream(raw);
    } catch (ZipException | EOFException e) {
      raw.close();
      throw new IOException(file + ": corrupt gzip header (" + e.getMessage() + ")", e);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  private static void checkMagic(Path file, int magic, int expected, String kind)
      throws IOException {
    if (magic != expected) {
      throw new IOException(file + ": bad magic number " + magic + " (0x"
          + Integer.toHexString(magic) + "), an IDX " + kind + " file starts with " + expected
          + (magic == (expected == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC)
              ? "; this looks like the other kind of IDX file"
              : ""));
    }
  }

  private static int readHeaderInt(DataInputStream in, Path file, String what) throws IOException {
    try {
      return in.readInt();
    } catch (EOFException e) {
      throw new IOException(file + ": truncated header, the " + what + " is missing", e);
    } catch (ZipException e) {
      throw corrupt(file, e);
    }
  }

  private static byte[] readBody(DataInputStream in, Path file, int length, String what)
      throws IOException {
    byte[] body = new byte[length];
    int read;
    try {
      read = in.readNBytes(body, 0, length);
    } catch (EOFException | ZipException e) {
      throw corrupt(file, e);
    }
    if (read < length) {
      throw new IOException(file + ": truncated, the header announces " + what + " (" + length
          + " bytes) but only " + read + " bytes follow");
    }
    int extra;
    try {
      extra = in.read();
    } catch (EOFException | ZipException e) {
      throw corrupt(file, e);
    }
    if (extra != -1) {
      throw new IOException(file + ": trailing data after the " + length
          + " bytes the header announces (" + what + ")");
    }
    return body;
  }

  private static IOException corrupt(Path file, IOException cause) {
    return new IOException(file + ": truncated or corrupt gzip stream (" + cause.getMessage() + ")",
        cause);
  }
}
