package org.kernelnet.apps.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kernelnet.apps.report.ProgressLog;

class DownloadLogTest {
  @Test
  void saysWhatFromWhereAndToWhereThenTheMegabytes() {
    StringWriter text = new StringWriter();
    DownloadLog log = new DownloadLog(new ProgressLog(new PrintWriter(text), Duration.ZERO));

    log.starting("entry ml-1m/ratings.dat of ml-1m.zip",
        URI.create("https://files.grouplens.org/datasets/movielens/ml-1m.zip"),
        Path.of("/data/movielens/ml-1m/ratings.dat"));
    log.progress(2_500_000, 5_917_549);
    log.progress(3_000_000, -1);

    assertThat(text.toString().lines().map(line -> line.substring(line.indexOf("] ") + 2)))
        .containsExactly(
            "downloading entry ml-1m/ratings.dat of ml-1m.zip from"
                + " https://files.grouplens.org/datasets/movielens/ml-1m.zip to"
                + " /data/movielens/ml-1m/ratings.dat",
            "downloaded 2.5 of 5.9 MB",
            "downloaded 3.0 of ? MB");
  }
}
