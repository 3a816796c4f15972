package org.kernelnet.apps.data;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP server on the loopback interface for download tests: {@link #serve} answers a path with
 * bytes, {@link #status} with an error status, {@link #stallAfter} sends part of a body and then
 * nothing until the server is closed.
 */
final class LocalHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final CountDownLatch closing = new CountDownLatch(1);

  LocalHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "local-http-server");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
  }

  /** Answers {@code path} with status 200 and {@code body}. */
  LocalHttpServer serve(String path, byte[] body) {
    server.createContext(path, exchange -> {
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    return this;
  }

  /** Answers {@code path} with {@code status} and no body. */
  LocalHttpServer status(String path, int status) {
    server.createContext(path, exchange -> {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    return this;
  }

  /** Announces {@code length} bytes at {@code path}, sends {@code sent} of them, then stalls. */
  LocalHttpServer stallAfter(String path, int length, int sent) {
    server.createContext(path, exchange -> {
      exchange.sendResponseHeaders(200, length);
      OutputStream out = exchange.getResponseBody();
      out.write(new byte[sent]);
      out.flush();
      try {
        closing.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    return this;
  }

  /** The URI of {@code path} on this server. */
  URI uri(String path) {
    return URI.create("http://" + hostAndPort() + path);
  }

  /** {@code 127.0.0.1:port}, as download errors name the server. */
  String hostAndPort() {
    return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
