package org.kernelnet.apps.docs;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * The results blocks of one Markdown page and their regeneration. A block is
 *
 * <pre>
 * &lt;!-- results table: results/movielens/ml-100k.json results/movielens/ml-1m.json --&gt;
 * (generated: the table and a line naming the software of the runs)
 * &lt;!-- end results --&gt;
 * </pre>
 *
 * or, inside a line, {@code <!-- results headline: FILE... -->0.8932 ± 0.0020<!-- end results
 * -->}. The files are named relative to the page's folder (so the table's links work where the page
 * is read) and must all be written by one command. Whatever stands between the markers is replaced;
 * everything else is kept byte for byte, so rendering a rendered page changes nothing.
 */
final class ResultsPage {
  static final String START = "<!-- results ";
  static final String END = "<!-- end results -->";
  private static final String CLOSE = " -->";

  private final Path page;
  private final ResultsViews views;

  /**
   * @param page the page's file, whose folder the blocks' file names are relative to
   * @param views the views of the commands whose files the blocks may name
   */
  ResultsPage(Path page, ResultsViews views) {
    this.page = requireNonNull(page, "page is null");
    this.views = requireNonNull(views, "views is null");
  }

  /**
   * The page's text with every block regenerated.
   *
   * @throws ConfigurationException listing every malformed block, missing file, unknown command
   *     and file that lacks what its table needs, each with the page and line
   */
  String render(String text) {
    StringBuilder out = new StringBuilder();
    List<String> problems = new ArrayList<>();
    int position = 0;
    for (int start = text.indexOf(START); start >= 0; start = text.indexOf(START, position)) {
      String where = page + ":" + line(text, start);
      int close = text.indexOf(CLOSE, start + START.length());
      int end = text.indexOf(END, start);
      int nextStart = text.indexOf(START, start + START.length());
      if (close < 0 || end < 0 || (nextStart >= 0 && nextStart < end) || end < close) {
        problems.add(where + ": a '" + START.strip() + "' marker needs ' -->' and then '" + END
            + "' before the next block");
        out.append(text, position, start + START.length());
        position = start + START.length();
        continue;
      }
      String header = text.substring(start + START.length(), close);
      out.append(text, position, close + CLOSE.length());
      try {
        out.append(content(header.strip()));
      } catch (ConfigurationException e) {
        e.problems().forEach(problem -> problems.add(where + ": " + problem));
        out.append(text, close + CLOSE.length(), end);
      }
      out.append(END);
      position = end + END.length();
    }
    out.append(text.substring(position));
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return out.toString();
  }

  /** What a block with the header {@code table: FILE...} or {@code headline: FILE...} holds. */
  private String content(String header) {
    int colon = header.indexOf(':');
    String kind = colon < 0 ? header : header.substring(0, colon).strip();
    if (!kind.equals("table") && !kind.equals("headline")) {
      throw new ConfigurationException("a results block is 'table: FILE...' or 'headline: FILE...',"
          + " got '" + header + "'");
    }
    List<String> references = colon < 0 ? List.of()
        : List.of(header.substring(colon + 1).strip().split("\\s+")).stream()
            .filter(s -> !s.isEmpty()).toList();
    List<ResultFile> files = read(references);
    Set<String> commands = files.stream().map(ResultFile::command)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (commands.size() != 1) {
      throw new ConfigurationException("the files of one block must come from one command, got "
          + commands);
    }
    String command = commands.iterator().next();
    ResultsView view = views.forCommand(command).orElseThrow(() -> new ConfigurationException(
        "no table for results of '" + command + "'; tables exist for " + views.commands()));
    try {
      if (kind.equals("headline")) {
        return view.headline(files);
      }
      return "\n\n" + view.table(files).markdown() + "\n" + software(files) + "\n\n";
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ConfigurationException("cannot make the " + kind + " of " + references + ": "
          + e.getMessage());
    }
  }

  private List<ResultFile> read(List<String> references) {
    if (references.isEmpty()) {
      throw new ConfigurationException("a results block names no file");
    }
    List<String> problems = new ArrayList<>();
    List<ResultFile> files = new ArrayList<>();
    Path folder = page.toAbsolutePath().getParent();
    for (String reference : references) {
      Path file = folder.resolve(reference).normalize();
      if (Path.of(reference).isAbsolute() || !reference.endsWith(".json")) {
        problems.add("'" + reference + "' must be a .json file named relative to the page");
      } else if (!Files.isRegularFile(file)) {
        problems.add("no file " + file + " (named '" + reference + "')");
      } else {
        try {
          ResultFile result = ResultFile.read(reference, file);
          result.command();
          files.add(result);
        } catch (IllegalArgumentException e) {
          problems.add(reference + ": " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return files;
  }

  /** The software the runs used, e.g. {@code kernelnet 0.1.0, DJL 0.35.1, PyTorch 2.7.1, ...}. */
  private static String software(List<ResultFile> files) {
    Set<String> software = new LinkedHashSet<>();
    for (ResultFile file : files) {
      JsonObject p = file.provenance();
      software.add("kernelnet " + Json.string(p, "kernelnet") + ", DJL " + Json.string(p, "djl")
          + ", " + Json.string(p, "engine") + ", Java " + Json.string(p, "java") + ", "
          + Json.string(p, "os") + ", device " + Json.string(p, "device"));
    }
    return "Software: " + String.join("; ", software) + ".";
  }

  private static int line(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
