package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.kernelnet.apps.report.AtomicFile;

/**
 * Trunk features computed once per (network, cut, pooling, images) and reused across runs through a
 * folder on disk. Nothing is kept in memory between lookups: the caller holds the features it uses,
 * so the large feature sets of one cut are released before the next cut's are loaded.
 *
 * <p>A {@link Key} names everything the features depend on: the depth, the number of kept layers,
 * the pooling, the SHA-256 of the weights file and the fingerprint of the images. The file {@code
 * <folder>/resnet<depth>-L<kept>-p<pool>-<setId>-<hash16>.features} holds a header (magic {@code
 * KNFEAT}, format version 2, the key's text, the precision in bits (16 or 32), {@code N}, {@code D})
 * and the {@code [N, D]} values little-endian (binary16 or binary32). A file whose header does not
 * match the key exactly, or whose length is not exactly that of its values, is a miss (it is
 * recomputed and overwritten); files are written to a temporary sibling and moved into place. Files
 * are read and written in 1 MiB chunks, so their size is bounded only by the {@code N * D <=
 * Integer.MAX_VALUE - 8} values of one Java array.
 */
final class FeatureCache {
  private static final String MAGIC = "KNFEAT";
  private static final int FORMAT_VERSION = 2;
  private static final int CHUNK_BYTES = 1 << 20;

  /** Where a lookup was answered. */
  enum Outcome {
    /** Read from the cache folder. */
    DISK,
    /** Computed now (and written to the folder, if any). */
    COMPUTED
  }

  /**
   * What trunk features depend on.
   *
   * @param depth the ResNet depth
   * @param keptLayers the layers kept (the depth itself for the full network's logits)
   * @param pool the pooled cells per side (the map's side for unpooled maps)
   * @param weightsSha256 the SHA-256 of the weights file
   * @param setId the image set's identifier, e.g. {@code jpeg-train} or {@code jpeg-train-hflip}
   * @param dataFingerprint the fingerprint of exactly the images used
   */
  record Key(int depth, int keptLayers, int pool, String weightsSha256, String setId,
      String dataFingerprint) {
    Key {
      requireNonNull(weightsSha256, "weightsSha256 is null");
      requireNonNull(setId, "setId is null");
      requireNonNull(dataFingerprint, "dataFingerprint is null");
    }

    /** The key as one line of text, stored in the file header. */
    String text() {
      return "depth=" + depth + " kept=" + keptLayers + " pool=" + pool + " weights=" + weightsSha256
          + " set=" + setId + " data=" + dataFingerprint;
    }

    /** The cache file name for this key. */
    String fileName() {
      String hash = sha256(text()).substring(0, 16);
      return "resnet" + depth + "-L" + keptLayers + "-p" + pool + "-" + setId.replaceAll("[^A-Za-z0-9._-]", "_")
          + "-" + hash + ".features";
    }
  }

  /**
   * Features {@code [rows, width]} row-major, stored as binary32 ({@code float[]}) or, at half the
   * memory, binary16 ({@code short[]} bit patterns, see {@link HalfFloat}).
   */
  static final class Features {
    private final float[] single;
    private final short[] half;
    private final int rows;
    private final int width;

    private Features(float[] single, short[] half, int rows, int width) {
      long length = single != null ? single.length : half.length;
      if (rows < 0 || width < 1 || (long) rows * width != length) {
        throw new IllegalArgumentException("features of " + length + " values do not fit ["
            + rows + ", " + width + "]");
      }
      this.single = single;
      this.half = half;
      this.rows = rows;
      this.width = width;
    }

    /** Binary32 features; {@code values} is used as is, not copied. */
    static Features ofFloats(float[] values, int rows, int width) {
      return new Features(requireNonNull(values, "values is null"), null, rows, width);
    }

    /** Binary16 features from their bit patterns; {@code bits} is used as is, not copied. */
    static Features ofHalves(short[] bits, int rows, int width) {
      return new Features(null, requireNonNull(bits, "bits is null"), rows, width);
    }

    /** N. */
    int rows() {
      return rows;
    }

    /** D. */
    int width() {
      return width;
    }

    /** 16 or 32. */
    int precisionBits() {
      return half != null ? 16 : 32;
    }

    /** The value at {@code (row, column)}. */
    float get(int row, int column) {
      int i = row * width + column;
      return half != null ? HalfFloat.toFloat(half[i]) : single[i];
    }

