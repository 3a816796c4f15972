package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;

/**
 * Opens a URI for reading: the one place a {@link Downloader} touches the network, so tests inject
 * a fake or a {@code file:} URI instead.
 */
@FunctionalInterface
public interface Fetcher {
  /** An open body and its announced length ({@code -1} if unknown); the caller closes the body. */
  record Response(InputStream body, long contentLength) {
    /** Checks the body is present. */
    public Response {
      requireNonNull(body, "body is null");
    }
  }

  /**
   * Opens {@code uri}.
   *
   * @throws IOException if the resource cannot be reached (no network, HTTP error, missing file);
   *     the message names the host (or file) and the cause
   */
  Response open(URI uri) throws IOException;

  /**
   * How long a fetch waits before it gives up: for the host name's DNS lookup, for the connection
   * to be made, and for each read of data once connected.
   *
   * @param lookup the most time a DNS lookup may take, {@code > 0}
   * @param connect the most time connecting may take, {@code > 0}
   * @param read the most time between two pieces of data, {@code > 0}
   */
  record Timeouts(Duration lookup, Duration connect, Duration read) {
    /**
     * 5 s lookup and 10 s connect, so an unreachable host fails within 15 s; 15 s without data
     * from a server that answered.
     */
    public static final Timeouts STANDARD =
        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));

    /** Checks every timeout is positive and fits in an {@code int} of milliseconds. */
    public Timeouts {
      check("lookup", lookup);
      check("connect", connect);
      check("read", read);
    }

    private static void check(String name, Duration timeout) {
      requireNonNull(timeout, name + " is null");
      if (timeout.toMillis() <= 0 || timeout.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(name + " timeout must be in 1 ms.." + Integer.MAX_VALUE
            + " ms, got " + timeout);
      }
    }
  }

  /** An {@link UrlFetcher} with the {@link Timeouts#STANDARD standard timeouts} and DNS. */
  static Fetcher standard() {
    return new UrlFetcher(Timeouts.STANDARD, InetAddress::getAllByName);
  }

  /** A fetcher that never connects: every {@code open} fails, saying that downloads are off. */
  static Fetcher offline() {
    return uri -> {
      throw new IOException("downloads are disabled (offline mode), not fetching " + uri);
    };
  }
}
