package org.kernelnet.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@code kernelnet} command run in a child JVM and killed with SIGKILL (no shutdown hook runs,
 * as after a power cut or the kernel's out-of-memory killer) as soon as a condition on its run
 * folder holds, such as its first checkpoint having appeared.
 */
final class KilledRun {
  private KilledRun() {}

  /**
   * Starts {@code kernelnet args} with {@code home} as the user's home, waits until {@code killNow}
   * holds (polled every 10 ms, for at most two minutes), then kills the child and waits for it.
   *
   * @return the child's output up to the kill (standard error and output together)
   */
  static String killWhen(Path home, BooleanSupplier killNow, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = new ArrayList<>(List.of(java, "-Dai.djl.offline=true",
        "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
        Kernelnet.class.getName()));
    command.addAll(List.of(args));
    Path log = home.resolve("child-" + System.nanoTime() + ".log");
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!killNow.getAsBoolean()) {
        assertThat(child.isAlive()).as("the child is running: %s", read(log)).isTrue();
        assertThat(System.nanoTime()).as("time to the kill: %s", read(log)).isLessThan(deadline);
        Thread.sleep(10);
      }
    } finally {
      child.destroyForcibly(); // SIGKILL
      child.waitFor(30, TimeUnit.SECONDS);
    }
    return read(log);
  }

  private static String read(Path log) {
    try {
      return java.nio.file.Files.readString(log);
    } catch (java.io.IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
