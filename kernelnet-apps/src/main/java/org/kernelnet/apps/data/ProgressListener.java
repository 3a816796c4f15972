package org.kernelnet.apps.data;

import java.net.URI;
import java.nio.file.Path;

/**
 * Told how a download proceeds: what is fetched, from where and to where before it starts, then
 * the bytes received so far and the total, or -1 if unknown.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Called once before connecting to {@code source}. Does nothing unless overridden.
   *
   * @param what what is fetched, e.g. {@code train-images-idx3-ubyte.gz} or {@code entry
   *     ml-1m/ratings.dat of ml-1m.zip}
   * @param source where it is fetched from
   * @param target the file it becomes once verified
   */
  default void starting(String what, URI source, Path target) {}

  /**
   * Called after each chunk and once at the end.
   *
   * @param bytesDone bytes received so far, {@code >= 0}
   * @param bytesTotal the announced total, or {@code -1} when the server did not announce it
   */
  void progress(long bytesDone, long bytesTotal);
}
