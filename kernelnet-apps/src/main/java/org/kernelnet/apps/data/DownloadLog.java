package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.kernelnet.apps.report.ProgressLog;

/**
 * Reports downloads in a {@link ProgressLog}: one line saying what is fetched, from where and to
 * where before the connection is made, then the megabytes received (throttled by the log).
 */
public final class DownloadLog implements ProgressListener {
  private final ProgressLog log;

  /** @param log where the lines go */
  public DownloadLog(ProgressLog log) {
    this.log = requireNonNull(log, "log is null");
  }

  @Override
  public void starting(String what, URI source, Path target) {
    log.always("downloading %s from %s to %s", what, source, target);
  }

  @Override
  public void progress(long bytesDone, long bytesTotal) {
    log.throttled("downloaded %.1f of %s MB", bytesDone / 1e6,
        bytesTotal < 0 ? "?" : String.format(Locale.ROOT, "%.1f", bytesTotal / 1e6));
  }
}
