package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link Fetcher} on the JDK's {@link URLConnection} ({@code https}, {@code http} and {@code
 * file} URIs) that gives up within its {@link Fetcher.Timeouts} and says why, in a message that
 * names the host and port: unknown host, DNS lookup timed out, connection refused, no route,
 * connecting timed out, no data (read timed out), or the HTTP status other than 2xx.
 *
 * <p>The host name is looked up first, on a daemon thread bounded by the lookup timeout, because
 * {@code URLConnection}'s own timeouts do not cover DNS, which can hang for tens of seconds on a
 * machine without a network. The JVM caches the answer, so the connection does not look it up
 * again. The lookup is skipped when a proxy is configured for the URI (the proxy resolves it).
 */
public final class UrlFetcher implements Fetcher {
  /** Finds the addresses of a host name; {@link InetAddress#getAllByName} in production. */
  @FunctionalInterface
  public interface HostLookup {
    /**
     * The addresses of {@code host}.
     *
     * @throws UnknownHostException if it has none
     */
    InetAddress[] lookup(String host) throws UnknownHostException;
  }

  private final Fetcher.Timeouts timeouts;
  private final HostLookup lookup;

  /**
   * @param timeouts how long the lookup, the connection and each read may take
   * @param lookup how host names are looked up
   */
  public UrlFetcher(Fetcher.Timeouts timeouts, HostLookup lookup) {
    this.timeouts = requireNonNull(timeouts, "timeouts is null");
    this.lookup = requireNonNull(lookup, "lookup is null");
  }

  @Override
  public Response open(URI uri) throws IOException {
    requireNonNull(uri, "uri is null");
    String host = uri.getHost();
    if (host != null && isDirect(uri)) {
      lookUp(host);
    }
    String where = host == null ? uri.getPath() : host + ":" + port(uri);
    URLConnection connection = uri.toURL().openConnection();
    connection.setConnectTimeout(Math.toIntExact(timeouts.connect().toMillis()));
    connection.setReadTimeout(Math.toIntExact(timeouts.read().toMillis()));
    try {
      if (connection instanceof HttpURLConnection http) {
        http.setInstanceFollowRedirects(true);
        int status = http.getResponseCode();
        if (status / 100 != 2) {
          String reason = http.getResponseMessage();
          http.disconnect();
          throw new IOException("HTTP " + status + (reason == null ? "" : " " + reason) + " from "
              + where);
        }
      }
      InputStream body = connection.getInputStream();
      return new Response(new Body(body, host, where), connection.getContentLengthLong());
    } catch (IOException e) {
      throw explained(e, host, where);
    }
  }

  private static boolean isDirect(URI uri) {
    ProxySelector selector = ProxySelector.getDefault();
    if (selector == null || uri.getScheme() == null || uri.getScheme().equals("file")) {
      return true;
    }
    List<Proxy> proxies = selector.select(uri);
    return proxies.isEmpty() || proxies.get(0).type() == Proxy.Type.DIRECT;
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }

  /** Looks {@code host} up within the lookup timeout. */
  private void lookUp(String host) throws IOException {
    FutureTask<InetAddress[]> task = new FutureTask<>(() -> lookup.lookup(host));
    Thread thread = new Thread(task, "kernelnet-lookup-" + host);
    thread.setDaemon(true); // a lookup stuck in the resolver must not keep the JVM alive
    thread.start();
    try {
      task.get(timeouts.lookup().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new SocketTimeoutException("looking up the host " + host + " timed out after "
          + seconds(timeouts.lookup()) + " (no answer from DNS: is this machine offline?)");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownHostException unknown) {
        throw unknownHost(host, unknown);
      }
      throw new IOException("looking up the host " + host + " failed: " + e.getCause(),
          e.getCause());
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while looking up the host " + host);
    }
  }

  private static UnknownHostException unknownHost(String host, UnknownHostException cause) {
    UnknownHostException e = new UnknownHostException("unknown host " + host + ": DNS knows no"
        + " such name (misspelt, or this machine is offline)");
    e.initCause(cause);
    return e;
  }

  /** {@code e} with a message naming {@code where} and what went wrong, of the same kind. */
  private IOException explained(IOException e, String host, String where) {
    IOException explained;
    if (e instanceof SocketTimeoutException) {
      explained = new SocketTimeoutException(timedOut(e, where));
    } else if (e instanceof ConnectException) {
      explained = new ConnectException("Connection refused".equals(e.getMessage())
          ? "connection refused by " + where + " (no server listens there)"
          : "cannot connect to " + where + ": " + e.getMessage());
    } else if (e instanceof NoRouteToHostException) {
      explained = new NoRouteToHostException("no route to " + where + ": " + e.getMessage());
    } else if (e instanceof UnknownHostException unknown) { // e.g. the host of a redirect
      return unknownHost(host + " (or the host it redirected to)", unknown);
    } else {
      return e;
    }
    explained.initCause(e);
    return explained;
  }

  /** Why a socket timed out: connecting, or waiting for data (the JDK says which). */
  private String timedOut(IOException e, String where) {
    boolean read = e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).contains("read");
    return read
        ? where + " sent no data for " + seconds(timeouts.read()) + " (read timed out)"
        : "connecting to " + where + " timed out after " + seconds(timeouts.connect());
  }

  private static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  /** A response body whose read failures name the host and the cause. */
  private final class Body extends FilterInputStream {
    private final String host;
    private final String where;

    Body(InputStream in, String host, String where) {
      super(in);
      this.host = host;
      this.where = where;
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw failed(e);
      }
    }

    private IOException failed(IOException e) {
      IOException explained = explained(e, host, where);
      return explained != e ? explained
          : new IOException("reading from " + where + " failed: " + e.getMessage(), e);
    }
  }
}
