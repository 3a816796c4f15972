package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzReaderTest {
  @TempDir Path dir;
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** A .npy v1.0 file as numpy.save writes it: little-endian float32, header padded to 64. */
  static byte[] npy(String shape, boolean fortran, float... values) {
    String header = "{'descr': '<f4', 'fortran_order': " + (fortran ? "True" : "False")
        + ", 'shape': (" + shape + "), }";
    int total = 10 + header.length() + 1;
    header = header + " ".repeat((64 - total % 64) % 64) + "\n";
    ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + 4 * values.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    buffer.putShort((short) header.length());
    buffer.put(header.getBytes(StandardCharsets.US_ASCII));
    for (float v : values) {
      buffer.putFloat(v);
    }
    return buffer.array();
  }

  static Path npz(Path file, boolean compressed, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        if (!compressed) {
          // numpy.savez stores entries uncompressed; STORED needs size and CRC up front.
          CRC32 crc = new CRC32();
          crc.update(entry.getValue());
          zipEntry.setMethod(ZipEntry.STORED);
          zipEntry.setSize(entry.getValue().length);
          zipEntry.setCompressedSize(entry.getValue().length);
          zipEntry.setCrc(crc.getValue());
        }
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  private static Map<String, byte[]> twoArrays() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("w.npy", npy("2, 3", false, 1, 2, 3, 4, 5, -6.5f));
    entries.put("layer1.0.bn1.bias.npy", npy("3,", false, 0.25f, 0.5f, 0.75f));
    return entries;
  }

  @Test
  void readsNamesShapesAndValuesInOrder() throws IOException {
    for (boolean compressed : new boolean[] {false, true}) {
      Path file = npz(dir.resolve("a" + compressed + ".npz"), compressed, twoArrays());

      NamedArrays arrays = NpzReader.read(file, manager);

      assertThat(arrays.names()).containsExactly("w", "layer1.0.bn1.bias");
      assertThat(arrays.shape("w")).isEqualTo(new Shape(2, 3));
      assertThat(arrays.shape("layer1.0.bn1.bias")).isEqualTo(new Shape(3));
      assertThat(arrays.get("w").getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(arrays.get("w").toFloatArray()).containsExactly(1, 2, 3, 4, 5, -6.5f);
      assertThat(arrays.get("w").get(1, 2).getFloat()).isEqualTo(-6.5f);
      assertThat(arrays.get("layer1.0.bn1.bias").getName()).isEqualTo("layer1.0.bn1.bias");
      assertThat(arrays.parameterCount()).isEqualTo(9);
      assertThat(arrays.parameterCount(n -> n.startsWith("layer"))).isEqualTo(3);
      assertThatThrownBy(() -> arrays.get("x")).hasMessageContaining(file.toString())
          .hasMessageContaining("'x'");
      arrays.close();
    }
  }

  @Test
  void rejectsFortranOrderNamingFileAndEntry() throws IOException {
    Map<String, byte[]> entries = twoArrays();
    entries.put("f.npy", npy("2, 2", true, 1, 2, 3, 4));
    Path file = npz(dir.resolve("f.npz"), false, entries);

    assertThatThrownBy(() -> NpzReader.read(file, manager))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'f.npy'");
  }

  @Test
  void rejectsTruncatedAndTrailingData() throws IOException {
    byte[] good = npy("4,", false, 1, 2, 3, 4);
    Path shortFile = npz(dir.resolve("short.npz"), false,
        Map.of("t.npy", Arrays.copyOf(good, good.length - 3)));
    assertThatThrownBy(() -> NpzReader.read(shortFile, manager))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(shortFile.toString())
        .hasMessageContaining("'t.npy'");

    Path longFile = npz(dir.resolve("long.npz"), false,
        Map.of("t.npy", Arrays.copyOf(good, good.length + 4)));
    assertThatThrownBy(() -> NpzReader.read(longFile, manager))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(longFile.toString())
        .hasMessageContaining("trailing bytes");
  }

  @Test
  void rejectsNonArrayEntriesAndNonZipFiles() throws IOException {
    Path text = npz(dir.resolve("text.npz"), false,
        Map.of("readme.txt", "hi".getBytes(StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> NpzReader.read(text, manager))
        .hasMessageContaining(text.toString())
        .hasMessageContaining("'readme.txt' is not a .npy array");

    Path fake = npz(dir.resolve("fake.npz"), false,
        Map.of("x.npy", "not numpy at all".getBytes(StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> NpzReader.read(fake, manager))
        .hasMessageContaining(fake.toString())
        .hasMessageContaining("\\x93NUMPY");

    Path notZip = Files.write(dir.resolve("plain.npz"), new byte[] {1, 2, 3, 4, 5});
    assertThatThrownBy(() -> NpzReader.read(notZip, manager))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(notZip.toString());

    Path empty = npz(dir.resolve("empty.npz"), false, Map.of());
    assertThatThrownBy(() -> NpzReader.read(empty, manager))
        .hasMessageContaining("no arrays");
  }
}
