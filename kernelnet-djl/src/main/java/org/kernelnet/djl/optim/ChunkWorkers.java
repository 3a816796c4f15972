package org.kernelnet.djl.optim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed group of worker threads that, together with the calling thread, runs one {@link Pass}
 * over chunks {@code 0 .. chunks - 1} at a time, each chunk exactly once.
 *
 * <p>Chunks are claimed from a shared counter, so which thread runs a chunk depends on timing; a
 * pass must therefore write only to its chunk's slice of the vectors and its chunk's slot of the
 * partial sums, which the caller then combines in chunk order. {@link #run} returns after every
 * chunk is done, with the workers' writes visible to the caller. Nothing is allocated per pass.
 * {@link #close} stops and joins the workers. Used by one thread at a time.
 */
final class ChunkWorkers implements AutoCloseable {
  /** The work of one chunk. */
  interface Pass {
    void runChunk(int chunk);
  }

  private final Thread[] workers;
  private final AtomicInteger nextChunk = new AtomicInteger();
  private Pass pass;
  private int chunks;
  private long generation;
  private int busy;
  private boolean closed;
  private Throwable failure;

  /**
   * Starts {@code threads} daemon workers named {@code name-1 ...}.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  ChunkWorkers(int threads, String name) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(this::work, name + "-" + (t + 1));
      worker.setDaemon(true);
      workers[t] = worker;
    }
    for (Thread worker : workers) {
      worker.start();
    }
  }

  /** Runs {@code pass} on chunks {@code 0 .. chunks - 1} in this thread and the workers. */
  void run(Pass pass, int chunks) {
    synchronized (this) {
      this.pass = pass;
      this.chunks = chunks;
      nextChunk.set(0);
      busy = workers.length;
      generation++;
      notifyAll();
    }
    claimAll(pass, chunks);
    synchronized (this) {
      boolean interrupted = false;
      while (busy > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      this.pass = null;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        Throwable t = failure;
        failure = null;
        if (t instanceof RuntimeException) {
          throw (RuntimeException) t;
        }
        if (t instanceof Error) {
          throw (Error) t;
        }
        throw new IllegalStateException("a worker failed", t);
      }
    }
  }

  private void claimAll(Pass pass, int chunks) {
    for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
      pass.runChunk(c);
    }
  }

  private void work() {
    long seen = 0;
    while (true) {
      Pass current;
      int count;
      synchronized (this) {
        while (!closed && generation == seen) {
          try {
            wait();
          } catch (InterruptedException e) {
            // Only close() ends a worker.
          }
        }
        if (closed) {
          return;
        }
        seen = generation;
        current = pass;
        count = chunks;
      }
      Throwable error = null;
      try {
        claimAll(current, count);
      } catch (Throwable t) {
        error = t;
        // Skip the remaining chunks so the pass ends promptly; the caller rethrows.
        nextChunk.set(count);
      }
      synchronized (this) {
        if (error != null && failure == null) {
          failure = error;
        }
        busy--;
        if (busy == 0) {
          notifyAll();
        }
      }
    }
  }

  /** Stops the workers and waits for them to end. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        try {
          worker.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