    /** Copies row {@code i} as floats into {@code destination[offset .. offset + D)}. */
    void copyRow(int i, float[] destination, int offset) {
      if (i < 0 || i >= rows) {
        throw new IndexOutOfBoundsException("row " + i + " of " + rows);
      }
      int from = i * width;
      if (half == null) {
        System.arraycopy(single, from, destination, offset, width);
        return;
      }
      for (int j = 0; j < width; j++) {
        destination[offset + j] = HalfFloat.toFloat(half[from + j]);
      }
    }

    /** Row {@code i} as a new array. */
    float[] row(int i) {
      float[] out = new float[width];
      copyRow(i, out, 0);
      return out;
    }

    /** All values as floats, row-major (a copy). */
    float[] toFloatArray() {
      float[] out = new float[rows * width];
      for (int i = 0; i < rows; i++) {
        copyRow(i, out, i * width);
      }
      return out;
    }
  }

  /**
   * The features and where they came from.
   *
   * @param features the features
   * @param outcome disk or computed
   */
  record Lookup(Features features, Outcome outcome) {}

  private final Optional<Path> folder;

  /** @param folder the cache folder (created when first written), or empty for no cache */
  FeatureCache(Optional<Path> folder) {
    this.folder = requireNonNull(folder, "folder is null");
  }

  /** The cache folder, if any. */
  Optional<Path> folder() {
    return folder;
  }

  /** The file a key is stored in, if there is a folder. */
  Optional<Path> file(Key key) {
    return folder.map(f -> f.resolve(key.fileName()));
  }

  /** The features of {@code key}: from disk, else computed by {@code compute} and stored. */
  Lookup get(Key key, Supplier<Features> compute) {
    requireNonNull(key, "key is null");
    requireNonNull(compute, "compute is null");
    Optional<Path> file = file(key);
    if (file.isPresent()) {
      Optional<Features> read = read(file.get(), key);
      if (read.isPresent()) {
        return new Lookup(read.get(), Outcome.DISK);
      }
    }
    Features computed = requireNonNull(compute.get(), "compute returned null");
    file.ifPresent(f -> write(f, key, computed));
    return new Lookup(computed, Outcome.COMPUTED);
  }

  /** The stored features if {@code file} exists, is complete and was written for {@code key}. */
  static Optional<Features> read(Path file, Key key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      // Unbuffered, so the channel's position is exactly the end of the header afterwards.
      DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
      if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT_VERSION || !key.text().equals(in.readUTF())) {
        return Optional.empty();
      }
      int bits = in.readInt();
      int rows = in.readInt();
      int width = in.readInt();
      if ((bits != 16 && bits != 32) || rows < 0 || width < 1
          || (long) rows * width > Integer.MAX_VALUE - 8
          || channel.size() - channel.position() != (long) rows * width * (bits / 8)) {
        return Optional.empty();
      }
      int n = rows * width;
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      float[] single = bits == 32 ? new float[n] : null;
      short[] half = bits == 16 ? new short[n] : null;
      int done = 0;
      while (done < n) {
        buffer.clear();
        buffer.limit((int) Math.min(CHUNK_BYTES, (long) (n - done) * (bits / 8)));
        while (buffer.hasRemaining()) {
          if (channel.read(buffer) < 0) {
            return Optional.empty();
          }
        }
        buffer.flip();
        int count = buffer.remaining() / (bits / 8);
        if (bits == 32) {
          buffer.asFloatBuffer().get(single, done, count);
        } else {
          buffer.asShortBuffer().get(half, done, count);
        }
        done += count;
      }
      return Optional.of(bits == 32 ? Features.ofFloats(single, rows, width)
          : Features.ofHalves(half, rows, width));
    } catch (EOFException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the feature cache file " + file, e);
    }
  }

  private static void write(Path file, Key key, Features features) {
    try {
      AtomicFile.write(file, stream -> {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(key.text());
        out.writeInt(features.precisionBits());
        out.writeInt(features.rows());
        out.writeInt(features.width());
        int bytes = features.precisionBits() / 8;
        int n = features.rows() * features.width();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < n; ) {
          int count = Math.min(CHUNK_BYTES / bytes, n - done);
          buffer.clear();
          if (features.half != null) {
            buffer.asShortBuffer().put(features.half, done, count);
          } else {
            buffer.asFloatBuffer().put(features.single, done, count);
          }
          out.write(buffer.array(), 0, count * bytes);
          done += count;
        }
        out.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the feature cache file " + file, e);
    }
  }


  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
