package org.kernelnet.apps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
  private static final List<Device> CPU_ONLY = List.of(Device.cpu());
  private static final List<Device> TWO_GPUS = List.of(Device.gpu(0), Device.gpu(1));

  @Test
  void autoPrefersTheFirstGpu() {
    assertThat(DeviceChoice.AUTO.select(TWO_GPUS, "PyTorch 2.7.1")).isEqualTo(Device.gpu(0));
    assertThat(DeviceChoice.AUTO.select(CPU_ONLY, "PyTorch 2.7.1")).isEqualTo(Device.cpu());
  }

  @Test
  void cpuIsAlwaysTheCpu() {
    assertThat(DeviceChoice.CPU.select(TWO_GPUS, "PyTorch 2.7.1")).isEqualTo(Device.cpu());
  }

  @Test
  void gpuPicksTheFirstGpu() {
    assertThat(DeviceChoice.GPU.select(TWO_GPUS, "PyTorch 2.7.1")).isEqualTo(Device.gpu(0));
  }

  @Test
  void gpuWithoutGpuIsAClearConfigurationError() {
    assertThatThrownBy(() -> DeviceChoice.GPU.select(CPU_ONLY, "PyTorch 2.7.1"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("--device gpu: the DJL engine PyTorch 2.7.1 sees no GPU"
            + " (available devices: [cpu()])")
        .hasMessageContaining("Use --device cpu or auto");
  }
}
