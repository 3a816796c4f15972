package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
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
   * @throws IOException if the resource cannot be reached (no network, HTTP error, missing file)
   */
  Response open(URI uri) throws IOException;

  /**
   * The JDK's {@link URLConnection}: {@code https}, {@code http} and {@code file} URIs. An HTTP
   * status other than 2xx is an {@link IOException} naming the status and the URI.
   */
  static Fetcher urlConnection(Duration connectTimeout, Duration readTimeout) {
    requireNonNull(connectTimeout, "connectTimeout is null");
    requireNonNull(readTimeout, "readTimeout is null");
    return uri -> {
      URLConnection connection = uri.toURL().openConnection();
      connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
      connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
      if (connection instanceof HttpURLConnection http) {
        http.setInstanceFollowRedirects(true);
        int status = http.getResponseCode();
        if (status / 100 != 2) {
          http.disconnect();
          throw new IOException("HTTP " + status + " for " + uri);
        }
      }
      return new Response(connection.getInputStream(), connection.getContentLengthLong());
    };
  }

  /** {@link #urlConnection} with a 30 s connect and a 60 s read timeout. */
  static Fetcher standard() {
    return urlConnection(Duration.ofSeconds(30), Duration.ofSeconds(60));
  }

  /** A fetcher that never connects: every {@code open} fails, saying that downloads are off. */
  static Fetcher offline() {
    return uri -> {
      throw new IOException("downloads are disabled (offline mode), not fetching " + uri);
    };
  }
}
