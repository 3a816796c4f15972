package org.kernelnet.apps.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.cli.ConfigurationException;

class RecordedSettingsTest {
  @TempDir Path dir;

  record Layer(String kernel, int width) {}

  record Settings(int epochs, double rate, List<Layer> layers, Path save) {}

  private final Settings settings =
      new Settings(3, 0.5, List.of(new Layer("rbf", 8)), Path.of("/models/m.knml"));

  private static RunFolder.Request request(Path out, boolean resume) {
    return new RunFolder.Request(Optional.of(out), Path.of("unused"), RunFolder.Mode.NEW, true,
        "test", List.of(), List.of()).resumable(resume);
  }

  private static RunFolder open(Path out, boolean resume, Settings settings) {
    return RunFolder.open(request(out, resume).recording(settings));
  }

  /** Starts a run with {@code recorded} in {@code out} and stops it (failed). */
  private static void started(Path out, Settings recorded) throws IOException {
    try (RunFolder run = open(out, false, recorded)) {
      run.fail("stopped");
    }
  }

  @Test
  void aNewRunRecordsItsSettingsAndAResumeWithTheSameOnesGoesOnLeavingThem() throws IOException {
    Path out = dir.resolve("run");
    started(out, settings);
    String recorded = Files.readString(out.resolve(RecordedSettings.FILE));
    assertThat(JsonParser.parseString(recorded)).isEqualTo(JsonParser.parseString("{\"epochs\": 3,"
        + " \"rate\": 0.5, \"layers\": [{\"kernel\": \"rbf\", \"width\": 8}], \"save\":"
        + " \"/models/m.knml\"}"));

    try (RunFolder run = open(out, true, settings)) {
      assertThat(run.resumed()).isTrue();
    }

    assertThat(out.resolve(RecordedSettings.FILE)).hasContent(recorded.strip());
  }

  @Test
  void aResumeWithOtherSettingsIsRefusedNamingEachDifferenceLeavingTheRunAsItWas() throws IOException {
    Path out = dir.resolve("run");
    started(out, settings);
    Settings other = new Settings(4, 0.5, List.of(new Layer("dot", 8), new Layer("rbf", 2)),
        null);

    String status = Files.readString(out.resolve(RunFolder.STATUS_FILE));

    assertThatThrownBy(() -> open(out, true, other))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("--resume: the run in " + out + " was started with other settings"
            + " (settings.json): epochs: recorded 3, given 4; layers[0].kernel: recorded"
            + " \"rbf\", given \"dot\"; layers[1].kernel: recorded (none), given \"rbf\";"
            + " layers[1].width: recorded (none), given 2; save: recorded \"/models/m.knml\","
            + " given null; resume it with the options it was started with (its status.json"
            + " lists them), or choose another --output");

    assertThat(out.resolve(RunFolder.STATUS_FILE)).hasContent(status);
    assertThat(RunLock.isHeld(out)).isFalse();
    try (RunFolder run = open(out, true, settings)) {
      assertThat(run.resumed()).isTrue();
    }
  }

  @Test
  void aResumedRunWithoutRecordedSettingsRecordsThem() throws IOException {
    Path out = dir.resolve("run");
    try (RunFolder run = RunFolder.open(request(out, false))) {
      run.fail("killed before it recorded its settings");
    }

    try (RunFolder run = open(out, true, settings)) {
      assertThat(run.resumed()).isTrue();
    }

    assertThat(JsonParser.parseString(Files.readString(out.resolve(RecordedSettings.FILE)))
        .getAsJsonObject().get("epochs").getAsInt()).isEqualTo(3);
  }

  @Test
  void unreadableRecordedSettingsAreRefusedNamingTheFile() throws IOException {
    Path out = dir.resolve("run");
    started(out, settings);
    Files.writeString(out.resolve(RecordedSettings.FILE), "{\"epochs\": ");

    assertThatThrownBy(() -> open(out, true, settings))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("--resume: cannot read " + out.resolve(RecordedSettings.FILE)
            + ": not the JSON a run records (");
  }
}
