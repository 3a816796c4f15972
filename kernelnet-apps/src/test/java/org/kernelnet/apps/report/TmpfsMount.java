package org.kernelnet.apps.report;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a test's folder, to give a run a read-only or a full disk, which file
 * permissions cannot do for root. Mounting needs root (or CAP_SYS_ADMIN): where it fails, the
 * calling test is skipped with the reason.
 */
public final class TmpfsMount implements AutoCloseable {
  private final Path dir;

  private TmpfsMount(Path dir) {
    this.dir = dir;
  }

  /**
   * Mounts a tmpfs with {@code options} (e.g. {@code size=256k} or {@code ro,size=1m}) on {@code
   * dir}, an existing folder; skips the calling test (an assumption) if that is not possible here.
   */
  public static TmpfsMount mount(Path dir, String options)
      throws IOException, InterruptedException {
    Result result = run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
    assumeThat(result.status()).as("mount -t tmpfs -o %s on %s is not possible here: %s", options,
        dir, result.output()).isZero();
    return new TmpfsMount(dir);
  }

  /** Unmounts it. */
  @Override
  public void close() throws IOException, InterruptedException {
    Result result = run(List.of("umount", dir.toString()));
    if (result.status() != 0) {
      throw new IOException("umount " + dir + " failed: " + result.output());
    }
  }

  private record Result(int status, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(-1, e.getMessage()); // no such command
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return new Result(-1, String.join(" ", command) + " did not finish in 30 s");
    }
    return new Result(process.exitValue(), output.strip());
  }
}
