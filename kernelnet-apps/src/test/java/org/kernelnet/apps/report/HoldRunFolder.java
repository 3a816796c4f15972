package org.kernelnet.apps.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A process for {@link RunFolderTest}: opens the run folder {@code args[0]}, writes {@code a.json},
 * prints {@code open} and waits to be stopped (it never ends the run itself).
 */
public final class HoldRunFolder {
  private HoldRunFolder() {}

  public static void main(String[] args) throws Exception {
    RunFolder folder = RunFolder.open(new RunFolder.Request(Optional.of(Path.of(args[0])),
        Path.of("unused"), RunFolder.Mode.NEW, false, "hold", List.of(args), List.of()));
    folder.writer().writeJson("a.json", List.of(1, 2, 3));
    System.out.println("open");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
