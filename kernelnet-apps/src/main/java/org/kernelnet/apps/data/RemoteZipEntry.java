package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a data file can be downloaded from: one entry of a published zip archive, with the
 * archive's published checksums and size limits that bound the download and the extraction.
 *
 * @param archive the archive's URI
 * @param checksums the archive's expected digests, at least one; all must match
 * @param entryName the entry's path inside the archive, e.g. {@code ml-1m/ratings.dat}
 * @param maxArchiveBytes a download larger than this is aborted
 * @param maxEntryBytes an entry that inflates to more than this is rejected
 */
public record RemoteZipEntry(URI archive, List<Checksum> checksums, String entryName,
    long maxArchiveBytes, long maxEntryBytes) {
  /** Checks every field. */
  public RemoteZipEntry {
    requireNonNull(archive, "archive is null");
    requireNonNull(entryName, "entryName is null");
    checksums = List.copyOf(requireNonNull(checksums, "checksums is null"));
    if (checksums.isEmpty()) {
      throw new IllegalArgumentException("at least one checksum is required for " + archive);
    }
    if (entryName.isEmpty()) {
      throw new IllegalArgumentException("entryName must not be empty");
    }
    if (maxArchiveBytes <= 0) {
      throw new IllegalArgumentException("maxArchiveBytes must be > 0, got " + maxArchiveBytes);
    }
    if (maxEntryBytes <= 0) {
      throw new IllegalArgumentException("maxEntryBytes must be > 0, got " + maxEntryBytes);
    }
  }

  /** How a user gets the file by hand, for {@link DataDirectory#missingMessage}. */
  public String manualInstructions() {
    return "Download " + archive + " (" + checksums.stream().map(Checksum::toString)
        .collect(Collectors.joining(", ")) + ") and extract its entry " + entryName + " to that place.";
  }
}
