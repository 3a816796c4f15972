package org.kernelnet.apps.data;

import java.io.IOException;

/**
 * A data file is neither in the data directory nor obtainable by download. The message is meant
 * for the user as it is: it names the file, where it is expected, and how to provide it (see
 * {@link DataDirectory#missingMessage}).
 */
public final class DataUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  /** With the user-facing {@code message} and the failure that stopped the download, if any. */
  public DataUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
