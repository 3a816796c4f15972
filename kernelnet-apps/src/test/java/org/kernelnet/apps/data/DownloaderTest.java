package org.kernelnet.apps.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every download goes to a {@code file:} URI, an in-process fake or a {@link LocalHttpServer} on
 * the loopback interface: no network.
 */
class DownloaderTest {
  private static final String ENTRY = "ml-test/ratings.dat";
  private static final String RELATIVE = "movielens/ml-test/ratings.dat";
  private static final byte[] CONTENT = "1::10::5::978300760\n2::20::3::978302109\n".getBytes(US_ASCII);

  @TempDir Path tmp;
  private Path server;
  private DataDirectory dataDir;

  @BeforeEach
  void setUp() throws IOException {
    server = Files.createDirectories(tmp.resolve("server"));
    dataDir = DataDirectory.of(tmp.resolve("data"));
  }

  @Test
  void downloadsVerifiesAndExtractsTheEntry() throws IOException {
    byte[] zip = zip(Map.of("ml-test/README", "readme".getBytes(US_ASCII), ENTRY, CONTENT));
    Path zipFile = Files.write(server.resolve("ml-test.zip"), zip);
    List<long[]> progress = new ArrayList<>();
    Downloader downloader = new Downloader(Fetcher.standard(),
        (done, total) -> progress.add(new long[] {done, total}));

    Path result = downloader.fetch(dataDir, RELATIVE, source(zipFile.toUri(), zip));

    assertThat(result).isEqualTo(dataDir.path(RELATIVE));
    assertThat(Files.readAllBytes(result)).isEqualTo(CONTENT);
    assertThat(filesUnder(dataDir.root())).containsExactly(result);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1)).containsExactly(zip.length, zip.length);
  }

  @Test
  void anExistingFileIsReturnedWithoutFetching() throws IOException {
    Path existing = dataDir.path(RELATIVE);
    Files.createDirectories(existing.getParent());
    Files.write(existing, CONTENT);
    Downloader downloader = new Downloader(uri -> {
      throw new AssertionError("must not fetch " + uri);
    }, ProgressListener.NONE);
    byte[] zip = zip(Map.of(ENTRY, CONTENT));

    assertThat(downloader.fetch(dataDir, RELATIVE, source(URI.create("https://example.invalid/z.zip"),
        zip))).isEqualTo(existing);
  }

  @Test
  void checksumMismatchIsRejectedAndNothingIsLeft() throws IOException {
    byte[] zip = zip(Map.of(ENTRY, CONTENT));
    Path zipFile = Files.write(server.resolve("ml-test.zip"), zip);
    byte[] other = zip(Map.of(ENTRY, "1::10::4::978300760\n".getBytes(US_ASCII)));
    RemoteZipEntry wrong = source(zipFile.toUri(), other);
    Downloader downloader = new Downloader(Fetcher.standard(), ProgressListener.NONE);

    assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE, wrong))
        .isInstanceOf(DataUnavailableException.class)
        .hasMessageContaining("checksum mismatch for " + zipFile.toUri())
        .hasMessageContaining("expected MD5 " + hex("MD5", other))
        .hasMessageContaining("got MD5 " + hex("MD5", zip))
        .hasMessageContaining(dataDir.path(RELATIVE).toString());
    assertThat(filesUnder(dataDir.root())).isEmpty();

    Path target = tmp.resolve("direct").resolve("ml-test.zip");
    assertThatThrownBy(() -> downloader.download(zipFile.toUri(), target,
        List.of(Checksum.sha256(hex("SHA-256", other))), 1 << 20))
        .hasMessageContaining("checksum mismatch")
        .hasMessageContaining("got SHA-256 " + hex("SHA-256", zip));
    assertThat(filesUnder(tmp.resolve("direct"))).isEmpty();
  }

  @Test
  void plainDownloadMovesTheVerifiedFileIntoPlace() throws IOException {
    Path file = Files.write(server.resolve("blob.bin"), CONTENT);
    Path target = tmp.resolve("direct").resolve("blob.bin");

    new Downloader(Fetcher.standard(), ProgressListener.NONE).download(file.toUri(), target,
        List.of(Checksum.md5(hex("MD5", CONTENT)), Checksum.sha256(hex("SHA-256", CONTENT))), 1024);

    assertThat(Files.readAllBytes(target)).isEqualTo(CONTENT);
    assertThat(filesUnder(tmp.resolve("direct"))).containsExactly(target);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil.txt", "ml-test/../../evil.txt", "/tmp/kernelnet-evil.txt"})
  void zipSlipEntryRejectsTheArchive(String evil) throws IOException {
    byte[] zip = zip(Map.of(ENTRY, CONTENT, evil, "pwned".getBytes(US_ASCII)));
    Path zipFile = Files.write(server.resolve("ml-test.zip"), zip);
    Downloader downloader = new Downloader(Fetcher.standard(), ProgressListener.NONE);

    assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE, source(zipFile.toUri(), zip)))
        .isInstanceOf(DataUnavailableException.class)
        .hasMessageContaining("zip entry '" + evil + "'")
        .hasMessageContaining("escapes the target folder");
    assertThat(filesUnder(dataDir.root())).isEmpty();
    assertThat(filesUnder(tmp)).containsExactly(zipFile);
    assertThat(Path.of("/tmp/kernelnet-evil.txt")).doesNotExist();
  }

  @Test
  void missingEntryIsRejected() throws IOException {
    byte[] zip = zip(Map.of("ml-test/u.data", CONTENT));
    Path zipFile = Files.write(server.resolve("ml-test.zip"), zip);
    Downloader downloader = new Downloader(Fetcher.standard(), ProgressListener.NONE);

    assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE, source(zipFile.toUri(), zip)))
        .isInstanceOf(DataUnavailableException.class)
        .hasMessageContaining("has no file entry '" + ENTRY + "'; its entries are ml-test/u.data");
    assertThat(filesUnder(dataDir.root())).isEmpty();
  }

  @Test
  void oversizedEntryAndOversizedDownloadAreRejected() throws IOException {
    byte[] zip = zip(Map.of(ENTRY, CONTENT));
    Path zipFile = Files.write(server.resolve("ml-test.zip"), zip);
    Downloader downloader = new Downloader(Fetcher.standard(), ProgressListener.NONE);
    List<Checksum> sums = List.of(Checksum.md5(hex("MD5", zip)));

    RemoteZipEntry smallEntry = new RemoteZipEntry(zipFile.toUri(), sums, ENTRY, 1 << 20, 10);
    assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE, smallEntry))
        .hasMessageContaining("inflates to more than the limit of 10 bytes");
    RemoteZipEntry smallArchive = new RemoteZipEntry(zipFile.toUri(), sums, ENTRY, 20, 1 << 20);
    assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE, smallArchive))
        .hasMessageContaining("announces " + zip.length + " bytes, more than the limit of 20");
    // Without an announced length the limit is enforced while streaming.
    Downloader unannounced = new Downloader(
        uri -> new Fetcher.Response(new ByteArrayInputStream(zip), -1), ProgressListener.NONE);
    assertThatThrownBy(() -> unannounced.fetch(dataDir, RELATIVE, smallArchive))
        .hasMessageContaining("sent more than the limit of 20 bytes");
    assertThat(filesUnder(dataDir.root())).isEmpty();
  }

  @Test
  void truncatedDownloadIsRejected() throws IOException {
    byte[] zip = zip(Map.of(ENTRY, CONTENT));
    Downloader truncating = new Downloader(uri -> new Fetcher.Response(
        new ByteArrayInputStream(zip, 0, zip.length / 2), zip.length), ProgressListener.NONE);

    assertThatThrownBy(() -> truncating.fetch(dataDir, RELATIVE,
        source(URI.create("https://example.invalid/ml-test.zip"), zip)))
        .hasMessageContaining("ended after " + zip.length / 2 + " of " + zip.length + " bytes");
    assertThat(filesUnder(dataDir.root())).isEmpty();
  }

  @Test
  void saysWhatFromWhereAndToWhereBeforeConnecting() throws IOException {
    byte[] zip = zip(Map.of(ENTRY, CONTENT));
    Path zipFile = Files.write(server.resolve("ml-test.zip"), zip);
    List<String> events = new ArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void starting(String what, URI source, Path target) {
        events.add("starting " + what + " from " + source + " to " + target);
      }

      @Override
      public void progress(long bytesDone, long bytesTotal) {}
    };
    Downloader downloader = new Downloader(uri -> {
      events.add("open " + uri);
      return Fetcher.standard().open(uri);
    }, listener);

    downloader.fetch(dataDir, RELATIVE, source(zipFile.toUri(), zip));
    Path direct = tmp.resolve("direct").resolve("blob.bin");
    downloader.download(zipFile.toUri(), direct, List.of(Checksum.md5(hex("MD5", zip))), 1024);

    assertThat(events).containsExactly(
        "starting entry " + ENTRY + " of ml-test.zip from " + zipFile.toUri() + " to "
            + dataDir.path(RELATIVE),
        "open " + zipFile.toUri(),
        "starting blob.bin from " + zipFile.toUri() + " to " + direct,
        "open " + zipFile.toUri());
  }

  @Test
  void overHttpAnErrorStatusWrongBytesOrAStallLeaveNothingBehind() throws IOException {
    byte[] zip = zip(Map.of(ENTRY, CONTENT));
    byte[] other = zip(Map.of(ENTRY, "1::10::4::978300760\n".getBytes(US_ASCII)));
    Downloader downloader = new Downloader(new UrlFetcher(new Fetcher.Timeouts(
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300)),
        InetAddress::getAllByName), ProgressListener.NONE);
    try (LocalHttpServer http = new LocalHttpServer().serve("/other.zip", other)
        .status("/gone.zip", 404).stallAfter("/stalls.zip", 1000, 100)) {
      assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE,
          source(http.uri("/gone.zip"), zip)))
          .isInstanceOf(DataUnavailableException.class)
          .hasMessageContaining("Download " + http.uri("/gone.zip"))
          .hasMessageEndingWith("Automatic download failed: HTTP 404 Not Found from "
              + http.hostAndPort() + ".");
      assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE,
          source(http.uri("/other.zip"), zip)))
          .isInstanceOf(DataUnavailableException.class)
          .hasMessageEndingWith("checksum mismatch for " + http.uri("/other.zip")
              + ": expected MD5 " + hex("MD5", zip) + ", got MD5 " + hex("MD5", other)
              + "; the downloaded bytes were deleted and nothing was written to "
              + dataDir.path(RELATIVE) + ".");
      assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE,
          source(http.uri("/stalls.zip"), zip)))
          .isInstanceOf(DataUnavailableException.class)
          .hasMessageEndingWith(http.hostAndPort() + " sent no data for 0.3 s (read timed out).");
    }
    assertThat(filesUnder(tmp)).isEmpty();
  }

  @Test
  void anUnwritableDataFolderIsNamedWithTheReason() throws IOException {
    Path blocker = Files.write(tmp.resolve("blocker"), CONTENT); // a file where a folder must go
    Path target = blocker.resolve("mnist").resolve("blob.bin");
    Downloader fetching = new Downloader(
        uri -> new Fetcher.Response(new ByteArrayInputStream(CONTENT), CONTENT.length),
        ProgressListener.NONE);

    assertThatThrownBy(() -> fetching.download(URI.create("https://files.example.org/blob.bin"),
        target, List.of(Checksum.md5(hex("MD5", CONTENT))), 1024))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot create a temporary file in " + target.getParent()
            + ": Not a directory");
  }

  @Test
  void offlineNamesTheFileTheExpectedPlaceAndHowToGetIt() throws IOException {
    byte[] zip = zip(Map.of(ENTRY, CONTENT));
    URI uri = URI.create("https://files.example.org/ml-test.zip");

    assertThatThrownBy(() -> Downloader.offline().fetch(dataDir, RELATIVE, source(uri, zip)))
        .isInstanceOf(DataUnavailableException.class)
        .hasMessageStartingWith("Data file " + RELATIVE + " not found: expected at "
            + dataDir.root().resolve(RELATIVE))
        .hasMessageContaining("--data-dir or KERNELNET_DATA_DIR")
        .hasMessageContaining("Download " + uri + " (MD5 " + hex("MD5", zip)
            + ") and extract its entry " + ENTRY + " to that place.")
        .hasMessageContaining("offline mode");
    assertThat(filesUnder(tmp)).isEmpty();
  }

  @Test
  void networkFailureGivesTheSameMessageWithTheCause() throws IOException {
    byte[] zip = zip(Map.of(ENTRY, CONTENT));
    Downloader failing = new Downloader(uri -> {
      throw new java.net.ConnectException("Connection refused");
    }, ProgressListener.NONE);

    assertThatThrownBy(() -> failing.fetch(dataDir, RELATIVE,
        source(URI.create("https://files.example.org/ml-test.zip"), zip)))
        .isInstanceOf(DataUnavailableException.class)
        .hasMessageContaining("expected at " + dataDir.path(RELATIVE))
        .hasMessageEndingWith("Automatic download failed: Connection refused.")
        .hasCauseInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void missingLocalFileUriFails() throws IOException {
    Path absent = server.resolve("absent.zip");
    Downloader downloader = new Downloader(Fetcher.standard(), ProgressListener.NONE);

    assertThatThrownBy(() -> downloader.fetch(dataDir, RELATIVE,
        source(absent.toUri(), new byte[] {1})))
        .isInstanceOf(DataUnavailableException.class)
        .hasMessageContaining(absent.toString());
    assertThat(filesUnder(dataDir.root())).isEmpty();
  }

  private static RemoteZipEntry source(URI uri, byte[] expectedZip) {
    return new RemoteZipEntry(uri, List.of(Checksum.md5(hex("MD5", expectedZip))), ENTRY, 1 << 20,
        1 << 20);
  }

  private static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String hex(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Path> filesUnder(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
