package org.kernelnet.apps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class DeviceOptionTest {
  @Command(name = "train")
  static final class TrainCommand {
    @Mixin DeviceOption device;
  }

  private static DeviceChoice parse(String... args) {
    TrainCommand command = new TrainCommand();
    new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
    return command.device.device();
  }

  @Test
  void defaultsToAutoAndAcceptsLowerCase() {
    assertThat(parse()).isEqualTo(DeviceChoice.AUTO);
    assertThat(parse("--device", "gpu")).isEqualTo(DeviceChoice.GPU);
    assertThat(parse("--device", "cpu")).isEqualTo(DeviceChoice.CPU);
  }

  @Test
  void unknownDeviceNamesTheValidOnes() {
    assertThatThrownBy(() -> parse("--device", "tpu"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("'tpu'")
        .hasMessageContaining("CPU, GPU, AUTO");
  }
}
