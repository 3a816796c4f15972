package org.kernelnet.apps.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.cli.ConfigurationException;

class ResultsPageTest {
  private static final String SOFTWARE = "Software: kernelnet 0.1.0-SNAPSHOT, DJL 0.35.1,"
      + " PyTorch 2.7.1, Java 17.0.15+6-Debian-1deb12u1, Linux amd64, device cpu().";

  @TempDir Path folder;

  private String render(String text) {
    return new ResultsPage(folder.resolve("page.md"), new ResultsViews()).render(text);
  }

  @Test
  void replacesWhatStandsBetweenTheMarkersAndKeepsEverythingElse() {
    Fixtures.copy(folder, "movielens-benchmark-now.json");
    String page = """
        # Speed

        Text before, with a headline: <!-- results headline: movielens-benchmark-now.json -->\
        typed by hand<!-- end results -->.

        <!-- results table: movielens-benchmark-now.json -->
        | an | old | table |
        <!-- end results -->
        Text after.
        """;

    String rendered = render(page);

    assertThat(rendered).isEqualTo("""
        # Speed

        Text before, with a headline: <!-- results headline: movielens-benchmark-now.json -->\
        0.237 s per evaluation<!-- end results -->.

        <!-- results table: movielens-benchmark-now.json -->

        | run | data set | evaluation | dense evaluation | prediction | L-BFGS iteration \
        | peak memory | matmul |
        | --- | --- | --- | --- | --- | --- | --- | --- |
        | [movielens-benchmark-now](movielens-benchmark-now.json) | ML-1M | 0.237 s | 0.991 s \
        | 0.136 s | 0.275 s | 2.95 GiB | 167.6 GFLOP/s |

        %s

        <!-- end results -->
        Text after.
        """.formatted(SOFTWARE));
    assertThat(render(rendered)).isEqualTo(rendered);
  }

  @Test
  void filesAreNamedRelativeToThePagesFolder() {
    Path results = folder.resolve("results");
    results.toFile().mkdirs();
    Fixtures.copy(results, "movielens-ml-100k.json");

    String marker = "<!-- results headline: results/movielens-ml-100k.json -->";
    assertThat(render(marker + "<!-- end results -->"))
        .isEqualTo(marker + "0.8932 ± 0.0020<!-- end results -->");
  }

  @Test
  void aPageWithoutBlocksIsLeftAsItIs() {
    String page = "# Title\n\nNo results here; an ordinary <!-- comment --> stays.\n";
    assertThat(render(page)).isEqualTo(page);
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    Fixtures.copy(folder, "movielens-ml-100k.json", "embed.json");
    String page = """
        <!-- results chart: movielens-ml-100k.json --><!-- end results -->
        <!-- results table: missing.json --><!-- end results -->
        <!-- results table: movielens-ml-100k.json embed.json --><!-- end results -->
        <!-- results table: /abs/results.json --><!-- end results -->
        <!-- results table: movielens-ml-100k.json -->
        never closed
        """;

    assertThatThrownBy(() -> render(page))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
            .hasSize(5)
            .satisfies(p -> assertThat(p.get(0)).contains("page.md:1:",
                "'table: FILE...' or 'headline: FILE...'", "'chart: movielens-ml-100k.json'"))
            .satisfies(p -> assertThat(p.get(1)).contains("page.md:2:", "no file",
                "missing.json"))
            .satisfies(p -> assertThat(p.get(2)).contains("page.md:3:", "one command",
                "[movielens, embed mnist]"))
            .satisfies(p -> assertThat(p.get(3)).contains("page.md:4:",
                "must be a .json file named relative to the page"))
            .satisfies(p -> assertThat(p.get(4)).contains("page.md:5:", "<!-- end results -->")));
  }

  @Test
  void aFileThatLacksWhatTheTableNeedsIsNamed() throws IOException {
    Fixtures.copy(folder, "movielens-ml-10m-size.json");
    String valid = Files.readString(folder.resolve("movielens-ml-10m-size.json"));
    Files.writeString(folder.resolve("broken.json"), valid.replace("\"rows\"", "\"lines\""));

    assertThatThrownBy(() -> render("<!-- results table: broken.json -->\n<!-- end results -->\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("page.md:1: cannot make the table of [broken.json]")
        .hasMessageContaining("no field 'rows'");
  }

  @Test
  void aFileThatIsNotJsonIsNamed() throws IOException {
    Files.writeString(folder.resolve("results.json"), "{ not json");

    assertThatThrownBy(() -> render("<!-- results table: results.json --><!-- end results -->"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("page.md:1: results.json: cannot read ")
        .hasMessageContaining("not valid JSON");
  }
}
