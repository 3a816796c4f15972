package org.kernelnet.apps.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident memory of this process (Java heap and native memory such as PyTorch's tensors
 * together), read from Linux's {@code /proc/self/status} ({@code VmHWM}).
 */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** The peak resident set size in bytes, or -1 where {@code /proc/self/status} is unavailable. */
  public static long peakResidentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String[] fields = line.substring(6).trim().split("\\s+");
          return Long.parseLong(fields[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The peak resident set size in GiB (2^30 bytes), or NaN where it is unavailable. */
  public static double peakResidentGib() {
    return gib(peakResidentBytes());
  }

  /** {@code bytes} in GiB (2^30 bytes); NaN for a negative count (unknown). */
  public static double gib(long bytes) {
    return bytes < 0 ? Double.NaN : bytes / (double) (1L << 30);
  }
}
