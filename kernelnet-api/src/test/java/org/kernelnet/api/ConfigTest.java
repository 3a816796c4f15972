package org.kernelnet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  private static final List<ConfigKey> KEYS = List.of(
      ConfigKey.ofInt("degree", 2, ConfigKey.Range.atLeast(1), "polynomial degree"),
      ConfigKey.ofDouble("offset", 1.0, ConfigKey.Range.nonNegative(), "added to u.v"));

  @Test
  void fillsDefaultsInKeyOrder() {
    Config config = Config.parse("kernel 'poly'", KEYS, Map.of("offset", "0.5"));
    assertThat(config.getInt("degree")).isEqualTo(2);
    assertThat(config.getDouble("offset")).isEqualTo(0.5);
    assertThat(config).hasToString("degree=2,offset=0.5");
    assertThat(config.getDouble("degree")).isEqualTo(2.0);
  }

  @Test
  void rejectsIntegersWrittenAsReals() {
    assertThatThrownBy(() -> Config.parse("kernel 'poly'", KEYS, Map.of("degree", "2.5")))
        .hasMessage("Invalid configuration of kernel 'poly': 'degree' must be an integer, got '2.5'");
    assertThatThrownBy(() -> Config.parse("kernel 'poly'", KEYS, Map.of("degree", "0")))
        .hasMessageContaining("'degree' must be in [1, inf), got 0");
  }

  @Test
  void rejectsNonFiniteValues() {
    assertThatThrownBy(() -> Config.parse("kernel 'poly'", KEYS, Map.of("offset", "NaN")))
        .hasMessageContaining("'offset' must be in [0, inf), got NaN");
    assertThatThrownBy(() -> Config.parse("kernel 'poly'", KEYS, Map.of("offset", "Infinity")))
        .hasMessageContaining("got Infinity");
  }

  @Test
  void keysValidateTheirOwnDefinition() {
    assertThatThrownBy(() -> ConfigKey.ofDouble("gamma", -1.0, ConfigKey.Range.positive(), "x"))
        .hasMessage("default of setting 'gamma': must be in (0, inf), got -1.0");
    assertThatThrownBy(() -> ConfigKey.ofDouble("Gamma", 1.0, ConfigKey.Range.positive(), "x"))
        .hasMessageContaining("must match");
    assertThat(KEYS.get(0).summary()).isEqualTo("degree (integer in [1, inf), default 2): polynomial degree");
  }

  @Test
  void builderRejectsRepeatedKeys() {
    assertThatThrownBy(() -> Config.builder().put("a", 1).put("a", 2.0))
        .hasMessage("setting 'a' given twice");
  }

  @Test
  void specParsing() {
    ComponentSpec spec = ComponentSpec.parse(" rbf : gamma = 0.5 , c=1");
    assertThat(spec.name()).isEqualTo("rbf");
    assertThat(spec.settings()).containsExactly(Map.entry("gamma", "0.5"), Map.entry("c", "1"));
    assertThat(ComponentSpec.parse("dot").settings()).isEmpty();
    assertThat(ComponentSpec.parse("dot:").settings()).isEmpty();
    assertThatThrownBy(() -> ComponentSpec.parse(":gamma=1")).hasMessageContaining("has no name");
    assertThatThrownBy(() -> ComponentSpec.parse("rbf:gamma=1,gamma=2"))
        .hasMessage("Setting 'gamma' given twice in 'rbf:gamma=1,gamma=2'");
    assertThatThrownBy(() -> ComponentSpec.parse("rbf:gamma=1,,")).hasMessageContaining("Malformed setting ''");
  }

  @Test
  void apiVersionCompatibility() {
    assertThat(KernelnetApi.isCompatible("1.3", "1.0")).isTrue();
    assertThat(KernelnetApi.isCompatible("1.3", "1.3")).isTrue();
    assertThat(KernelnetApi.isCompatible("1.3", "1.4")).isFalse();
    assertThat(KernelnetApi.isCompatible("2.0", "1.0")).isFalse();
    assertThatThrownBy(() -> KernelnetApi.isCompatible("1", "1.0")).hasMessageContaining("MAJOR.MINOR");
  }
}
