package org.kernelnet.apps.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;

  private final Checkpoint checkpoint = checkpoint();

  private static Checkpoint checkpoint() {
    Map<String, float[]> arrays = new LinkedHashMap<>();
    arrays.put("parameter/w", new float[] {1.5f, -0f, Float.MIN_VALUE, Float.NaN});
    arrays.put("adam.mean/w", new float[0]);
    arrays.put("parameter/b", new float[] {3e-8f});
    return new Checkpoint("{\"key\": \"variant grid\", \"é\": 1}", arrays);
  }

  private Path written(byte[] bytes) throws IOException {
    return Files.write(dir.resolve("checkpoint.bin"), bytes);
  }

  private byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    checkpoint.writeTo(out);
    return out.toByteArray();
  }

  @Test
  void readsBackWhatWasWrittenBitForBitAndInOrder() throws IOException {
    Checkpoint read = Checkpoint.read(written(bytes()));

    assertThat(read.json()).isEqualTo(checkpoint.json());
    assertThat(read.arrays()).containsOnlyKeys("parameter/w", "adam.mean/w", "parameter/b");
    assertThat(read.arrays().keySet()).containsExactly("parameter/w", "adam.mean/w",
        "parameter/b");
    for (String name : checkpoint.arrays().keySet()) {
      float[] expected = checkpoint.array(name);
      float[] actual = read.array(name);
      assertThat(actual).hasSize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat(Float.floatToRawIntBits(actual[i])).as(name + "[" + i + "]")
            .isEqualTo(Float.floatToRawIntBits(expected[i]));
      }
    }
    assertThatThrownBy(() -> read.array("nosuch")).hasMessage("the checkpoint has no array"
        + " nosuch; it has [parameter/w, adam.mean/w, parameter/b]");
  }

  @Test
  void everyFlippedByteIsRefusedNamingTheFile() throws IOException {
    byte[] good = bytes();
    for (int at = 4; at < good.length; at++) {
      byte[] bad = good.clone();
      bad[at] ^= 0x10;
      Path file = written(bad);
      assertThatThrownBy(() -> Checkpoint.read(file)).as("byte %d", at)
          .isInstanceOf(IOException.class)
          .hasMessage("cannot read the checkpoint " + file + ": its checksum does not match its"
              + " content (the file was damaged or cut short)");
    }
  }

  @Test
  void aFileCutShortOrOfAnotherKindIsRefused() throws IOException {
    byte[] good = bytes();
    Path cut = written(Arrays.copyOf(good, good.length - 1));
    assertThatThrownBy(() -> Checkpoint.read(cut)).hasMessageContaining("its checksum does not"
        + " match");
    Path other = written("{\"not\": \"a checkpoint\"}".repeat(3).getBytes());
    assertThatThrownBy(() -> Checkpoint.read(other))
        .hasMessage("cannot read the checkpoint " + other + ": not a kernelnet checkpoint");
    Path missing = dir.resolve("missing.bin");
    assertThatThrownBy(() -> Checkpoint.read(missing)).isInstanceOf(IOException.class)
        .hasMessageContaining(missing.toString());
  }
}
