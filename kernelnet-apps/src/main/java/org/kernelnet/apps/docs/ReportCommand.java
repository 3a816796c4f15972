package org.kernelnet.apps.docs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.kernelnet.apps.cli.ConfigurationException;
import org.kernelnet.apps.report.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kernelnet report PAGE...}: regenerates the results tables of Markdown pages from the
 * result files they name (see {@link ResultsPage}). A page whose tables are already up to date is
 * left untouched; with {@code --check} nothing is written and the exit status says whether every
 * page is up to date.
 */
@Command(
    name = "report",
    description = {
        "Rewrites the results tables of Markdown pages from the run files they name: every block"
            + " from '<!-- results table: FILE... -->' to '<!-- end results -->' becomes the table"
            + " of those files, and an inline '<!-- results headline: FILE... -->...<!-- end"
            + " results -->' their result in a few characters. FILE is a results.json,"
            + " grid-prior.json, benchmark.json, ... named relative to the page.",
        "Example: ./kernelnet report README.md docs"})
public final class ReportCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PAGE",
      description = "Markdown pages, or folders whose *.md pages are all read.")
  private List<Path> pages;

  @Option(names = "--check",
      description = "Write nothing; list the pages whose tables are out of date and exit with 1 if"
          + " there are any.")
  private boolean check;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ResultsViews views = new ResultsViews();
    List<String> problems = new ArrayList<>();
    List<Path> outdated = new ArrayList<>();
    for (Path page : expand(pages)) {
      String text = read(page);
      String rendered;
      try {
        rendered = new ResultsPage(page, views).render(text);
      } catch (ConfigurationException e) {
        problems.addAll(e.problems());
        continue;
      }
      if (rendered.equals(text)) {
        out.println(page + ": up to date");
      } else if (check) {
        out.println(page + ": out of date");
        outdated.add(page);
      } else {
        write(page, rendered);
        out.println(page + ": tables rewritten");
      }
    }
    out.flush();
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    if (!outdated.isEmpty()) {
      spec.commandLine().getErr().println("kernelnet: " + outdated.size()
          + " page(s) out of date; run 'kernelnet report' on them to regenerate their tables");
      return ExitCode.SOFTWARE;
    }
    return ExitCode.OK;
  }

  /** The pages named, with every {@code *.md} file (sorted) in place of a folder. */
  private static List<Path> expand(List<Path> named) {
    List<Path> pages = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path path : named) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f))
              .sorted().forEach(pages::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + path + ": " + e, e);
        }
      } else if (Files.isRegularFile(path)) {
        pages.add(path);
      } else {
        problems.add("no page or folder " + path.toAbsolutePath());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return pages;
  }

  private static String read(Path page) {
    try {
      return Files.readString(page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + page + ": " + e, e);
    }
  }

  private static void write(Path page, String text) {
    try {
      AtomicFile.write(page, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + page + ": " + e, e);
    }
  }
}
