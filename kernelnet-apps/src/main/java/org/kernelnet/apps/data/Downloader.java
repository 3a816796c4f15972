package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.kernelnet.apps.report.IoErrors;

/**
 * Downloads data files safely: into a temporary file next to the target, verified against the
 * published checksums, then moved into place atomically. On any failure the temporary files are
 * deleted (on an interrupted run, when the JVM exits), so a target path either does not exist or
 * holds the complete, verified file. The {@link ProgressListener} is told what is fetched, from
 * where and to where before the connection is made; the {@link Fetcher} bounds how long it waits.
 *
 * <p>Zip archives are read through their central directory. An archive is rejected as a whole if
 * any entry name, resolved against the target folder and normalised, lies outside it ("zip slip");
 * a single named entry is then streamed out with a byte limit.
 */
public final class Downloader {
  private static final int CHUNK = 1 << 16;

  private final Fetcher fetcher;
  private final ProgressListener progress;

  /**
   * @param fetcher opens URIs (the network, a {@code file:} URI, or a fake in tests)
   * @param progress told about download progress
   */
  public Downloader(Fetcher fetcher, ProgressListener progress) {
    this.fetcher = requireNonNull(fetcher, "fetcher is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /** A downloader that never connects, so a missing file fails with {@link #fetch}'s message. */
  public static Downloader offline() {
    return new Downloader(Fetcher.offline(), ProgressListener.NONE);
  }

  /**
   * The file {@code relative} of {@code dataDir}: as it is if present, otherwise downloaded from
   * {@code source} (archive verified, entry extracted) and moved into place.
   *
   * @throws DataUnavailableException if the file is missing and the download fails for any reason
   *     (offline, network, checksum, archive content); the message names the file, the place it is
   *     expected and how to provide it by hand
   */
  public Path fetch(DataDirectory dataDir, String relative, RemoteZipEntry source)
      throws DataUnavailableException {
    requireNonNull(dataDir, "dataDir is null");
    requireNonNull(relative, "relative is null");
    requireNonNull(source, "source is null");
    Path target = dataDir.path(relative);
    if (Files.isRegularFile(target)) {
      return target;
    }
    try {
      return downloadZipEntry(source, target);
    } catch (IOException | RuntimeException e) {
      String cause = String.valueOf(e.getMessage());
      throw new DataUnavailableException(dataDir.missingMessage(relative, source.manualInstructions())
          + " Automatic download failed: " + cause + (cause.endsWith(".") ? "" : "."), e);
    }
  }

  /**
   * Downloads {@code source}'s archive to a temporary file in {@code target}'s folder, verifies it,
   * extracts the entry to {@code target} and deletes the archive.
   *
   * @return {@code target}
   * @throws IOException on a network error, a checksum mismatch, an unsafe or incomplete archive
   */
  public Path downloadZipEntry(RemoteZipEntry source, Path target) throws IOException {
    requireNonNull(source, "source is null");
    requireNonNull(target, "target is null");
    String archive = source.archive().getPath();
    progress.starting("entry " + source.entryName() + " of "
        + (archive == null ? source.archive() : archive.substring(archive.lastIndexOf('/') + 1)),
        source.archive(), target);
    Path zip = downloadVerified(source.archive(), target, source.checksums(),
        source.maxArchiveBytes());
    try {
      return extractEntry(zip, source.entryName(), target, source.maxEntryBytes());
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  /**
   * Downloads {@code uri} to {@code target}: via a temporary file in the same folder, checked
   * against every checksum, then moved into place atomically.
   *
   * @param maxBytes the download is aborted once it exceeds this size
   * @return {@code target}
   * @throws IOException on a network error, a checksum mismatch or an oversized download; no file
   *     is left behind
   */
  public Path download(URI uri, Path target, List<Checksum> checksums, long maxBytes)
      throws IOException {
    requireNonNull(uri, "uri is null");
    requireNonNull(target, "target is null");
    progress.starting(String.valueOf(target.getFileName()), uri, target);
    Path temp = downloadVerified(uri, target, checksums, maxBytes);
    try {
      moveIntoPlace(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** Downloads {@code uri} to a verified temporary file in the folder of {@code target}. */
  private Path downloadVerified(URI uri, Path target, List<Checksum> checksums, long maxBytes)
      throws IOException {
    requireNonNull(uri, "uri is null");
    Path folder = folderOf(target);
    List<Checksum> expected = List.copyOf(requireNonNull(checksums, "checksums is null"));
    if (expected.isEmpty()) {
      throw new IllegalArgumentException("at least one checksum is required for " + uri);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be > 0, got " + maxBytes);
    }
    List<MessageDigest> digests = new ArrayList<>();
    for (Checksum c : expected) {
      digests.add(c.newDigest());
    }
    Fetcher.Response response = fetcher.open(uri);
    long total = response.contentLength();
    if (total > maxBytes) {
      response.body().close();
      throw new IOException(uri + " announces " + total + " bytes, more than the limit of "
          + maxBytes);
    }
    Path temp;
    try {
      temp = createTemp(folder, ".download-");
    } catch (IOException e) {
      response.body().close();
      throw e;
    }
    boolean ok = false;
    try {
      try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(temp)) {
        byte[] buffer = new byte[CHUNK];
        long done = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
          done += n;
          if (done > maxBytes) {
            throw new IOException(uri + " sent more than the limit of " + maxBytes + " bytes");
          }
          for (MessageDigest d : digests) {
            d.update(buffer, 0, n);
          }
          write(out, buffer, n, temp);
          progress.progress(done, total);
        }
        if (total >= 0 && done != total) {
          throw new IOException(uri + " ended after " + done + " of " + total + " bytes");
        }
      }
      for (int i = 0; i < expected.size(); i++) {
        byte[] actual = digests.get(i).digest();
        if (!expected.get(i).matches(actual)) {
          throw new IOException("checksum mismatch for " + uri + ": expected "
              + expected.get(i) + ", got " + expected.get(i).algorithm() + " "
              + HexFormat.of().formatHex(actual) + "; the downloaded bytes were deleted and"
              + " nothing was written to " + target);
        }
      }
      ok = true;
      return temp;
    } finally {
      if (!ok) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Extracts the entry {@code entryName} of {@code zip} to {@code target}, through a temporary file
   * in the same folder and an atomic move.
   *
   * @param maxBytes an entry that inflates to more bytes than this is rejected
   * @return {@code target}
   * @throws IOException if any entry of the archive escapes {@code target}'s folder, if the entry is
   *     missing or a directory, or if it is larger than {@code maxBytes}; no file is left behind
   */
  public static Path extractEntry(Path zip, String entryName, Path target, long maxBytes)
      throws IOException {
    requireNonNull(zip, "zip is null");
    requireNonNull(entryName, "entryName is null");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be > 0, got " + maxBytes);
    }
    Path folder = folderOf(target);
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      List<String> names = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = archive.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (!staysInside(folder, name)) {
          throw new IOException("zip entry '" + name + "' of " + zip + " escapes the target folder "
              + folder + "; the archive is rejected");
        }
        names.add(name);
      }
      ZipEntry entry = archive.getEntry(entryName);
      if (entry == null || entry.isDirectory()) {
        throw new IOException(zip + " has no file entry '" + entryName + "'; its entries are "
            + names.stream().limit(20).collect(Collectors.joining(", "))
            + (names.size() > 20 ? ", ... (" + names.size() + " in all)" : ""));
      }
      Path temp = createTemp(folder, ".extract-");
      try {
        try (InputStream in = archive.getInputStream(entry);
            OutputStream out = Files.newOutputStream(temp)) {
          byte[] buffer = new byte[CHUNK];
          long done = 0;
          for (int n; (n = in.read(buffer)) >= 0; ) {
            done += n;
            if (done > maxBytes) {
              throw new IOException("zip entry '" + entryName + "' of " + zip
                  + " inflates to more than the limit of " + maxBytes + " bytes");
            }
            write(out, buffer, n, temp);
          }
        }
        moveIntoPlace(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    return target;
  }

  private static boolean staysInside(Path folder, String entryName) {
    try {
      return !entryName.isEmpty() && folder.resolve(entryName).normalize().startsWith(folder);
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static Path folderOf(Path target) {
    requireNonNull(target, "target is null");
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("target " + target + " has no parent folder");
    }
    return parent;
  }

  /**
   * A new hidden temporary file in {@code folder} (created if needed), deleted when the JVM exits
   * if it is still there, so an interrupted download leaves nothing behind.
   */
  private static Path createTemp(Path folder, String prefix) throws IOException {
    Path temp;
    try {
      Files.createDirectories(folder);
      temp = Files.createTempFile(folder, prefix, ".part");
    } catch (IOException e) {
      throw new IOException(IoErrors.message("create a temporary file in", folder, e), e);
    }
    temp.toFile().deleteOnExit();
    return temp;
  }

  private static void write(OutputStream out, byte[] buffer, int length, Path file)
      throws IOException {
    try {
      out.write(buffer, 0, length);
    } catch (IOException e) {
      throw new IOException(IoErrors.message("write", file, e), e);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IOException("cannot move " + temp + " to " + target + ": " + IoErrors.reason(e), e);
    }
  }
}
