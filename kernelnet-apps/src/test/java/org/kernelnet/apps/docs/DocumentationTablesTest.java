package org.kernelnet.apps.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's own README.md and docs pages are up to date with the result files they name:
 * every number in their results tables is what {@code kernelnet report} makes of those files.
 */
class DocumentationTablesTest {
  /** Maven runs a module's tests in the module's folder; the pages are one level up. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void everyResultsTableIsTheOneTheReportMakes() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    ResultsViews views = new ResultsViews();
    int blocks = 0;
    for (Path page : pages) {
      String text = Files.readString(page);
      blocks += text.split(ResultsPage.START, -1).length - 1;
      assertThat(new ResultsPage(page, views).render(text))
          .as("%s is out of date: run ./kernelnet report README.md docs", page)
          .isEqualTo(text);
    }
    assertThat(blocks).as("results blocks in README.md and docs/").isPositive();
  }
}
