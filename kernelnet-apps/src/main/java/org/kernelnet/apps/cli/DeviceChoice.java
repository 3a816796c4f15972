package org.kernelnet.apps.cli;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import java.util.List;

/**
 * The {@code --device} option: {@code cpu}, {@code gpu} or {@code auto}. The choice is resolved
 * against the devices the DJL engine reports, never by assuming a CPU-only machine.
 */
public enum DeviceChoice {
  /** The CPU, always available. */
  CPU,
  /** The first GPU; an error if the engine sees none. */
  GPU,
  /** The first GPU if the engine sees one, else the engine's first device. */
  AUTO;

  /**
   * Picks a device among those the engine reports ({@code Engine.getDevices()}: its GPUs, or the CPU
   * when it has none).
   *
   * @param available the engine's devices, at least one
   * @param engineDescription e.g. {@code PyTorch 2.7.1}, for the error message
   * @throws ConfigurationException for {@code gpu} when no GPU is available
   */
  public Device select(List<Device> available, String engineDescription) {
    requireNonNull(available, "available is null");
    requireNonNull(engineDescription, "engineDescription is null");
    if (available.isEmpty()) {
      throw new IllegalArgumentException("the engine reports no devices at all");
    }
    return switch (this) {
      case CPU -> Device.cpu();
      case GPU -> available.stream().filter(Device::isGpu).findFirst().orElseThrow(() ->
          new ConfigurationException("--device gpu: the DJL engine " + engineDescription
              + " sees no GPU (available devices: " + available + "). Use --device cpu or auto, or"
              + " give DJL CUDA-enabled PyTorch natives (PYTORCH_LIBRARY_PATH, or KERNELNET_OFFLINE=false"
              + " so that DJL may download them)."));
      case AUTO -> available.stream().filter(Device::isGpu).findFirst().orElse(available.get(0));
    };
  }
}
