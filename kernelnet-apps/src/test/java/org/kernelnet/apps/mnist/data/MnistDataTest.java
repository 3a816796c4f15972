package org.kernelnet.apps.mnist.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.kernelnet.apps.data.Fetcher;
import org.kernelnet.apps.data.ProgressListener;

class MnistDataTest {
  private static DataDirectory realData() {
    return RealData.directory();
  }

  private static float[] range(MnistSet set) {
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : set.images()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new float[] {min, max};
  }

  @Test
  void realTrainingSet() throws IOException {
    MnistSet train = MnistData.train(realData(), Downloader.offline());

    assertThat(train.size()).isEqualTo(60_000);
    assertThat(train.pixelsPerImage()).isEqualTo(784);
    assertThat(train.images()).hasSize(60_000 * 784);
    assertThat(train.labelCounts())
        .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    assertThat(new int[] {train.label(0), train.label(1), train.label(2), train.label(3)})
        .containsExactly(5, 0, 4, 1);
    assertThat(range(train)).containsExactly(0f, 1f);

    MnistSet.Split split = train.split(5_000, 1L);
    assertThat(split.train().size()).isEqualTo(55_000);
    assertThat(split.validation().size()).isEqualTo(5_000);
    int[] sum = new int[10];
    for (int c = 0; c < 10; c++) {
      sum[c] = split.train().labelCounts()[c] + split.validation().labelCounts()[c];
    }
    assertThat(sum).containsExactly(train.labelCounts());
  }

  /**
   * What {@link ValidationSplit#BLOCK} rests on: in the real training file a same-label image at
   * most 20 places away is closer (mean squared pixel distance) than a random same-label image, as
   * a writer's digits are stored near each other.
   */
  @Test
  void realTrainingFileKeepsAWritersDigitsNearEachOther() throws IOException {
    MnistSet train = MnistData.train(realData(), Downloader.offline());
    List<List<Integer>> byLabel = new ArrayList<>();
    for (int c = 0; c < MnistSet.CLASSES; c++) {
      byLabel.add(new ArrayList<>());
    }
    for (int i = 0; i < train.size(); i++) {
      byLabel.get(train.label(i)).add(i);
    }
    Random random = new Random(0);
    double near = 0;
    double far = 0;
    int pairs = 0;
    for (int anchor = 0; anchor < 2_000; anchor++) {
      int a = random.nextInt(train.size());
      List<Integer> sameLabel = byLabel.get(train.label(a));
      for (int b = Math.max(0, a - 20); b <= Math.min(train.size() - 1, a + 20); b++) {
        if (b != a && train.label(b) == train.label(a)) {
          near += squaredDistance(train, a, b);
          far += squaredDistance(train, a, sameLabel.get(random.nextInt(sameLabel.size())));
          pairs++;
        }
      }
    }

    assertThat(pairs).isGreaterThan(4_000);
    assertThat(near / pairs).isLessThan(0.95 * far / pairs);
  }

  private static double squaredDistance(MnistSet set, int a, int b) {
    float[] images = set.images();
    int p = set.pixelsPerImage();
    double sum = 0;
    for (int k = 0; k < p; k++) {
      double d = images[a * p + k] - images[b * p + k];
      sum += d * d;
    }
    return sum;
  }

  @Test
  void realTestSet() throws IOException {
    MnistSet test = MnistData.test(realData(), Downloader.offline());

    assertThat(test.size()).isEqualTo(10_000);
    assertThat(test.labelCounts())
        .containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    assertThat(new int[] {test.label(0), test.label(1), test.label(2), test.label(3)})
        .containsExactly(7, 2, 1, 0);
    // The first test image (a 7) has ink in the middle rows and a blank border.
    float[] seven = test.image(0);
    assertThat(seven[0]).isZero();
    float ink = 0;
    for (float v : seven) {
      ink += v;
    }
    assertThat(ink).isBetween(50f, 150f);
  }

  @Test
  void missingFileNamesItsPlaceAndSource(@TempDir Path empty) {
    DataDirectory dir = DataDirectory.of(empty);
    assertThatThrownBy(() -> MnistData.test(dir, Downloader.offline()))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("Download failed")
        .hasMessageContaining("mnist/t10k-images-idx3-ubyte.gz")
        .hasMessageContaining(empty.resolve("mnist").resolve("t10k-images-idx3-ubyte.gz")
            .toString())
        .hasMessageContaining("http://yann.lecun.com/exdb/mnist/t10k-images-idx3-ubyte.gz")
        .hasMessageContaining(MnistFile.TEST_IMAGES.sha256());
  }

  @Test
  void aMissingFileIsDownloadedAndVerified(@TempDir Path empty) throws IOException {
    Path official = realData().path(MnistFile.TEST_LABELS.relativePath());
    byte[] bytes = Files.readAllBytes(official);
    Downloader serving = new Downloader(
        uri -> new Fetcher.Response(new ByteArrayInputStream(bytes), bytes.length), ProgressListener.NONE);

    Path got = MnistData.locate(DataDirectory.of(empty), MnistFile.TEST_LABELS, serving);

    assertThat(got).isEqualTo(empty.resolve(MnistFile.TEST_LABELS.relativePath()));
    assertThat(Files.readAllBytes(got)).isEqualTo(bytes);
  }

  @Test
  void aCorruptDownloadIsRejectedAndLeavesNothing(@TempDir Path empty) throws IOException {
    byte[] bytes = new byte[(int) MnistFile.TEST_LABELS.bytes()];
    Downloader serving = new Downloader(
        uri -> new Fetcher.Response(new ByteArrayInputStream(bytes), bytes.length), ProgressListener.NONE);

    assertThatThrownBy(() -> MnistData.locate(DataDirectory.of(empty), MnistFile.TEST_LABELS, serving))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("Download failed")
        .hasMessageContaining(MnistFile.TEST_LABELS.urls().get(0))
        .hasMessageContaining(MnistFile.TEST_LABELS.urls().get(1));
    try (var files = Files.walk(empty)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void filesCarryTheOfficialNamesAndChecksums() {
    assertThat(MnistFile.TRAIN_LABELS.relativePath()).isEqualTo("mnist/train-labels-idx1-ubyte.gz");
    assertThat(MnistFile.TRAIN_IMAGES.md5()).isEqualTo("f68b3c2dcbeaaa9fbdd348bbdeb94873");
    assertThat(MnistFile.TEST_LABELS.urls()).containsExactly(
        "http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz",
        "https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz");
    for (MnistFile file : MnistFile.values()) {
      assertThat(file.sha256()).matches("[0-9a-f]{64}");
      assertThat(file.md5()).matches("[0-9a-f]{32}");
    }
  }
}
