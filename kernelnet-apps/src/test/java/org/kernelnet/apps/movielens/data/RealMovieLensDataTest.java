package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.RealData;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real ML-100K and ML-1M files of the data directory (system property {@code kernelnet.data.dir},
 * set by the build from {@code KERNELNET_DATA_DIR}); skipped when it is not set. The expected numbers
 * are the published totals, as verified in the shared data README.
 */
class RealMovieLensDataTest {
  private static final Logger LOG = LoggerFactory.getLogger(RealMovieLensDataTest.class);
  private static DataDirectory dataDir;

  @BeforeAll
  static void dataDirectory() {
    dataDir = RealData.directory();
    assumeThat(dataDir.root()).isDirectory();
  }

  @Test
  void ml100k() throws IOException {
    assumeThat(MovieLensDataset.ML_100K.find(dataDir)).isPresent();
    long start = System.nanoTime();
    Ratings r = MovieLensDataset.ML_100K.load(dataDir, Downloader.offline(), note -> {});
    LOG.info("ML-100K: {} ratings read in {} ms", r.size(), (System.nanoTime() - start) / 1_000_000);

    assertThat(r.size()).isEqualTo(100_000);
    assertThat(r.numUsers()).isEqualTo(943);
    assertThat(r.numItems()).isEqualTo(1_682);
    assertThat(r.histogram()).containsExactly(Map.entry(1f, 6_110), Map.entry(2f, 11_370),
        Map.entry(3f, 27_145), Map.entry(4f, 34_174), Map.entry(5f, 21_201));
    assertThat(r.userId(0)).isEqualTo("1");
    assertThat(r.userId(942)).isEqualTo("943");
    assertThat(r.itemId(1_681)).isEqualTo("1682");
    assertThat(r.userIds().numericOrder()).isTrue();
    if (r.source().endsWith("u.data")) {
      assertThat(r.sourceSha256())
          .isEqualTo("06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490");
    }

    RatingSplit split = RatingSplit.random(r, MovieLensDataset.ML_100K, 1);
    assertThat(split.test().size()).isEqualTo(20_000);
    assertThat(split.train().size()).isEqualTo(80_000);
  }

  @Test
  void ml1m() throws IOException {
    assumeThat(MovieLensDataset.ML_1M.find(dataDir)).isPresent();
    Path file = MovieLensDataset.ML_1M.find(dataDir).orElseThrow();
    long start = System.nanoTime();
    Ratings r = MovieLensDataset.ML_1M.load(dataDir, Downloader.offline(), note -> {});
    LOG.info("ML-1M: {} ratings read from {} ({} bytes) in {} ms", r.size(), file, Files.size(file),
        (System.nanoTime() - start) / 1_000_000);

    assertThat(r.size()).isEqualTo(1_000_209);
    assertThat(r.numUsers()).isEqualTo(6_040);
    assertThat(r.numItems()).isEqualTo(3_706);
    assertThat(r.mean()).isCloseTo(3.581564, within(5e-7));
    assertThat(r.histogram()).containsExactly(Map.entry(1f, 56_174), Map.entry(2f, 107_557),
        Map.entry(3f, 261_197), Map.entry(4f, 348_971), Map.entry(5f, 226_310));
    if (file.getFileName().toString().equals("ratings_no_timestamps.dat.gz")) {
      assertThat(r.sourceSha256())
          .isEqualTo("878d6364ced01d4498e0842f26360ccfa969a1c3fa8dadf935abea06588b50c7");
    }

    RatingSplit split = RatingSplit.random(r, MovieLensDataset.ML_1M, 1);
    assertThat(split.test().size()).isEqualTo(100_021); // round(0.1 * 1,000,209)
    assertThat(split.train().size()).isEqualTo(900_188);
  }
}
