package org.kernelnet.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.kernelnet.apps.report.RunStatus;

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

  /**
   * The test of a resumable command: runs it uninterrupted into {@code home/whole}, runs it into
   * {@code home/killed} killed once {@code killNow} holds for that folder, resumes it there
   * ({@code --resume}) and checks that the resumed run exits 0, logs {@code resumedLine} (a
   * regular expression), ends complete and writes the JSON {@code results} of the uninterrupted
   * run, the members {@code runSpecific} (times) apart.
   *
   * @param command the command line of a run into the given folder
   * @return the two folders, uninterrupted and resumed, for further checks
   */
  static Path[] resumedAsUninterrupted(Path home, Function<Path, String[]> command,
      Predicate<Path> killNow, String resumedLine, String results, Set<String> runSpecific)
      throws Exception {
    Path whole = home.resolve("whole");
    CommandRun uninterrupted = CommandRun.of(home, command.apply(whole));
    assertThat(uninterrupted.status()).as(uninterrupted.err()).isZero();
    Path out = home.resolve("killed");

    String child = killWhen(home, () -> killNow.test(out), command.apply(out));

    assertThat(out.resolve(results)).as(child).doesNotExist();
    List<String> resume = new ArrayList<>(List.of(command.apply(out)));
    resume.add("--resume");
    CommandRun resumed = CommandRun.of(home, resume.toArray(String[]::new));
    assertThat(resumed.status()).as(resumed.err()).isZero();
    assertThat(resumed.err()).containsPattern(resumedLine);
    assertThat(RunStatus.read(out).orElseThrow().status()).isEqualTo(RunStatus.State.COMPLETE);
    assertThat(ResultsJson.without(out.resolve(results), runSpecific))
        .isEqualTo(ResultsJson.without(whole.resolve(results), runSpecific));
    return new Path[] {whole, out};
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
