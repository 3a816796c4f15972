package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.data.DataDirectory;

/** Checks against the shared data folder; skipped when {@code kernelnet.data.dir} is unset. */
class CifarRealDataTest {
  private static DataDirectory realData() {
    return RealData.directory();
  }

  @Test
  void losslessFirstThousandTestImages() throws IOException {
    CifarSet set = CifarData.testFirst1000(realData());

    assertThat(set.size()).isEqualTo(1000);
    assertThat(set.head(10).labels()).containsExactly(3, 8, 8, 0, 6, 6, 1, 6, 3, 1);
    float min = 1;
    float max = 0;
    for (float v : set.images()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isZero();
    assertThat(max).isEqualTo(1f);
  }

  @Test
  void jpegFolderHasTheOfficialCountsPerClass() throws IOException {
    Path root = CifarData.jpegRoot(realData());
    for (CifarSplit split : CifarSplit.values()) {
      int[] counts = new int[Cifar10.CLASSES];
      List<CifarImageFolderReader.ImageFile> files = CifarImageFolderReader.list(root, split);
      for (CifarImageFolderReader.ImageFile file : files) {
        counts[file.label()]++;
      }
      int perClass = split.size() / Cifar10.CLASSES;
      assertThat(counts).as(split.folderName()).containsOnly(perClass);
      // Within a class, numeric order: 0000.jpg, 0001.jpg, ...
      assertThat(files.get(perClass + 7).path().getFileName().toString()).isEqualTo("0007.jpg");
      assertThat(files.get(perClass + 7).path().getParent().getFileName().toString())
          .isEqualTo("automobile");
    }
  }

  /** Mean absolute error in grey levels (0..255) between two images. */
  private static double greyLevelError(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return 255 * sum / a.length;
  }

  @Test
  void jpegCopiesMatchTheLosslessImagesUpToJpegError() throws IOException {
    DataDirectory data = realData();
    CifarSet lossless = CifarData.testFirst1000(data);
    int perClass = 4;
    // Image k of class c in the folder is the k-th official test image with label c.
    List<CifarImageFolderReader.ImageFile> files =
        CifarImageFolderReader.list(CifarData.jpegRoot(data), CifarSplit.TEST, perClass);
    CifarSet jpeg = CifarImageFolderReader.read(files, 2);
    assertThat(jpeg.size()).isEqualTo(Cifar10.CLASSES * perClass);

    double matched = 0;
    double shifted = 0;
    int pairs = 0;
    for (int c = 0; c < Cifar10.CLASSES; c++) {
      List<Integer> official = new ArrayList<>();
      for (int i = 0; i < lossless.size() && official.size() < perClass; i++) {
        if (lossless.label(i) == c) {
          official.add(i);
        }
      }
      for (int k = 0; k < perClass; k++) {
        int j = c * perClass + k;
        assertThat(jpeg.label(j)).isEqualTo(c);
        double error = greyLevelError(lossless.image(official.get(k)), jpeg.image(j));
        assertThat(error).as("class %d image %d", c, k).isLessThan(12);
        matched += error;
        shifted += greyLevelError(lossless.image(official.get((k + 1) % perClass)),
            jpeg.image(j));
        pairs++;
      }
    }
    assertThat(matched / pairs).isBetween(4.0, 7.5);
    assertThat(shifted / pairs).isGreaterThan(25.0);
  }

  @Test
  void missingFilesNameTheirPlaceAndSource(@TempDir Path empty) {
    DataDirectory dir = DataDirectory.of(empty);
    assertThatThrownBy(() -> CifarData.officialBinary(dir, CifarSplit.TRAIN))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("cifar10/data_batch_1.bin")
        .hasMessageContaining(empty.resolve("cifar10").resolve("data_batch_1.bin").toString())
        .hasMessageContaining(CifarData.BINARY_TARBALL_URL)
        .hasMessageContaining(CifarData.BINARY_TARBALL_MD5);
    assertThatThrownBy(() -> CifarData.officialBinary(dir, CifarSplit.TEST))
        .hasMessageContaining("cifar10/test_batch.bin");
    assertThatThrownBy(() -> CifarData.testFirst1000(dir))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("cifar10/test_batch_first1000.bin");
    assertThatThrownBy(() -> CifarData.jpegRoot(dir))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("cifar10-jpeg");
  }

  @Test
  void officialBatchesAreFoundInTheTarballFolderToo(@TempDir Path root) throws IOException {
    Path folder = root.resolve("cifar10").resolve("cifar-10-batches-bin");
    Files.createDirectories(folder);
    CifarBinaryReaderTest.write(folder.resolve("test_batch.bin"),
        CifarBinaryReaderTest.record(1, 0, 0, 0));
    DataDirectory dir = DataDirectory.of(root);

    assertThat(CifarData.locateBinary(dir, "test_batch.bin"))
        .isEqualTo(folder.resolve("test_batch.bin"));
    assertThatThrownBy(() -> CifarData.officialBinary(dir, CifarSplit.TEST))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("hold 1 images, the official split has 10000");
  }
}
