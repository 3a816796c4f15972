package org.kernelnet.apps.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  record Config(String model, int layers, Path dataDir) {}

  @Test
  void writesJsonWithProvenanceAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
    Path data = Files.writeString(dir.resolve("ratings.dat"), "1::2::3\n");
    Provenance provenance = Provenance.collect(
        "movielens", new Config("sparse-fc", 2, dir), "cpu()", Map.of("split", 42L),
        List.of(DataFile.of("ratings", data)));
    ResultsWriter writer = new ResultsWriter(dir.resolve("out"));

    Path file = writer.writeJson("results.json", Map.of("rmse", 0.9, "provenance", provenance));

    String json = Files.readString(file);
    assertThat(json)
        .contains("\"rmse\": 0.9", "\"model\": \"sparse-fc\"", "\"layers\": 2", "\"split\": 42",
            "\"engine\": \"PyTorch 2.", "\"pluginApi\": \"1.0\"")
        // sha256 of "1::2::3\n"
        .contains(DataFile.sha256(data))
        .contains("\"dataDir\": \"" + dir + "\"");
    assertThat(DataFile.sha256(data)).hasSize(64);
    // fixed width, so that two runs' records (and saved models) have the same length
    assertThat(provenance.startedAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    try (var files = Files.list(writer.folder())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void sha256MatchesAKnownAnswer(@TempDir Path dir) throws IOException {
    Path abc = Files.write(dir.resolve("abc"), "abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(DataFile.sha256(abc))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void csvQuotesCellsThatNeedIt(@TempDir Path dir) throws IOException {
    ResultsWriter writer = new ResultsWriter(dir);
    Path csv = writer.writeCsv("t.csv", List.of("kernel", "acc"),
        List.of(List.of("rbf:gamma=1,x=2", 0.5), List.of("say \"hi\"", 1)));
    assertThat(Files.readString(csv))
        .isEqualTo("kernel,acc\n\"rbf:gamma=1,x=2\",0.5\n\"say \"\"hi\"\"\",1\n");
    assertThatThrownBy(() -> writer.writeCsv("u.csv", List.of("a"), List.of(List.of(1, 2))))
        .hasMessageContaining("row has 2 cells but the header has 1");
    assertThatThrownBy(() -> writer.write("../escape.txt", "x")).hasMessageContaining("not a file name inside");
  }

  @Test
  void throttledLinesRespectTheInterval() {
    AtomicLong now = new AtomicLong();
    StringWriter text = new StringWriter();
    ProgressLog log = new ProgressLog(new PrintWriter(text), Duration.ofSeconds(1), now::get);
    assertThat(log.throttled("a %d", 1)).isTrue();
    now.addAndGet(500_000_000L);
    assertThat(log.throttled("b")).isFalse();
    log.always("c %.2f", 0.125);
    now.addAndGet(1_000_000_000L);
    assertThat(log.throttled("d")).isTrue();
    assertThat(text.toString().lines())
        .containsExactly("[     0.0 s] a 1", "[     0.5 s] c 0.13", "[     1.5 s] d");
  }
}
