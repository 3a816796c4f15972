package org.kernelnet.apps.train;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kernelnet.apps.report.AtomicFile;
import org.kernelnet.apps.report.IoErrors;

/**
 * The content of a checkpoint file: a JSON text (the small state: where training stands, counts,
 * settings) and named float arrays (parameters, optimiser moments, averages), with a SHA-256
 * checksum verified when read, so a file damaged on disk is refused instead of training from
 * wrong values.
 *
 * <p>Layout (big-endian): the magic {@code KNCK}, the format version ({@value #FORMAT}, int), the
 * JSON's length (int) and UTF-8 bytes, the number of arrays (int), then for each its name
 * ({@code DataOutput.writeUTF}), its length (int) and its floats; last the SHA-256 (32 bytes) of
 * everything before it.
 *
 * @param json the small state, as JSON
 * @param arrays the arrays by name, in the order written
 */
public record Checkpoint(String json, Map<String, float[]> arrays) {
  /** The layout version written. */
  public static final int FORMAT = 1;

  private static final byte[] MAGIC = {'K', 'N', 'C', 'K'};
  private static final int DIGEST_BYTES = 32;

  /** Copies the map (not the arrays), keeping its order. */
  public Checkpoint {
    requireNonNull(json, "json is null");
    arrays = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(arrays, "arrays is null")));
  }

  /** Writes the checkpoint and its checksum to {@code out} (for {@link AtomicFile.Content}). */
  public void writeTo(OutputStream out) throws IOException {
    MessageDigest sha256 = sha256();
    DataOutputStream data = new DataOutputStream(new DigestOutputStream(out, sha256));
    data.write(MAGIC);
    data.writeInt(FORMAT);
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    data.writeInt(text.length);
    data.write(text);
    data.writeInt(arrays.size());
    for (Map.Entry<String, float[]> array : arrays.entrySet()) {
      data.writeUTF(array.getKey());
      float[] values = array.getValue();
      data.writeInt(values.length);
      ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.BIG_ENDIAN);
      bytes.asFloatBuffer().put(values);
      data.write(bytes.array());
    }
    data.flush();
    out.write(sha256.digest());
  }

  /**
   * Reads the checkpoint {@code file}.
   *
   * @throws IOException naming the file and the reason: it cannot be read, is not a checkpoint,
   *     has another format, is cut short or fails its checksum
   */
  public static Checkpoint read(Path file) throws IOException {
    requireNonNull(file, "file is null");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException(IoErrors.message("read", file, e), e);
    }
    if (bytes.length < MAGIC.length + DIGEST_BYTES
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException("cannot read the checkpoint " + file + ": not a kernelnet checkpoint");
    }
    int body = bytes.length - DIGEST_BYTES;
    MessageDigest sha256 = sha256();
    sha256.update(bytes, 0, body);
    if (!Arrays.equals(sha256.digest(), 0, DIGEST_BYTES, bytes, body, bytes.length)) {
      throw new IOException("cannot read the checkpoint " + file + ": its checksum does not"
          + " match its content (the file was damaged or cut short)");
    }
    try (DataInputStream data =
        new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, body - MAGIC.length))) {
      int format = data.readInt();
      if (format != FORMAT) {
        throw new IOException("cannot read the checkpoint " + file + ": its format is " + format
            + ", this kernelnet reads " + FORMAT);
      }
      String json = new String(data.readNBytes(data.readInt()), StandardCharsets.UTF_8);
      int count = data.readInt();
      Map<String, float[]> arrays = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = data.readUTF();
        float[] values = new float[data.readInt()];
        ByteBuffer.wrap(data.readNBytes(4 * values.length)).order(ByteOrder.BIG_ENDIAN)
            .asFloatBuffer().get(values);
        arrays.put(name, values);
      }
      if (data.available() != 0) {
        throw new IOException("cannot read the checkpoint " + file + ": " + data.available()
            + " bytes follow its last array");
      }
      return new Checkpoint(json, arrays);
    } catch (EOFException | BufferUnderflowException e) {
      throw new IOException("cannot read the checkpoint " + file + ": it ends early", e);
    }
  }

  /** The array {@code name}. */
  public float[] array(String name) {
    float[] values = arrays.get(name);
    if (values == null) {
      throw new IllegalArgumentException("the checkpoint has no array " + name + "; it has "
          + arrays.keySet());
    }
    return values;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
