package org.kernelnet.apps.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything observable of a folder tree, to show that something left it untouched: every entry's
 * relative path, kind, size, modification time and (for files) bytes, compared by value.
 *
 * @param entries each entry's description by relative path
 */
public record FolderSnapshot(Map<String, String> entries) {
  /** Reads the tree under {@code root}. */
  public static FolderSnapshot of(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        BasicFileAttributes a =
            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String bytes = a.isRegularFile() ? DataFile.sha256(path) : "-";
        entries.put(root.relativize(path).toString(), (a.isDirectory() ? "dir " : "file ")
            + a.size() + " bytes, modified " + a.lastModifiedTime() + ", sha256 " + bytes);
      }
    }
    return new FolderSnapshot(entries);
  }
}
