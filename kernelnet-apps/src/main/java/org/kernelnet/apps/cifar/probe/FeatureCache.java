package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Trunk features computed once per (network, cut, pooling, images) and reused: in memory for the
 * run, and optionally on disk so that a rerun skips the feature extraction.
 *
 * <p>A {@link Key} names everything the features depend on: the depth, the number of kept layers,
 * the pooling, the SHA-256 of the weights file and the fingerprint of the images. The file {@code
 * <folder>/resnet<depth>-L<kept>-p<pool>-<setId>-<hash16>.features} holds a header (magic {@code
 * KNFEAT}, format version, the key's text, {@code N}, {@code D}) and the {@code [N, D]} float32 values
 * little-endian. A file whose header does not match the key exactly, or that is truncated, is a miss
 * (it is recomputed and overwritten); files are written to a temporary sibling and moved into place.
 */
final class FeatureCache {
  private static final String MAGIC = "KNFEAT";
  private static final int FORMAT_VERSION = 1;

  /** Where a lookup was answered. */
  enum Outcome {
    /** Already computed in this run. */
    MEMORY,
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
   * @param pool the pooled cells per side
   * @param weightsSha256 the SHA-256 of the weights file
   * @param setId the image set's identifier, e.g. {@code jpeg-train}
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
   * Features {@code [rows, width]} row-major.
   *
   * @param values the {@code rows * width} values
   * @param rows N
   * @param width D
   */
  record Features(float[] values, int rows, int width) {
    Features {
      requireNonNull(values, "values is null");
      if (rows < 0 || width < 1 || (long) rows * width != values.length) {
        throw new IllegalArgumentException("features of " + values.length + " values do not fit ["
            + rows + ", " + width + "]");
      }
    }

    /** Row {@code i} as a copy. */
    float[] row(int i) {
      float[] out = new float[width];
      System.arraycopy(values, i * width, out, 0, width);
      return out;
    }
  }

  /**
   * The features and where they came from.
   *
   * @param features the features
   * @param outcome memory, disk or computed
   */
  record Lookup(Features features, Outcome outcome) {}

  private final Optional<Path> folder;
  private final Map<Key, Features> memory = new HashMap<>();

  /** @param folder the cache folder (created when first written), or empty for memory only */
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

  /**
   * The features of {@code key}: from memory, else from disk, else computed by {@code compute} and
   * stored.
   */
  Lookup get(Key key, Supplier<Features> compute) {
    requireNonNull(key, "key is null");
    requireNonNull(compute, "compute is null");
    Features inMemory = memory.get(key);
    if (inMemory != null) {
      return new Lookup(inMemory, Outcome.MEMORY);
    }
    Optional<Path> file = file(key);
    if (file.isPresent()) {
      Optional<Features> read = read(file.get(), key);
      if (read.isPresent()) {
        memory.put(key, read.get());
        return new Lookup(read.get(), Outcome.DISK);
      }
    }
    Features computed = requireNonNull(compute.get(), "compute returned null");
    memory.put(key, computed);
    file.ifPresent(f -> write(f, key, computed));
    return new Lookup(computed, Outcome.COMPUTED);
  }

  /** The stored features if {@code file} exists, is complete and was written for {@code key}. */
  static Optional<Features> read(Path file, Key key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT_VERSION || !key.text().equals(in.readUTF())) {
        return Optional.empty();
      }
      int rows = in.readInt();
      int width = in.readInt();
      if (rows < 0 || width < 1 || (long) rows * width > Integer.MAX_VALUE - 8) {
        return Optional.empty();
      }
      byte[] bytes = new byte[rows * width * Float.BYTES];
      in.readFully(bytes);
      if (in.read() != -1) {
        return Optional.empty();
      }
      float[] values = new float[rows * width];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
      return Optional.of(new Features(values, rows, width));
    } catch (EOFException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the feature cache file " + file, e);
    }
  }

  private static void write(Path file, Key key, Features features) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
      try {
        try (DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
          out.writeUTF(MAGIC);
          out.writeInt(FORMAT_VERSION);
          out.writeUTF(key.text());
          out.writeInt(features.rows());
          out.writeInt(features.width());
          ByteBuffer buffer = ByteBuffer.allocate(features.values().length * Float.BYTES)
              .order(ByteOrder.LITTLE_ENDIAN);
          buffer.asFloatBuffer().put(features.values());
          out.write(buffer.array());
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
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
