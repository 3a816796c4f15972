package org.kernelnet.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealDataTest {
  @Test
  void relativeValueIsResolvedAgainstTheFolderMavenWasStartedFrom() {
    assertThat(RealData.resolve("../shared/data", "/work/clone"))
        .contains(Path.of("/work/shared/data"));
  }

  @Test
  void absoluteValueIsKept() {
    assertThat(RealData.resolve("/data/kernelnet/", "/work/clone"))
        .contains(Path.of("/data/kernelnet"));
  }

  @Test
  void unsetVariableMeansNone() {
    assertThat(RealData.resolve(null, "/work/clone")).isEmpty();
    assertThat(RealData.resolve(" ", "/work/clone")).isEmpty();
    assertThat(RealData.resolve("${env.KERNELNET_DATA_DIR}", "/work/clone")).isEmpty();
  }

  @Test
  void withoutInvocationFolderTheWorkingFolderIsTheBase() {
    assertThat(RealData.resolve("data", null))
        .contains(Path.of("data").toAbsolutePath().normalize());
  }
}
