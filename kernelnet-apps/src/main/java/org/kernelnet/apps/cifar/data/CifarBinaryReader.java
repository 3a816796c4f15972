package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;
import static org.kernelnet.apps.cifar.data.Cifar10.CLASSES;
import static org.kernelnet.apps.cifar.data.Cifar10.IMAGE_VALUES;
import static org.kernelnet.apps.cifar.data.Cifar10.RECORD_BYTES;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the official CIFAR-10 binary format ({@code data_batch_1.bin} .. {@code data_batch_5.bin},
 * {@code test_batch.bin}, or any file of whole records such as {@code test_batch_first1000.bin}).
 *
 * <p>A file is a sequence of 3073-byte records: one label byte {@code 0..9}, then 1024 red, 1024
 * green and 1024 blue bytes, each plane 32 x 32 row-major. Record {@code i} becomes image {@code i}
 * {@code [3, 32, 32]} with {@code x = byte / 255}. A file whose size is not a positive multiple of
 * 3073 or a label outside {@code 0..9} throws an {@link IOException} naming the file and the record.
 */
public final class CifarBinaryReader {
  private CifarBinaryReader() {}

  /** Reads one binary file. */
  public static CifarSet read(Path file) throws IOException {
    requireNonNull(file, "file is null");
    long length = Files.size(file);
    if (length == 0 || length % RECORD_BYTES != 0) {
      throw new IOException(file + ": size " + length + " bytes is not a positive multiple of the "
          + RECORD_BYTES + "-byte CIFAR-10 record (1 label + " + IMAGE_VALUES + " pixel bytes); "
          + (length / RECORD_BYTES) + " whole records and " + (length % RECORD_BYTES)
          + " bytes of an incomplete record " + (length / RECORD_BYTES + 1));
    }
    if (length > (long) Integer.MAX_VALUE - 8) {
      throw new IOException(file + ": " + length + " bytes is too large for one CIFAR-10 file");
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length != length) {
      throw new IOException(file + ": changed while being read (" + length + " then "
          + bytes.length + " bytes)");
    }
    int count = (int) (length / RECORD_BYTES);
    float[] images = new float[count * IMAGE_VALUES];
    byte[] labels = new byte[count];
    for (int r = 0; r < count; r++) {
      int offset = r * RECORD_BYTES;
      int label = bytes[offset] & 0xFF;
      if (label >= CLASSES) {
        throw new IOException(file + ": record " + (r + 1) + " of " + count + " (byte offset "
            + offset + ") has label " + label + ", outside 0.." + (CLASSES - 1));
      }
      labels[r] = (byte) label;
      int out = r * IMAGE_VALUES;
      for (int j = 0; j < IMAGE_VALUES; j++) {
        images[out + j] = (bytes[offset + 1 + j] & 0xFF) / 255f;
      }
    }
    return new CifarSet(images, labels);
  }

  /** Reads several binary files and concatenates them in the given order. */
  public static CifarSet readAll(List<Path> files) throws IOException {
    requireNonNull(files, "files is null");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("files is empty");
    }
    List<CifarSet> parts = new ArrayList<>(files.size());
    for (Path file : files) {
      parts.add(read(file));
    }
    return parts.size() == 1 ? parts.get(0) : CifarSet.concat(parts);
  }
}
