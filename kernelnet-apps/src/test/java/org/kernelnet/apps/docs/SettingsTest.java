package org.kernelnet.apps.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** {@link Settings#flatten}: dotted keys, array indices, locations and null leaves left out. */
class SettingsTest {
  @Test
  void leavesAreFlattenedWithoutLocationsOrNulls() {
    var json = JsonParser.parseString("""
        {"models": [{"lambda2": 10.0}], "glocalK": null, "output": "/tmp/x",
         "protocol": "OFFICIAL", "splits": 1}""").getAsJsonObject();

    assertThat(Settings.flatten(json)).containsExactly(
        entry("models.0.lambda2", "10.0"),
        entry("protocol", "OFFICIAL"),
        entry("splits", "1"));
  }
}
