package org.kernelnet.apps.cli;

import picocli.CommandLine.Option;

/** The {@code --device cpu|gpu|auto} option of training commands (a picocli mixin). */
public final class DeviceOption {
  @Option(
      names = "--device",
      paramLabel = "cpu|gpu|auto",
      defaultValue = "auto",
      description = "Device to compute on: cpu, gpu (fails if DJL sees none) or auto (a GPU if DJL"
          + " sees one); default: ${DEFAULT-VALUE}.")
  private DeviceChoice device;

  /** The chosen device kind. */
  public DeviceChoice device() {
    return device;
  }
}
