package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryReaderTest {
  @TempDir Path dir;

  /** A record whose red plane is all r, green all g, blue all b, except pixel (1, 2) = 255. */
  static byte[] record(int label, int r, int g, int b) {
    byte[] record = new byte[Cifar10.RECORD_BYTES];
    record[0] = (byte) label;
    Arrays.fill(record, 1, 1 + 1024, (byte) r);
    Arrays.fill(record, 1 + 1024, 1 + 2048, (byte) g);
    Arrays.fill(record, 1 + 2048, 1 + 3072, (byte) b);
    record[1 + 1024 + 32 + 2] = (byte) 255;
    return record;
  }

  static Path write(Path file, byte[]... records) throws IOException {
    byte[] all = new byte[records.length * Cifar10.RECORD_BYTES];
    for (int i = 0; i < records.length; i++) {
      System.arraycopy(records[i], 0, all, i * Cifar10.RECORD_BYTES, Cifar10.RECORD_BYTES);
    }
    return Files.write(file, all);
  }

  @Test
  void readsPlanesInRgbOrder() throws IOException {
    Path file = write(dir.resolve("b.bin"), record(3, 10, 20, 30), record(9, 0, 255, 51));

    CifarSet set = CifarBinaryReader.read(file);

    assertThat(set.size()).isEqualTo(2);
    assertThat(set.labels()).containsExactly(3, 9);
    float[] first = set.image(0);
    assertThat(first[0]).isEqualTo(10 / 255f);
    assertThat(first[1023]).isEqualTo(10 / 255f);
    assertThat(first[1024]).isEqualTo(20 / 255f);
    assertThat(first[1024 + 32 + 2]).isEqualTo(1f);
    assertThat(first[2048 + 1023]).isEqualTo(30 / 255f);
    float[] second = set.image(1);
    assertThat(second[5]).isZero();
    assertThat(second[2048]).isEqualTo(0.2f);
  }

  @Test
  void readAllConcatenatesInOrder() throws IOException {
    Path a = write(dir.resolve("a.bin"), record(1, 1, 1, 1));
    Path b = write(dir.resolve("b.bin"), record(2, 2, 2, 2), record(4, 4, 4, 4));

    CifarSet set = CifarBinaryReader.readAll(List.of(b, a));

    assertThat(set.labels()).containsExactly(2, 4, 1);
    assertThat(set.image(2)[0]).isEqualTo(1 / 255f);
  }

  @Test
  void incompleteRecordNamesFileAndRecord() throws IOException {
    byte[] two = new byte[2 * Cifar10.RECORD_BYTES];
    Path file = Files.write(dir.resolve("short.bin"), Arrays.copyOf(two, two.length - 100));

    assertThatThrownBy(() -> CifarBinaryReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("3073-byte")
        .hasMessageContaining("1 whole records")
        .hasMessageContaining("incomplete record 2");
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path file = Files.write(dir.resolve("empty.bin"), new byte[0]);
    assertThatThrownBy(() -> CifarBinaryReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void labelOutOfRangeNamesFileAndRecord() throws IOException {
    Path file = write(dir.resolve("bad.bin"), record(0, 0, 0, 0), record(1, 0, 0, 0),
        record(10, 0, 0, 0));

    assertThatThrownBy(() -> CifarBinaryReader.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("record 3 of 3")
        .hasMessageContaining("byte offset 6146")
        .hasMessageContaining("label 10");
  }
}
