package org.kernelnet.apps.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A data file an application read, identified by its SHA-256, for {@link Provenance}.
 *
 * @param role what the file is, e.g. {@code ratings} or {@code train-images}
 * @param path the absolute path it was read from
 * @param sha256 the lower-case hex SHA-256 of its bytes
 */
public record DataFile(String role, String path, String sha256) {
  /** Validates the record. */
  public DataFile {
    requireNonNull(role, "role is null");
    requireNonNull(path, "path is null");
    requireNonNull(sha256, "sha256 is null");
  }

  /** Hashes {@code file} (streamed). */
  public static DataFile of(String role, Path file) {
    requireNonNull(file, "file is null");
    return new DataFile(role, file.toAbsolutePath().toString(), sha256(file));
  }

  /** The lower-case hex SHA-256 of a file's bytes. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to compute its checksum", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
