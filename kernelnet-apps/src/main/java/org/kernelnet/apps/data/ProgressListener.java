package org.kernelnet.apps.data;

/** Told how a download proceeds: bytes received so far and the total, or -1 if unknown. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Called after each chunk and once at the end.
   *
   * @param bytesDone bytes received so far, {@code >= 0}
   * @param bytesTotal the announced total, or {@code -1} when the server did not announce it
   */
  void progress(long bytesDone, long bytesTotal);
}
