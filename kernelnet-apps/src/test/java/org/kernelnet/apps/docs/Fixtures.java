package org.kernelnet.apps.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The result files under {@code src/test/resources/org/kernelnet/apps/docs}: real files written by
 * the applications (quick runs for MNIST, embeddings and CIFAR), with their per-epoch and
 * per-checkpoint histories cut to the first entry.
 */
final class Fixtures {
  private Fixtures() {}

  /** Copies the named fixtures into {@code folder}. */
  static void copy(Path folder, String... names) {
    for (String name : names) {
      try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalArgumentException("no test resource " + name);
        }
        Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The named fixtures, read as a page next to them would name them. */
  static List<ResultFile> read(Path folder, String... names) {
    copy(folder, names);
    List<ResultFile> files = new ArrayList<>();
    for (String name : names) {
      files.add(ResultFile.read(name, folder.resolve(name)));
    }
    return files;
  }
}
