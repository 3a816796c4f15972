package org.kernelnet.apps.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a download can fail to start names its cause and the server, and none waits longer than
 * its timeout: a local HTTP server, closed and silent ports on the loopback interface, and a host
 * under the {@code .invalid} top-level domain, which never exists (RFC 2606).
 */
class UrlFetcherTest {
  private static final byte[] CONTENT = "1::10::5::978300760\n".getBytes(US_ASCII);
  private static final Fetcher.Timeouts FAST = new Fetcher.Timeouts(
      Duration.ofMillis(1500), Duration.ofMillis(500), Duration.ofMillis(300));
  /** Far below the standard timeouts, far above the fast ones. */
  private static final long QUICK_MILLIS = 3_000;

  private final UrlFetcher fetcher = new UrlFetcher(FAST, InetAddress::getAllByName);
  private final List<AutoCloseable> resources = new ArrayList<>();
  private LocalHttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = new LocalHttpServer().serve("/data.bin", CONTENT).status("/missing", 404)
        .status("/broken", 500).stallAfter("/stalls", 1000, 10);
  }

  @AfterEach
  void close() throws Exception {
    server.close();
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  /** The failure of opening (and reading) {@code uri}, checked to come within QUICK_MILLIS. */
  private Throwable failureOf(URI uri) {
    long start = System.nanoTime();
    Throwable failure = catchThrowable(() -> {
      try (InputStream body = fetcher.open(uri).body()) {
        body.readAllBytes();
      }
    });
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds to fail")
        .isLessThan(QUICK_MILLIS);
    assertThat(failure).as("failure of %s", uri).isNotNull();
    return failure;
  }

  @Test
  void servesTheBodyWithItsLength() throws IOException {
    Fetcher.Response response = fetcher.open(server.uri("/data.bin"));
    try (InputStream body = response.body()) {
      assertThat(body.readAllBytes()).isEqualTo(CONTENT);
    }
    assertThat(response.contentLength()).isEqualTo(CONTENT.length);
  }

  @ParameterizedTest
  @CsvSource({"/missing, HTTP 404 Not Found", "/broken, HTTP 500 Internal Server Error"})
  void anHttpErrorNamesTheStatusAndTheServer(String path, String status) {
    assertThat(failureOf(server.uri(path))).isInstanceOf(IOException.class)
        .hasMessage(status + " from " + server.hostAndPort());
  }

  @Test
  void aClosedPortIsARefusedConnection() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    assertThat(failureOf(URI.create("http://127.0.0.1:" + port + "/data.bin")))
        .isInstanceOf(ConnectException.class)
        .hasMessage("connection refused by 127.0.0.1:" + port + " (no server listens there)");
  }

  @Test
  void aServerThatAcceptsButNeverAnswersTimesOutReading() throws IOException {
    ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    resources.add(silent); // the kernel accepts connections into the backlog; nobody answers

    assertThat(failureOf(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/data.bin")))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("127.0.0.1:" + silent.getLocalPort() + " sent no data for 0.3 s (read timed"
            + " out)");
  }

  @Test
  void aBodyThatStallsTimesOutReading() {
    assertThat(failureOf(server.uri("/stalls"))).isInstanceOf(SocketTimeoutException.class)
        .hasMessage(server.hostAndPort() + " sent no data for 0.3 s (read timed out)");
  }

  @Test
  void aServerWhoseBacklogIsFullTimesOutConnecting() throws IOException {
    ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    resources.add(full);
    InetSocketAddress address =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort());
    boolean dropping = false;
    for (int i = 0; i < 8 && !dropping; i++) {
      Socket client = new Socket();
      resources.add(client);
      try {
        client.connect(address, 200);
      } catch (SocketTimeoutException e) {
        dropping = true;
      }
    }
    Assumptions.assumeTrue(dropping, "this system does not drop connections to a full backlog"
        + " (Linux does), so a connection cannot be made to time out here");

    assertThat(failureOf(URI.create("http://127.0.0.1:" + full.getLocalPort() + "/data.bin")))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("connecting to 127.0.0.1:" + full.getLocalPort() + " timed out after 0.5 s");
  }

  @Test
  void anUnknownHostIsNamed() {
    Throwable failure = failureOf(URI.create("https://kernelnet-download-test.invalid/x.zip"));
    Assumptions.assumeFalse(failure instanceof SocketTimeoutException, "DNS here does not answer"
        + " within 1.5 s, so the lookup timed out (" + failure.getMessage() + "); that path is"
        + " tested with a slow lookup");

    assertThat(failure).isInstanceOf(UnknownHostException.class)
        .hasMessage("unknown host kernelnet-download-test.invalid: DNS knows no such name"
            + " (misspelt, or this machine is offline)");
  }

  @Test
  void aLookupThatHangsTimesOut() {
    UrlFetcher hanging = new UrlFetcher(FAST, host -> {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new UnknownHostException(host);
    });
    long start = System.nanoTime();

    assertThatThrownBy(() -> hanging.open(URI.create("https://files.example.org/x.zip")))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("looking up the host files.example.org timed out after 1.5 s (no answer from"
            + " DNS: is this machine offline?)");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(QUICK_MILLIS);
  }

  @Test
  void theStandardTimeoutsFailAnUnreachableHostWithinAbout15Seconds() {
    Fetcher.Timeouts standard = Fetcher.Timeouts.STANDARD;
    assertThat(standard.lookup().plus(standard.connect())).isEqualTo(Duration.ofSeconds(15));
    assertThat(standard.read()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> new Fetcher.Timeouts(Duration.ZERO, FAST.connect(), FAST.read()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lookup timeout must be in 1 ms..2147483647 ms, got PT0S");
    assertThatThrownBy(() -> new Fetcher.Timeouts(FAST.lookup(), FAST.connect(), null))
        .isInstanceOf(NullPointerException.class).hasMessage("read is null");
  }
}
