package org.kernelnet.apps.mnist.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
  @TempDir Path dir;

  /** 3 images of 2 x 2: pixel j (0..11) is j * 20, except the last one, 255. */
  private static byte[] pixels() {
    byte[] pixels = new byte[12];
    for (int i = 0; i < 12; i++) {
      pixels[i] = (byte) (i * 20);
    }
    pixels[11] = (byte) 255;
    return pixels;
  }

  private static final byte[] LABELS = {7, 0, 9};

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void roundTripsPlainAndGzip(boolean gzip) throws IOException {
    // The names lie about the compression: the reader must look at the magic bytes.
    Path images = IdxFiles.write(dir.resolve(gzip ? "images.idx" : "images.gz"),
        IdxFiles.images(2051, 3, 2, 2, pixels()), gzip);
    Path labels = IdxFiles.write(dir.resolve(gzip ? "labels.idx" : "labels.gz"),
        IdxFiles.labels(2049, 3, LABELS), gzip);
    assertThat(Files.readAllBytes(images)[0] == 0x1f).isEqualTo(gzip);

    MnistSet set = IdxReader.read(images, labels);

    assertThat(set.size()).isEqualTo(3);
    assertThat(set.rows()).isEqualTo(2);
    assertThat(set.columns()).isEqualTo(2);
    assertThat(set.labels()).containsExactly(LABELS);
    assertThat(set.image(1)).containsExactly(80 / 255f, 100 / 255f, 120 / 255f, 140 / 255f);
    assertThat(set.image(2)[3]).isEqualTo(1f);
    assertThat(set.image(0)[0]).isEqualTo(0f);
    IdxReader.Images raw = IdxReader.readImages(images);
    assertThat(raw.pixels()).containsExactly(pixels());
  }

  @Test
  void readsAnEmptySet() throws IOException {
    Path images = IdxFiles.write(dir.resolve("i"), IdxFiles.images(2051, 0, 28, 28, new byte[0]),
        true);
    Path labels = IdxFiles.write(dir.resolve("l"), IdxFiles.labels(2049, 0, new byte[0]), true);
    assertThat(IdxReader.read(images, labels).size()).isZero();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void badMagicNamesTheFile(boolean gzip) throws IOException {
    Path images = IdxFiles.write(dir.resolve("swapped-images"),
        IdxFiles.labels(2049, 3, LABELS), gzip);
    Path labels = IdxFiles.write(dir.resolve("bad-labels"),
        IdxFiles.labels(1234, 3, LABELS), gzip);

    assertThatThrownBy(() -> IdxReader.readImages(images))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(images.toString())
        .hasMessageContaining("bad magic number 2049")
        .hasMessageContaining("2051")
        .hasMessageContaining("other kind");
    assertThatThrownBy(() -> IdxReader.readLabels(labels))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("bad magic number 1234");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void truncatedPixelsNameTheFile(boolean gzip) throws IOException {
    byte[] full = IdxFiles.images(2051, 3, 2, 2, pixels());
    Path images = IdxFiles.write(dir.resolve("short-images"), Arrays.copyOf(full, full.length - 5),
        gzip);

    assertThatThrownBy(() -> IdxReader.readImages(images))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(images.toString())
        .hasMessageContaining("truncated")
        .hasMessageContaining("12 bytes")
        .hasMessageContaining("only 7 bytes");
  }

  @Test
  void truncatedHeaderNamesTheFile() throws IOException {
    Path labels = IdxFiles.write(dir.resolve("header"), new byte[] {0, 0, 8, 1, 0, 0}, false);
    assertThatThrownBy(() -> IdxReader.readLabels(labels))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("truncated header");
  }

  @Test
  void truncatedGzipStreamNamesTheFile() throws IOException {
    Path whole = IdxFiles.write(dir.resolve("whole.gz"),
        IdxFiles.images(2051, 3, 2, 2, pixels()), true);
    byte[] gz = Files.readAllBytes(whole);
    Path cut = IdxFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12), false);

    assertThatThrownBy(() -> IdxReader.readImages(cut))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(cut.toString())
        .hasMessageContaining("truncated or corrupt gzip");
  }

  @Test
  void trailingDataNamesTheFile() throws IOException {
    byte[] full = IdxFiles.labels(2049, 3, LABELS);
    Path labels = IdxFiles.write(dir.resolve("long"), Arrays.copyOf(full, full.length + 1), true);
    assertThatThrownBy(() -> IdxReader.readLabels(labels))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("trailing data");
  }

  @Test
  void countMismatchNamesBothFiles() throws IOException {
    Path images = IdxFiles.write(dir.resolve("three-images"),
        IdxFiles.images(2051, 3, 2, 2, pixels()), true);
    Path labels = IdxFiles.write(dir.resolve("two-labels"),
        IdxFiles.labels(2049, 2, new byte[] {1, 2}), true);

    assertThatThrownBy(() -> IdxReader.read(images, labels))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(images.toString())
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("3 images")
        .hasMessageContaining("2 labels");
  }

  @Test
  void labelTenNamesTheFileAndTheItem() throws IOException {
    Path labels = IdxFiles.write(dir.resolve("ten"),
        IdxFiles.labels(2049, 3, new byte[] {1, 10, 2}), true);
    assertThatThrownBy(() -> IdxReader.readLabels(labels))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(labels.toString())
        .hasMessageContaining("label 10 of item 1")
        .hasMessageContaining("0..9");
  }

  @Test
  void badDimensionsNameTheFile() throws IOException {
    Path images = IdxFiles.write(dir.resolve("zero-rows"),
        IdxFiles.images(2051, 1, 0, 4, new byte[0]), false);
    assertThatThrownBy(() -> IdxReader.readImages(images))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(images.toString())
        .hasMessageContaining("0 x 4");
  }
}
